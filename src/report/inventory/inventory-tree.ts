import { errorLine, type NetworkInventoryDocument, type InputInventory, type InventoryItem, type ItemKind, type ResourceRef } from '../../inventory/network-inventory.js';
import { inertCommands } from '../inert-commands.js';
import { printable } from '../printable-text.js';
import { groupByVpc, KIND_HEADINGS } from './inventory-groups.js';

interface Node {
  label: string;
  children: Node[];
}

/** `warden inventory` on the console: per input, each VPC with its resources by kind, then what lies outside any VPC. */
export function inventoryTree(document: NetworkInventoryDocument): string {
  const lines: string[] = [];
  for (const input of document.inputs) {
    lines.push(safe(`${input.input} (${input.source})`));
    const roots = inputNodes(input);
    if (roots.length === 0) lines.push('└─ no network resources');
    roots.forEach((node, i) => draw(node, '', i === roots.length - 1, lines));
  }
  for (const error of document.errors) lines.push(safe(`not read: ${errorLine(error)}`));
  return `${lines.join('\n')}\n`;
}

function inputNodes(input: InputInventory): Node[] {
  const live = input.source === 'live';
  return groupByVpc(input).map((group) => {
    const sections = kindSections(group.members, live);
    if (!group.vpc) return { label: 'outside any VPC (or VPC not known)', children: sections };
    const v = group.vpc;
    return { label: `VPC ${nameOf(v, live)}  ${field('cidr', v.cidr)}${field('ipv6', v.ipv6Cidr)}`.trimEnd(), children: sections };
  });
}

function kindSections(items: readonly InventoryItem[], live: boolean): Node[] {
  const byKind = new Map<ItemKind, InventoryItem[]>();
  for (const item of items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  return (Object.keys(KIND_HEADINGS) as ItemKind[])
    .filter((kind) => byKind.has(kind))
    .map((kind) => ({ label: KIND_HEADINGS[kind], children: byKind.get(kind)!.map((item) => itemNode(item, live)) }));
}

function itemNode(item: InventoryItem, live: boolean): Node {
  const name = nameOf(item, live);
  switch (item.kind) {
    case 'subnet':
      return leaf(`${name}  ${item.exposure}${item.reason ? ` (${item.reason})` : ''}  ${field('az', item.availabilityZone)}${field('cidr', item.cidr)}${field('ipv6', item.ipv6Cidr)}${field('route table', item.routeTable)}`);
    case 'route-table':
      return { label: name, children: (item.routes ?? []).map((route) => leaf(`${route.destination} → ${route.target}`)) };
    case 'security-group':
      return {
        label: `${name}${item.attachedTo?.length ? '' : '  attached to nothing'}`,
        children: (item.attachedTo ?? []).map((ref) => leaf(`attached to ${ref.type} ${nameOf(ref, live)}`)),
      };
    case 'nat-gateway':
    case 'elastic-ip':
      return leaf(`${name}  ${field('public ip', item.publicIp)}${field('with', item.associatedWith)}`);
    case 'database':
      return leaf(`${name}  ${field('engine', item.engine)}${field('port', item.port)}${field('publicly accessible', item.publiclyAccessible)}${field('subnet group', item.associatedWith)}`);
    default:
      return leaf(name);
  }
}

/** Name tag and id; Terraform resources add their address (live addresses are ARNs the id already names). */
function nameOf(ref: ResourceRef, live: boolean): string {
  const named = ref.name !== null ? `${ref.name} ${ref.id}` : ref.id;
  return live ? named : `${named} ${ref.address}`;
}

function field(label: string, value: string | null | undefined): string {
  return value === null || value === undefined ? '' : `${label} ${value}  `;
}

function leaf(label: string): Node {
  return { label: label.trimEnd(), children: [] };
}

function draw(node: Node, indent: string, last: boolean, lines: string[]): void {
  lines.push(safe(`${indent}${last ? '└─ ' : '├─ '}${node.label}`));
  const childIndent = `${indent}${last ? '   ' : '│  '}`;
  node.children.forEach((child, i) => draw(child, childIndent, i === node.children.length - 1, lines));
}

/** Names and tags come from the input: no control character or workflow command reaches the terminal or CI log. */
function safe(line: string): string {
  return inertCommands(printable(line));
}
