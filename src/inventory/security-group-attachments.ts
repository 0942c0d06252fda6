import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import type { Unknown } from '../model/unknown.js';
import { SECURITY_GROUP_TYPES } from '../model/views/security-groups.js';
import { linksOf } from '../network/links.js';

/**
 * The attributes through which a resource puts itself behind security groups, per Terraform type.
 * Live collectors map API objects onto the same types, so one table serves plan, HCL and live.
 */
const ATTACHING_ATTRIBUTES: Record<string, readonly string[]> = {
  aws_instance: ['vpc_security_group_ids', 'security_groups'],
  aws_network_interface: ['security_groups'],
  aws_lb: ['security_groups'],
  aws_alb: ['security_groups'],
  aws_elb: ['security_groups'],
  aws_db_instance: ['vpc_security_group_ids'],
  aws_rds_cluster: ['vpc_security_group_ids'],
  aws_elasticache_cluster: ['security_group_ids'],
  aws_elasticache_replication_group: ['security_group_ids'],
  aws_lambda_function: ['vpc_config.0.security_group_ids'],
  aws_ecs_service: ['network_configuration.0.security_groups'],
  aws_launch_template: ['vpc_security_group_ids'],
  aws_redshift_cluster: ['vpc_security_group_ids'],
  aws_docdb_cluster: ['vpc_security_group_ids'],
  aws_neptune_cluster: ['vpc_security_group_ids'],
  aws_vpc_endpoint: ['security_group_ids'],
  aws_efs_mount_target: ['security_groups'],
  aws_eks_cluster: ['vpc_config.0.security_group_ids'],
};

/** Every type that can put itself behind a security group (and the attachment resource), for policies' `resourceTypes`. */
export const GROUP_ATTACHING_TYPES: readonly string[] = [...Object.keys(ATTACHING_ATTRIBUTES), 'aws_network_interface_sg_attachment'];

/** What the configuration attaches to security groups, and the attachments that cannot be told. */
export interface GroupAttachments {
  /** Security group → the resources attached to it, in inventory order. */
  byGroup: Map<Resource, Resource[]>;
  /** Resources whose groups are known only after apply (no reference edge names them): any group may be theirs. */
  doubts: { resource: Resource; why: Unknown }[];
}

const cache = new WeakMap<Inventory, GroupAttachments>();

/** Security group → the resources attached to it, in inventory order. */
export function securityGroupAttachments(inventory: Inventory): Map<Resource, Resource[]> {
  return groupAttachments(inventory).byGroup;
}

/** The attachments of every group, built once per inventory (the report and several policies ask). */
export function groupAttachments(inventory: Inventory): GroupAttachments {
  let found = cache.get(inventory);
  if (!found) {
    found = buildAttachments(inventory);
    cache.set(inventory, found);
  }
  return found;
}

function buildAttachments(inventory: Inventory): GroupAttachments {
  // Sets while collecting: a list's `includes` made a group shared by thousands of resources quadratic.
  const attached = new Map<Resource, Set<Resource>>();
  const doubts: GroupAttachments['doubts'] = [];
  const attach = (group: Resource, resource: Resource): void => {
    const set = attached.get(group);
    if (!set) attached.set(group, new Set([resource]));
    else set.add(resource);
  };
  for (const [type, paths] of Object.entries(ATTACHING_ATTRIBUTES)) {
    for (const resource of inventory.ofType(type)) {
      for (const path of paths) {
        const links = linksOf(inventory, resource, path, SECURITY_GROUP_TYPES);
        for (const group of links.resources) attach(group, resource);
        if (links.unknown) doubts.push({ resource, why: links.unknown });
      }
    }
  }
  // A group added to an existing interface by its own resource: the interface is what it guards.
  for (const link of inventory.ofType('aws_network_interface_sg_attachment')) {
    const interfaces = linksOf(inventory, link, 'network_interface_id', ['aws_network_interface', 'aws_instance']).resources;
    const groups = linksOf(inventory, link, 'security_group_id', SECURITY_GROUP_TYPES);
    for (const group of groups.resources) {
      for (const target of interfaces.length > 0 ? interfaces : [link]) attach(group, target);
    }
    if (groups.unknown) doubts.push({ resource: link, why: groups.unknown });
  }
  const byGroup = new Map<Resource, Resource[]>();
  for (const [group, resources] of attached) byGroup.set(group, [...resources]);
  return { byGroup, doubts };
}
