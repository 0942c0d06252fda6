import type { Resource } from '../model/resource.js';
import type { Unknown } from '../model/unknown.js';
import type { Links } from './links.js';

/**
 * Anything that listens in a VPC subnet behind security groups: a database (databases.ts) or an EC2
 * instance (instances.ts). The path from the internet to it is solved the same way for both
 * (db-reachability.ts); what gives it an internet address is the caller's question.
 */
export interface ExposureTarget {
  resource: Resource;
  /** The subnets it may sit in (a DB subnet group's, or the instance's one); ids naming nothing here become Unknowns. */
  subnets: (Resource | Unknown)[] | Unknown;
  /** Whether it has an IPv6 address too: then the IPv6 path counts as well. */
  ipv6: boolean | Unknown;
  /** The attached security groups (resources), or Unknown; an empty list means the VPC's default group. */
  securityGroups: Links;
  /** Who carries the security-group list: the resource, its cluster, or its network interface. */
  securityGroupsFrom: Resource;
  /** Where its subnets come from, for the subnet hop of a witness path: `aws_db_subnet_group.main`, `subnet_id`. */
  placement: string;
}
