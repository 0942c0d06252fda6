import { isUnknown, type Inventory, type Resource, type SecurityGroup } from '../../src/api.js';

/** Rule types that are part of the group they name by `security_group_id` (not a use of it). */
export const RULE_TYPES = ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];

/** A VPC's default group: Terraform's aws_default_security_group, or the group AWS named `default`. */
export function isDefaultGroup(group: Resource): boolean {
  return group.type === 'aws_default_security_group' || group.values['name'] === 'default';
}

/**
 * Labels already made, by group: four policies name every group of the input, in their passes too.
 * Keyed by the resource itself (what the label reads of it does not change after loading), so a
 * label goes when its input does and never carries over to another input.
 */
const labels = new WeakMap<Resource, string>();

/** How messages name a group: its address, with its Name tag or group name when that says more. */
export function groupLabel(group: Resource): string {
  let label = labels.get(group);
  if (label === undefined) {
    label = makeLabel(group);
    labels.set(group, label);
  }
  return label;
}

function makeLabel(group: Resource): string {
  // Live addresses are ARNs, which reports already show by Name tag and id.
  if (group.source === 'live') return group.address;
  const tags = group.tags;
  const tagged = tags && !isUnknown(tags) ? tags['Name'] : undefined;
  const name = typeof tagged === 'string' ? tagged : typeof group.values['name'] === 'string' ? (group.values['name'] as string) : undefined;
  return name && !group.address.includes(name) ? `${group.address} (${name})` : group.address;
}

/** The managed groups of an inventory that are not a VPC's default group. */
export function ownGroups(inventory: Inventory): Resource[] {
  return inventory.ofType('aws_security_group').filter((g) => g.mode === 'managed' && !isDefaultGroup(g));
}

/** The group views whose group this configuration or account manages (not rules left without their group, nor data sources). */
export function managedGroupViews(inventory: Inventory): (SecurityGroup & { resource: Resource })[] {
  return inventory.securityGroups.filter((g): g is SecurityGroup & { resource: Resource } => g.resource !== undefined && g.resource.mode === 'managed');
}
