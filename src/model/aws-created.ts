import type { Inventory } from './inventory.js';
import { isDefaultRedshiftParameterGroup } from './redshift-parameter-groups.js';
import type { Resource } from './resource.js';

/** Per inventory: the ids of the default VPCs and of every VPC's main route table (read once). */
const defaultsOf = new WeakMap<Inventory, { defaultVpcs: Set<string>; mainTables: Set<string> }>();

/**
 * Whether a live resource is one AWS creates by itself: the default VPC of a region and its default
 * subnets, every VPC's default security group, default network ACL and main route table, and the
 * internet gateway of the default VPC, and Redshift's `default.*` parameter groups. They exist in every region of every account whether anyone
 * uses them or not, so governance checks (tags) leave them out by default; security checks must not.
 * Never true outside live inventories: in Terraform, a resource is there because someone wrote it.
 */
export function isAwsCreated(inventory: Inventory, resource: Resource): boolean {
  if (resource.source !== 'live') return false;
  const v = resource.values;
  switch (resource.type) {
    case 'aws_vpc':
      return v['is_default'] === true;
    case 'aws_subnet':
      return v['default_for_az'] === true;
    case 'aws_security_group':
      return v['name'] === 'default';
    case 'aws_default_network_acl':
    case 'aws_default_security_group':
      return true;
    case 'aws_route_table':
      return typeof v['id'] === 'string' && defaults(inventory).mainTables.has(v['id']);
    case 'aws_redshift_parameter_group':
      return typeof v['name'] === 'string' && isDefaultRedshiftParameterGroup(v['name']);
    case 'aws_internet_gateway':
      return typeof v['vpc_id'] === 'string' && defaults(inventory).defaultVpcs.has(v['vpc_id']);
    default:
      return false;
  }
}

function defaults(inventory: Inventory): { defaultVpcs: Set<string>; mainTables: Set<string> } {
  let found = defaultsOf.get(inventory);
  if (!found) {
    found = { defaultVpcs: new Set(), mainTables: new Set() };
    for (const vpc of inventory.ofType('aws_vpc')) {
      const id = vpc.values['id'];
      const main = vpc.values['main_route_table_id'];
      if (vpc.values['is_default'] === true && typeof id === 'string') found.defaultVpcs.add(id);
      if (typeof main === 'string') found.mainTables.add(main);
    }
    defaultsOf.set(inventory, found);
  }
  return found;
}
