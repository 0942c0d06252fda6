import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import { listOf } from '../model/value.js';
import type { Family } from './address-set.js';
import { parseCidr, type Cidr } from './cidr.js';
import { describeMissing, linksOf } from './links.js';

export const VPC_TYPES = ['aws_vpc', 'aws_default_vpc'] as const;
export const SUBNET_TYPES = ['aws_subnet', 'aws_default_subnet'] as const;
const CIDR_ASSOCIATION_TYPES = ['aws_vpc_ipv4_cidr_block_association', 'aws_vpc_ipv6_cidr_block_association'];

/** The address ranges routed `local` inside a VPC: its CIDR blocks, some perhaps Unknown until apply. */
export interface LocalRanges {
  cidrs: Cidr[];
  unknown: Unknown[];
}

/** VPCs and subnets: which VPC a resource belongs to, and the VPC's own address ranges. */
export class VpcIndex {
  readonly #inventory: Inventory;
  readonly #vpcOf = new Map<Resource, Resource | Unknown>();
  /** VPC → secondary CIDR association resources. */
  readonly #cidrAssociations = new Map<Resource, Resource[]>();

  constructor(inventory: Inventory) {
    this.#inventory = inventory;
    for (const association of inventory.ofType(...CIDR_ASSOCIATION_TYPES)) {
      for (const vpc of linksOf(inventory, association, 'vpc_id', VPC_TYPES).resources) {
        const list = this.#cidrAssociations.get(vpc);
        if (list) list.push(association);
        else this.#cidrAssociations.set(vpc, [association]);
      }
    }
  }

  /** The VPC of a subnet, route table, NACL, gateway… (its `vpc_id`), or why it cannot be told. */
  vpcOf(resource: Resource, path = 'vpc_id'): Resource | Unknown {
    const memo = path === 'vpc_id' ? this.#vpcOf.get(resource) : undefined;
    if (memo) return memo;
    const links = linksOf(this.#inventory, resource, path, VPC_TYPES);
    let vpc: Resource | Unknown;
    if (links.resources.length > 0) vpc = links.resources[0]!;
    else if (links.unknown) vpc = links.unknown;
    else if (links.missing.length > 0) vpc = describeMissing('VPC', links.missing[0]!, resource);
    else vpc = new Unknown(`${resource.address} names no VPC`);
    if (path === 'vpc_id') this.#vpcOf.set(resource, vpc);
    return vpc;
  }

  /** The VPC's CIDR blocks of one family (primary, secondary, associations), which its route tables send `local`. */
  localRanges(vpc: Resource, family: Family): LocalRanges {
    const out: LocalRanges = { cidrs: [], unknown: [] };
    const add = (value: unknown): void => {
      if (isUnknown(value)) out.unknown.push(value);
      else if (typeof value === 'string' && value !== '') {
        const cidr = parseCidr(value);
        if (cidr && cidr.family === family) out.cidrs.push(cidr);
      }
    };
    const attribute = family === 'ipv4' ? 'cidr_block' : 'ipv6_cidr_block';
    add(vpc.values[attribute]);
    if (family === 'ipv4') {
      // Live VPCs list their secondary blocks; plans model them as association resources (below).
      const secondary = listOf(vpc.values['secondary_cidr_blocks']);
      if (isUnknown(secondary)) out.unknown.push(secondary);
      else for (const value of secondary) add(value);
    }
    for (const association of this.#cidrAssociations.get(vpc) ?? []) {
      if (association.type.includes(family)) add(association.values[attribute]);
    }
    return out;
  }
}

/**
 * Whether the VPC is made by this input, so that what AWS creates with it — a main route table with
 * only the local routes, a default ACL allowing everything, a default security group admitting only
 * itself — is what it will have unless the input manages those too: a VPC a plan creates, or one a
 * Terraform configuration declares. An existing VPC may have had them changed by hand.
 */
export function startsWithAwsDefaults(vpc: Resource): boolean {
  return vpc.mode === 'managed' && (vpc.action === 'create' || vpc.source === 'hcl');
}
