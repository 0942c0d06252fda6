import type { InputInventory, InventoryItem, ItemKind } from '../../inventory/network-inventory.js';

/** Section headings of the tree, in order. */
export const KIND_HEADINGS: Record<ItemKind, string> = {
  vpc: 'VPCs',
  subnet: 'Subnets',
  'route-table': 'Route tables',
  'internet-gateway': 'Internet gateways',
  'nat-gateway': 'NAT gateways',
  'transit-gateway': 'Transit gateways',
  'network-acl': 'Network ACLs',
  'security-group': 'Security groups',
  'elastic-ip': 'Elastic IPs',
  database: 'Databases',
};

/** One VPC and what lies in it; the VPC is undefined for what lies in none (or in one the input lacks). */
export interface VpcGroup {
  vpc: InventoryItem | undefined;
  members: InventoryItem[];
}

/** The items of an input grouped under their VPC, in input order; the group without a VPC last. */
export function groupByVpc(input: InputInventory): VpcGroup[] {
  const groups = new Map<string | null, VpcGroup>();
  for (const item of input.items) if (item.kind === 'vpc') groups.set(item.address, { vpc: item, members: [] });
  for (const item of input.items) {
    if (item.kind === 'vpc') continue;
    const key = item.vpc !== null && groups.has(item.vpc) ? item.vpc : null;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { vpc: undefined, members: [] }));
    group.members.push(item);
  }
  const outside = groups.get(null);
  groups.delete(null);
  return outside ? [...groups.values(), outside] : [...groups.values()];
}
