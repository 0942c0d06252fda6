import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import type { Value } from '../model/value.js';
import { SECURITY_GROUP_TYPES } from '../model/views/security-groups.js';
import { DATABASE_KINDS, type DatabaseKind } from './database-kinds.js';
import type { ExposureTarget } from './exposure-target.js';
import { configures, describeMissing, linksOf, type Links } from './links.js';
import { SUBNET_TYPES } from './vpcs.js';
import { engineDefaultPort } from './engine-ports.js';

export const DB_INSTANCE_TYPES = ['aws_db_instance', 'aws_rds_cluster_instance'] as const;

/** The TCP port a database listens on, and where that number comes from. */
export interface DbPort {
  port: number;
  /** The attribute it was read from (`port`, or the cluster's), or the engine whose default it is. */
  source: { resource: Resource; attribute: string } | { engine: string };
}

/** A database (RDS or Aurora instance, Multi-AZ DB cluster, Redshift cluster, Neptune or DocumentDB instance) with what the network path depends on, each part possibly Unknown. */
export interface DbInstance extends ExposureTarget {
  kind: DatabaseKind;
  /** The cluster of a member instance (Aurora, Neptune, DocumentDB). */
  readonly cluster: Resource | undefined;
  publiclyAccessible: boolean | Unknown;
  port: DbPort | Unknown;
  /** Whether the database has an IPv6 address too (RDS `network_type = "DUAL"`, Redshift `ip_address_type = "dualstack"`). */
  ipv6: boolean | Unknown;
  subnetGroup: Resource | Unknown;
}

/**
 * Reads the databases of an inventory, every kind of database-kinds.ts: RDS instances, Aurora members,
 * the Multi-AZ DB clusters that stand for their instances, Redshift clusters, Neptune and DocumentDB
 * instances. A Neptune or DocumentDB cluster listens through its instances, as Aurora does.
 */
export function readDatabases(inventory: Inventory): DbInstance[] {
  const subnetGroups = new SubnetGroups(inventory);
  return DATABASE_KINDS.flatMap((kind) =>
    inventory
      .ofType(kind.type)
      .filter((resource) => kind.type !== 'aws_rds_cluster' || isMultiAzDbCluster(resource))
      .map((resource) => new DatabaseReading(subnetGroups, kind, resource)),
  );
}

/** The subnets of each subnet group, read once for all the databases placed in it. */
class SubnetGroups {
  readonly inventory: Inventory;
  readonly #subnets = new Map<Resource, (Resource | Unknown)[] | Unknown>();

  constructor(inventory: Inventory) {
    this.inventory = inventory;
  }

  subnetsOf(group: Resource): (Resource | Unknown)[] | Unknown {
    let subnets = this.#subnets.get(group);
    if (subnets === undefined) {
      subnets = subnetsOf(this.inventory, group);
      this.#subnets.set(group, subnets);
    }
    return subnets;
  }
}

/**
 * A Multi-AZ DB cluster (not Aurora: it has a `db_cluster_instance_class`) gets its instances from RDS
 * without `aws_rds_cluster_instance` blocks, and carries `publicly_accessible` itself. A live audit
 * lists those instances, and records no instance class on the cluster, so it is not read twice.
 */
function isMultiAzDbCluster(cluster: Resource): boolean {
  const instanceClass = cluster.values['db_cluster_instance_class'];
  return isUnknown(instanceClass) ? configures(cluster, 'db_cluster_instance_class') : typeof instanceClass === 'string' && instanceClass !== '';
}

/**
 * One database, its subnet group, subnets and security groups read on first use: a database that is
 * not publicly accessible needs no path, and a policy that asks only for its security groups needs no
 * subnets (the VPC default group excepted).
 */
class DatabaseReading implements DbInstance {
  readonly kind: DatabaseKind;
  readonly resource: Resource;
  readonly cluster: Resource | undefined;
  readonly publiclyAccessible: boolean | Unknown;
  readonly port: DbPort | Unknown;
  readonly ipv6: boolean | Unknown;
  readonly securityGroupsFrom: Resource;
  readonly #inventory: Inventory;
  readonly #subnetGroups: SubnetGroups;
  readonly #clusterLinks: Links | undefined;
  #subnetGroup?: Resource | Unknown;
  #subnets?: (Resource | Unknown)[] | Unknown;
  #securityGroups?: Links;

  constructor(subnetGroups: SubnetGroups, kind: DatabaseKind, resource: Resource) {
    const inventory = subnetGroups.inventory;
    this.#inventory = inventory;
    this.#subnetGroups = subnetGroups;
    this.kind = kind;
    this.resource = resource;
    this.#clusterLinks = kind.clusterTypes ? linksOf(inventory, resource, 'cluster_identifier', kind.clusterTypes) : undefined;
    const cluster = this.#clusterLinks?.resources[0];
    this.cluster = cluster;
    // Members take the subnet group and security groups of their cluster; live members carry their own too.
    this.securityGroupsFrom = cluster && !hasValue(resource, 'vpc_security_group_ids') ? cluster : resource;
    this.publiclyAccessible = kind.publicAttribute ? booleanOf(resource.values[kind.publicAttribute], false) : false;
    this.port = portOf(kind, resource, cluster);
    this.ipv6 = ipv6Of(kind, resource);
  }

  get subnetGroup(): Resource | Unknown {
    if (this.#subnetGroup === undefined) {
      const { kind, resource, cluster } = this;
      const groupAttribute = kind.subnetGroupAttribute;
      const ownGroup = hasValue(resource, groupAttribute);
      this.#subnetGroup =
        this.#clusterLinks && !cluster && !ownGroup
          ? unfoundCluster(kind, resource, this.#clusterLinks)
          : subnetGroupOf(this.#inventory, kind, cluster && (hasValue(cluster, groupAttribute) || !ownGroup) ? cluster : resource);
    }
    return this.#subnetGroup;
  }

  get subnets(): (Resource | Unknown)[] | Unknown {
    if (this.#subnets === undefined) {
      const group = this.subnetGroup;
      this.#subnets = isUnknown(group) ? group : this.#subnetGroups.subnetsOf(group);
    }
    return this.#subnets;
  }

  get securityGroups(): Links {
    this.#securityGroups ??= securityGroupLinks(this.#inventory, this.securityGroupsFrom);
    return this.#securityGroups;
  }

  get placement(): string {
    const group = this.subnetGroup;
    return isUnknown(group) ? `the ${this.kind.subnetGroupLabel}` : group.address;
  }
}

function subnetGroupOf(inventory: Inventory, kind: DatabaseKind, holder: Resource): Resource | Unknown {
  const attribute = kind.subnetGroupAttribute;
  const links = linksOf(inventory, holder, attribute, kind.subnetGroupTypes);
  if (links.resources[0]) return links.resources[0];
  if (links.missing[0]) return describeMissing(kind.subnetGroupLabel, links.missing[0], holder);
  if (links.unknown && configures(holder, attribute)) return links.unknown;
  return new Unknown(`${holder.address} has no ${kind.subnetGroupLabel}: it is placed in the default VPC, which is not in the inventory`);
}

/** A member whose cluster is not here lives in that cluster's network, not in the default VPC: say which cluster is missing. */
function unfoundCluster(kind: DatabaseKind, member: Resource, links: Links): Unknown {
  const label = kind.clusterLabel ?? 'cluster';
  if (links.missing[0]) return describeMissing(label, links.missing[0], member);
  if (links.unknown) return new Unknown(`the ${label} of ${member.address} is not known: ${links.unknown.reason}`);
  return new Unknown(`the ${label} of ${member.address} is not in the inventory`);
}

function subnetsOf(inventory: Inventory, group: Resource): (Resource | Unknown)[] | Unknown {
  const links = linksOf(inventory, group, 'subnet_ids', SUBNET_TYPES);
  if (links.unknown && links.resources.length === 0) return links.unknown;
  return [
    ...links.resources,
    ...links.missing.map((id) => describeMissing('subnet', id, group)),
    ...(links.unknown ? [links.unknown] : []),
  ];
}

function securityGroupLinks(inventory: Inventory, holder: Resource): Links {
  const links = linksOf(inventory, holder, 'vpc_security_group_ids', SECURITY_GROUP_TYPES);
  // Computed, not written: the instance gets the VPC's default security group.
  if (links.unknown && links.resources.length === 0 && !configures(holder, 'vpc_security_group_ids')) return { resources: [], missing: [] };
  return links;
}

function portOf(kind: DatabaseKind, resource: Resource, cluster: Resource | undefined): DbPort | Unknown {
  for (const holder of cluster ? [resource, cluster] : [resource]) {
    const value = holder.values['port'];
    if (typeof value === 'number' && value > 0) return { port: value, source: { resource: holder, attribute: 'port' } };
    if (isUnknown(value) && configures(holder, 'port')) return value;
  }
  const engine = resource.values['engine'] ?? cluster?.values['engine'] ?? kind.engine;
  const fallback = isUnknown(engine) || typeof engine !== 'string' ? (cluster?.values['engine'] ?? kind.engine) : engine;
  if (isUnknown(fallback)) return fallback;
  if (typeof fallback !== 'string') return new Unknown(`${resource.address} sets neither port nor engine`);
  const port = engineDefaultPort(fallback);
  if (port === undefined) return new Unknown(`the default port of engine ${fallback} (${resource.address}) is not known; set port`);
  return { port, source: { engine: fallback } };
}

function ipv6Of(kind: DatabaseKind, resource: Resource): boolean | Unknown {
  // Neptune and DocumentDB are IPv4-only.
  if (!kind.dualStack) return false;
  const { attribute, value: dual } = kind.dualStack;
  const value = resource.values[attribute];
  if (isUnknown(value)) return configures(resource, attribute) ? value : false;
  if (typeof value === 'string') return value.toLowerCase() === dual.toLowerCase();
  if (value === undefined && resource.source !== 'plan') return new Unknown(`the network type (IPv4 or dual-stack) of ${resource.address} is not recorded`);
  return false;
}

function booleanOf(value: Value | undefined, fallback: boolean): boolean | Unknown {
  if (isUnknown(value)) return value;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return fallback;
}

function hasValue(resource: Resource, attribute: string): boolean {
  const value = resource.values[attribute];
  if (isUnknown(value)) return configures(resource, attribute) || (resource.references[attribute]?.length ?? 0) > 0;
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}
