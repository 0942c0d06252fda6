import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/unknown.js';
import type { ExposureTarget } from './exposure-target.js';
import type { NaclContribution } from './nacl-evaluation.js';
import type { NaclChoice, NaclRule } from './network-acls.js';
import type { GatewaySelection } from './route-selection.js';
import type { RouteTableChoice } from './route-tables.js';
import type { AdmittingRule } from './security-group-admission.js';

/** One hop of a witness path, pointing at the resource (and attribute) that makes it. */
export interface PathHop {
  /** Short, for a one-line chain: `aws_internet_gateway.main`, `route 0.0.0.0/0 → igw`. */
  label: string;
  resource?: Resource;
  /** Attribute path inside `resource` (`route.0`, `ingress.1`), to locate the hop precisely. */
  attribute?: string;
  detail?: string;
}

export interface PathParts {
  target: ExposureTarget;
  subnet: Resource;
  client: string;
  port: number;
  table: RouteTableChoice;
  selection: GatewaySelection;
  acl: NaclChoice;
  entry: NaclContribution;
  reply: NaclContribution;
  rule: AdmittingRule;
}

/** internet → igw → route table → route → subnet → NACL inbound → NACL outbound → SG rule → target:port. */
export function exposurePath(p: PathParts): PathHop[] {
  const gateway = p.selection.gateway;
  const gatewayHop: PathHop =
    'resource' in gateway
      ? {
          label: gateway.resource.address,
          resource: gateway.resource,
          detail: `internet gateway attached to ${gateway.attachment.vpc.address}${gateway.attachment.via === gateway.resource ? '' : ` by ${gateway.attachment.via.address}`}`,
        }
      : { label: gateway.id, detail: `internet gateway outside the inventory (AWS accepts routes only to a gateway attached to the table's VPC)` };
  const hops: PathHop[] = [
    { label: `internet ${p.client}`, detail: `any client address in ${p.client}` },
    gatewayHop,
  ];
  if (p.table.table) {
    hops.push({
      label: p.table.table.address,
      resource: p.table.table,
      detail: `route table of ${p.subnet.address} by ${p.table.how}${p.table.association ? ` (${p.table.association.address})` : ''}`,
    });
  }
  const route = p.selection.route;
  hops.push({
    label: `route ${p.selection.destination} → igw`,
    resource: route.origin,
    ...(route.path ? { attribute: route.path } : {}),
    detail: `longest prefix match for ${p.client}`,
  });
  hops.push({ label: p.subnet.address, resource: p.subnet, detail: `subnet of ${p.target.placement}` });
  hops.push(naclHop(p.acl, p.entry, 'inbound', `tcp ${p.port}`));
  hops.push(naclHop(p.acl, p.reply, 'outbound', `tcp ${p.reply.ports[0]}-${p.reply.ports[1]}`));
  const rule = p.rule;
  hops.push({
    label: `SG ${rule.group.resource?.address ?? rule.group.key} ${rule.source}`,
    resource: rule.rule.origin,
    ...(rule.attribute ?? rule.rule.path ? { attribute: rule.attribute ?? rule.rule.path } : {}),
    detail: `ingress ${describePorts(rule.rule.protocol, rule.rule.fromPort, rule.rule.toPort)} from ${rule.source}`,
  });
  hops.push({ label: `${p.target.resource.address}:${p.port}`, resource: p.target.resource, detail: `listens on TCP ${p.port}` });
  return hops;
}

function naclHop(acl: NaclChoice, contribution: NaclContribution, direction: 'inbound' | 'outbound', traffic: string): PathHop {
  const rule: NaclRule = contribution.rule;
  const number = isUnknown(rule.ruleNumber) ? '?' : String(rule.ruleNumber);
  const cidr = rule.cidr && 'cidr' in rule.cidr ? rule.cidr.cidr.text : '?';
  const name = acl.acl?.address ?? `default network ACL of ${acl.vpc.address}`;
  return {
    label: `NACL ${direction} #${number} allow ${traffic}`,
    resource: rule.origin,
    ...(rule.path ? { attribute: rule.path } : {}),
    detail: `${name} (${acl.how}${acl.association ? ` by ${acl.association.resource.address}.${acl.association.attribute}` : ''}) rule ${number}: allow ${describePorts(rule.protocol, rule.fromPort, rule.toPort)} ${direction === 'inbound' ? 'from' : 'to'} ${cidr}${rule.implicit ? ` — ${rule.implicit}` : ''}`,
  };
}

function describePorts(protocol: unknown, from: unknown, to: unknown): string {
  if (protocol === '-1') return 'all traffic';
  const range = from === to ? String(from) : `${String(from)}-${String(to)}`;
  return `${String(protocol)} ${range}`;
}
