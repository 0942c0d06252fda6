import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import type { SecurityGroup } from '../model/views/security-groups.js';
import { AddressSet, type Family } from './address-set.js';
import { readDatabases, type DbInstance } from './databases.js';
import { readInstances, type InstanceTarget } from './instances.js';
import { solveExposure, solveSubnetPath, type DbExposure, type SubnetPath } from './db-reachability.js';
import { InternetGateways } from './internet-gateways.js';
import { describeMissing } from './links.js';
import { naclInbound, naclOutboundEphemeral, naclWholeInternetEntry, type NaclReach } from './nacl-evaluation.js';
import { NetworkAcls, type NaclChoice, type NaclRule } from './network-acls.js';
import { PrefixLists } from './prefix-lists.js';
import { internetRoutes, type RouteReach } from './route-selection.js';
import { RouteTables, type RouteTableChoice } from './route-tables.js';
import { securityGroupAdmission, type SgAdmission } from './security-group-admission.js';
import { UncertainSet } from './uncertain-set.js';
import { startsWithAwsDefaults, VpcIndex } from './vpcs.js';
import type { ExposureTarget } from './exposure-target.js';

/** The security groups guarding a database: the resolved groups, or why they cannot be told. */
export type GuardingGroups = { groups: SecurityGroup[]; vpcDefault: boolean } | Unknown;

/**
 * The network as policies see it (`networkOf(inventory)`): VPCs, subnets, internet gateways, route
 * tables, network ACLs, security groups and databases, indexed once, with each part of a
 * reachability question computed once and shared (many databases sit in the same subnets). It reads
 * only Terraform-vocabulary resources, so plans, HCL and live inventories all work alike.
 */
export class NetworkView {
  readonly inventory: Inventory;
  #vpcs?: VpcIndex;
  #internetGateways?: InternetGateways;
  #prefixLists?: PrefixLists;
  #routeTables?: RouteTables;
  #networkAcls?: NetworkAcls;
  #databases?: DbInstance[];
  #instances?: InstanceTarget[];
  #groups?: Map<Resource, SecurityGroup>;
  #defaultGroups?: Map<Resource, Resource>;
  readonly #exposures = new Map<Resource, DbExposure>();
  readonly #portExposures = new Map<string, DbExposure>();
  readonly #routeReach = new Map<string, RouteReach>();
  readonly #naclReach = new Map<string, NaclReach>();
  readonly #admission = new Map<string, SgAdmission>();
  readonly #subnetPaths = new Map<string, SubnetPath | Unknown>();

  constructor(inventory: Inventory) {
    this.inventory = inventory;
  }

  // Each index is built on first use: a plan whose databases are private and whose instances have no
  // internet address asks for none of route tables, gateways or network ACLs.
  get vpcs(): VpcIndex {
    this.#vpcs ??= new VpcIndex(this.inventory);
    return this.#vpcs;
  }

  get internetGateways(): InternetGateways {
    this.#internetGateways ??= new InternetGateways(this.inventory);
    return this.#internetGateways;
  }

  get prefixLists(): PrefixLists {
    this.#prefixLists ??= new PrefixLists(this.inventory);
    return this.#prefixLists;
  }

  get routeTables(): RouteTables {
    this.#routeTables ??= new RouteTables(this.inventory, this.vpcs, this.prefixLists);
    return this.#routeTables;
  }

  get networkAcls(): NetworkAcls {
    this.#networkAcls ??= new NetworkAcls(this.inventory, this.vpcs);
    return this.#networkAcls;
  }

  get databases(): DbInstance[] {
    this.#databases ??= readDatabases(this.inventory);
    return this.#databases;
  }

  /** The EC2 instances, with their subnet, security groups and public addresses. */
  get instances(): InstanceTarget[] {
    this.#instances ??= readInstances(this.inventory);
    return this.#instances;
  }

  /** Whether a database can take a TCP connection from the internet (network path only; `publicly_accessible` is the caller's). */
  exposureOf(db: DbInstance): DbExposure {
    let exposure = this.#exposures.get(db.resource);
    if (!exposure) {
      exposure = solveExposure(this, db, db.port);
      this.#exposures.set(db.resource, exposure);
    }
    return exposure;
  }

  /** Whether a target (an instance) can take a TCP connection on `port` from the internet, given which public addresses it has. */
  exposureOnPort(target: ExposureTarget, port: number, ipv4: boolean | Unknown): DbExposure {
    const key = `${target.resource.address}|${port}`;
    let exposure = this.#portExposures.get(key);
    if (!exposure) {
      exposure = solveExposure(this, target, { port }, ipv4);
      this.#portExposures.set(key, exposure);
    }
    return exposure;
  }

  /** The subnet's share of a path from the internet (route table, NACL both ways), computed once per subnet, family and port. */
  subnetPath(subnet: Resource, family: Family, port: number): SubnetPath | Unknown {
    const key = `${subnet.address}|${family}|${port}`;
    let path = this.#subnetPaths.get(key);
    if (!path) {
      path = solveSubnetPath(this, subnet, family, port);
      this.#subnetPaths.set(key, path);
    }
    return path;
  }

  /** Clients whose replies a route table sends through an internet gateway of the VPC. */
  routeReach(choice: RouteTableChoice, family: Family): RouteReach {
    const key = `${choice.table?.address ?? `(main of ${choice.vpc.address})`}|${choice.vpc.address}|${family}`;
    let reach = this.#routeReach.get(key);
    if (!reach) {
      if (!choice.table) reach = { clients: UncertainSet.empty(family), selections: [] };
      else {
        const { routes, doubts } = this.routeTables.routesOf(choice.table);
        reach = internetRoutes(routes, doubts, choice.vpc, family, this.internetGateways, this.vpcs.localRanges(choice.vpc, family));
      }
      this.#routeReach.set(key, reach);
    }
    return reach;
  }

  naclReach(choice: NaclChoice, direction: 'inbound' | 'outbound', family: Family, port: number): NaclReach {
    const key = `${choice.acl?.address ?? `(default of ${choice.vpc.address})`}|${direction}|${family}|${direction === 'inbound' ? port : ''}`;
    let reach = this.#naclReach.get(key);
    if (!reach) {
      const { rules, doubts } = this.networkAcls.rulesOf(choice);
      reach = direction === 'inbound' ? naclInbound(rules, doubts, family, port) : naclOutboundEphemeral(rules, doubts, family);
      this.#naclReach.set(key, reach);
    }
    return reach;
  }

  /** The inbound entry of `acl` that admits TCP `port` from the whole internet of `family` (first match), none, or why it cannot be told. */
  aclWholeInternetEntry(acl: Resource, family: Family, port: number): NaclRule | undefined | Unknown {
    const { rules, doubts } = this.networkAcls.entriesOf(acl);
    return naclWholeInternetEntry(rules, doubts, family, port);
  }

  /** Each `aws_network_acl_rule` of an ACL outside the input that, alone, admits TCP `port` from the whole internet of `family`. */
  detachedWholeInternetEntries(family: Family, port: number): NaclRule[] {
    return this.networkAcls.detachedEntries().filter((entry) => naclWholeInternetEntry([entry], [], family, port) === entry);
  }

  /** The security groups guarding a target, in the VPC of its first subnet whose VPC is known. */
  guardingGroupsOf(target: ExposureTarget): GuardingGroups {
    const links = target.securityGroups;
    // Only the VPC's default group needs the VPC: a target with a list of its own is not placed (no subnets read).
    if (links.unknown || links.missing.length > 0 || links.resources.length > 0) return this.guardingGroups(target, undefined);
    const subnets = isUnknown(target.subnets) ? [] : target.subnets;
    for (const subnet of subnets) {
      if (isUnknown(subnet)) continue;
      const vpc = this.vpcs.vpcOf(subnet);
      if (!isUnknown(vpc)) return this.guardingGroups(target, vpc);
    }
    return this.guardingGroups(target, undefined);
  }

  /** The security groups guarding a database or instance in a VPC (its own list, else the VPC's default group). */
  guardingGroups(db: ExposureTarget, vpc: Resource | undefined): GuardingGroups {
    const links = db.securityGroups;
    if (links.unknown) return links.unknown;
    if (links.missing[0]) return describeMissing('security group', links.missing[0], db.securityGroupsFrom);
    const views = this.#groupViews();
    if (links.resources.length > 0) {
      const groups: SecurityGroup[] = [];
      for (const resource of links.resources) {
        const view = views.get(resource);
        if (view) groups.push(view);
      }
      return { groups, vpcDefault: false };
    }
    if (!vpc) return new Unknown(`${db.resource.address} uses its VPC's default security group, and its VPC is not known`);
    const fallback = this.#defaultGroupOf(vpc);
    if (isUnknown(fallback)) return fallback;
    const view = fallback ? views.get(fallback) : undefined;
    return { groups: view ? [view] : [], vpcDefault: true };
  }

  /** Which internet clients the database's security groups admit on the port (shared by databases with the same groups). */
  admission(db: ExposureTarget, vpc: Resource, family: Family, port: number): SgAdmission {
    const guarding = this.guardingGroups(db, vpc);
    const groups = isUnknown(guarding) ? `${db.securityGroupsFrom.address} in ${vpc.address} (unknown)` : guarding.groups.map((g) => g.key).join(',');
    const key = `${groups}|${family}|${port}`;
    let admission = this.#admission.get(key);
    if (!admission) {
      admission = isUnknown(guarding)
        ? { clients: new UncertainSet(AddressSet.empty(family), AddressSet.all(family), [guarding]), rules: [] }
        : securityGroupAdmission(guarding.groups, this.prefixLists, port, family);
      this.#admission.set(key, admission);
    }
    return admission;
  }

  #groupViews(): Map<Resource, SecurityGroup> {
    if (!this.#groups) {
      this.#groups = new Map();
      for (const group of this.inventory.securityGroups) if (group.resource) this.#groups.set(group.resource, group);
    }
    return this.#groups;
  }

  /** The VPC's default security group; undefined for a VPC this input creates (AWS's default admits only itself). */
  #defaultGroupOf(vpc: Resource): Resource | Unknown | undefined {
    if (!this.#defaultGroups) {
      this.#defaultGroups = new Map();
      for (const group of this.inventory.ofType('aws_default_security_group')) {
        const owner = this.vpcs.vpcOf(group);
        if (!isUnknown(owner)) this.#defaultGroups.set(owner, group);
      }
    }
    const managed = this.#defaultGroups.get(vpc);
    if (managed) return managed;
    const id = vpc.values['default_security_group_id'];
    if (typeof id === 'string' && id !== '') {
      const group = this.inventory.byId(id).find((r) => r.type === 'aws_security_group' || r.type === 'aws_default_security_group');
      return group ?? describeMissing('default security group', id, vpc);
    }
    if (startsWithAwsDefaults(vpc)) return undefined;
    return new Unknown(`the default security group of ${vpc.address} is not in the inventory`);
  }
}

const views = new WeakMap<Inventory, NetworkView>();

/**
 * The network view of an inventory, built once on first use and shared by every policy that asks.
 * Policies reach it through the public API (`networkOf(context.inventory)`), so the model itself
 * knows nothing of the network layer.
 */
export function networkOf(inventory: Inventory): NetworkView {
  let view = views.get(inventory);
  if (!view) {
    view = new NetworkView(inventory);
    views.set(inventory, view);
  }
  return view;
}
