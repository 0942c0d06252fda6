import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/unknown.js';
import { isValueObject, listOf, valueAt } from '../model/value.js';
import { SECURITY_GROUP_TYPES } from '../model/views/security-groups.js';
import { DB_INSTANCE_TYPES } from '../network/databases.js';
import { INTERNET_GATEWAY_TYPES } from '../network/internet-gateways.js';
import { linksOf } from '../network/links.js';
import { NETWORK_ACL_TYPES } from '../network/network-acls.js';
import { networkOf, type NetworkView } from '../network/network-view.js';
import { ROUTE_TABLE_TYPES } from '../network/route-tables.js';
import { SUBNET_TYPES, VPC_TYPES } from '../network/vpcs.js';
import { Redactor } from '../rules/redaction.js';
import { DisplayValues, KNOWN_AFTER_APPLY } from './display-value.js';
import type { InputInventory, InventoryItem, ItemKind, ResourceRef, RouteEntry } from './network-inventory.js';
import { securityGroupAttachments } from './security-group-attachments.js';
import { subnetExposure } from './subnet-exposure.js';

/** Route target attributes (inline `route` blocks and `aws_route`), in the order a route is described by. */
const ROUTE_TARGETS = [
  'gateway_id', 'nat_gateway_id', 'transit_gateway_id', 'vpc_peering_connection_id', 'egress_only_gateway_id',
  'network_interface_id', 'vpc_endpoint_id', 'carrier_gateway_id', 'local_gateway_id', 'core_network_arn', 'instance_id',
];
const ROUTE_DESTINATIONS: Record<string, readonly string[]> = {
  inline: ['cidr_block', 'ipv6_cidr_block', 'destination_prefix_list_id'],
  resource: ['destination_cidr_block', 'destination_ipv6_cidr_block', 'destination_prefix_list_id'],
};

/**
 * Builds the network inventory of one input from its Inventory, through the network model that the
 * policies use (`networkOf`): the same VPC, route-table and gateway resolution decides here which
 * subnet is public.
 */
export function buildNetworkInventory(inventory: Inventory): InputInventory {
  const view = networkOf(inventory);
  const show = new DisplayValues(Redactor.of(inventory));
  const builder = new ItemBuilder(inventory, view, show);
  const items: InventoryItem[] = [];
  const add = (kind: ItemKind, types: readonly string[], extra: (r: Resource) => Partial<InventoryItem> = () => ({})): void => {
    for (const resource of inventory.ofType(...types)) {
      if (resource.mode !== 'managed' && kind !== 'vpc' && kind !== 'subnet') continue;
      items.push({ kind, ...builder.ref(resource), vpc: builder.vpcOf(resource), ...extra(resource) });
    }
  };
  add('vpc', VPC_TYPES, (vpc) => ({ vpc: show.address(vpc.address), cidr: show.attribute(vpc, 'cidr_block'), ipv6Cidr: builder.vpcIpv6(vpc) }));
  add('subnet', SUBNET_TYPES, (subnet) => builder.subnet(subnet));
  add('route-table', ROUTE_TABLE_TYPES, (table) => ({ vpc: builder.vpcAddress(view.routeTables.vpcOfTable(table)), routes: builder.routes(table) }));
  add('internet-gateway', [...INTERNET_GATEWAY_TYPES, 'aws_egress_only_internet_gateway']);
  add('nat-gateway', ['aws_nat_gateway'], (nat) => builder.natGateway(nat));
  add('transit-gateway', ['aws_ec2_transit_gateway', 'aws_ec2_transit_gateway_vpc_attachment']);
  add('network-acl', NETWORK_ACL_TYPES, (acl) => ({ vpc: builder.vpcAddress(view.networkAcls.vpcOfAcl(acl)) }));
  const attachments = securityGroupAttachments(inventory);
  add('security-group', SECURITY_GROUP_TYPES, (group) => ({ attachedTo: (attachments.get(group) ?? []).map((r) => builder.ref(r)) }));
  add('elastic-ip', ['aws_eip'], (eip) => builder.elasticIp(eip));
  add('database', [...DB_INSTANCE_TYPES, 'aws_rds_cluster'], (db) => builder.database(db));
  return { input: inventory.input, source: inventory.resources[0]?.source ?? 'empty', items };
}

export class ItemBuilder {
  constructor(
    private readonly inventory: Inventory,
    private readonly view: NetworkView,
    private readonly show: DisplayValues,
  ) {}

  /** A resource named by Name tag, id and address; an id known only after apply says so. */
  ref(resource: Resource): ResourceRef {
    const tags = resource.tags;
    const name = tags && !isUnknown(tags) ? tags['Name'] : undefined;
    return {
      type: resource.type,
      address: this.show.address(resource.address),
      id: this.show.attribute(resource, 'id') ?? KNOWN_AFTER_APPLY,
      name: name === undefined ? this.fallbackName(resource) : (this.show.value(name) ?? null),
    };
  }

  /**
   * Without a Name tag: a live interface says what made it (`RDSNetworkInterface`, `AWS Lambda VPC ENI…`),
   * another live resource has its own name (a group's or database's); Terraform resources have their address.
   */
  private fallbackName(resource: Resource): string | null {
    if (resource.type === 'aws_network_interface') return this.show.attribute(resource, 'description');
    return resource.source === 'live' && resource.name !== resource.values['id'] ? this.show.text(resource.name) : null;
  }

  vpcOf(resource: Resource): string | null {
    if (resource.values['vpc_id'] === undefined && !resource.references['vpc_id']) return null;
    return this.vpcAddress(this.view.vpcs.vpcOf(resource));
  }

  vpcAddress(vpc: Resource | unknown): string | null {
    return vpc && !isUnknown(vpc) ? this.show.address((vpc as Resource).address) : null;
  }

  /** Terraform source does not hold what AWS assigns: a VPC asking for an IPv6 block has one after apply. */
  vpcIpv6(vpc: Resource): string | null {
    const block = this.show.attribute(vpc, 'ipv6_cidr_block');
    if (block !== null) return block;
    const requested = vpc.values['assign_generated_ipv6_cidr_block'] === true || (vpc.values['ipv6_ipam_pool_id'] ?? null) !== null;
    return requested ? KNOWN_AFTER_APPLY : null;
  }

  subnet(subnet: Resource): Partial<InventoryItem> {
    const vpc = this.view.vpcs.vpcOf(subnet);
    const base = {
      availabilityZone: this.show.attribute(subnet, 'availability_zone'),
      cidr: this.show.attribute(subnet, 'cidr_block'),
      ipv6Cidr: this.show.attribute(subnet, 'ipv6_cidr_block'),
    };
    if (isUnknown(vpc)) return { ...base, exposure: 'unknown', reason: this.show.text(vpc.reason), routeTable: null, networkAcl: null };
    const exposure = subnetExposure(this.view, subnet, vpc);
    const acl = this.view.networkAcls.aclOf(subnet, vpc);
    return {
      ...base,
      exposure: exposure.exposure,
      ...(exposure.reason !== undefined ? { reason: this.show.text(exposure.reason) } : {}),
      routeTable: exposure.routeTable ? this.show.address(exposure.routeTable.address) : null,
      networkAcl: isUnknown(acl) ? null : acl.acl ? this.show.address(acl.acl.address) : `(default network ACL of ${this.show.address(vpc.address)})`,
    };
  }

  /** The routes of a table as written: inline blocks, then `aws_route` resources naming it. */
  routes(table: Resource): RouteEntry[] {
    const out: RouteEntry[] = [];
    const inline = listOf(table.values['route']);
    if (!isUnknown(inline)) inline.forEach((block, i) => isValueObject(block) && out.push(this.route(table, `route.${i}.`, ROUTE_DESTINATIONS['inline']!)));
    for (const route of this.inventory.ofType('aws_route')) {
      if (linksOf(this.inventory, route, 'route_table_id', ROUTE_TABLE_TYPES).resources.includes(table)) out.push(this.route(route, '', ROUTE_DESTINATIONS['resource']!));
    }
    return out;
  }

  private route(origin: Resource, prefix: string, destinations: readonly string[]): RouteEntry {
    const destination = destinations.map((a) => this.show.attribute(origin, prefix + a)).find((d) => d !== null) ?? KNOWN_AFTER_APPLY;
    return { destination, target: this.targetOf(origin, prefix) };
  }

  /** The target a route names: the addresses it references when the inventory has them, else the id. */
  private targetOf(origin: Resource, prefix: string): string {
    for (const attribute of ROUTE_TARGETS) {
      const path = prefix + attribute;
      const value = valueAt(origin.values, path);
      const referenced = (origin.references[path] ?? []).filter((a) => this.inventory.byAddress(a));
      if (referenced.length > 0) return referenced.map((a) => this.show.address(a)).join(', ');
      if (value === undefined || value === null || value === '') continue;
      const known = typeof value === 'string' ? this.inventory.byId(value).find((r) => r.mode === 'managed') : undefined;
      return known ? this.show.address(known.address) : (this.show.value(value) ?? KNOWN_AFTER_APPLY);
    }
    return origin.values['state'] === 'blackhole' ? 'blackhole' : '(no target)';
  }

  natGateway(nat: Resource): Partial<InventoryItem> {
    const subnet = linksOf(this.inventory, nat, 'subnet_id', SUBNET_TYPES).resources[0];
    return {
      vpc: subnet ? this.vpcAddress(this.view.vpcs.vpcOf(subnet)) : null,
      associatedWith: subnet ? this.show.address(subnet.address) : this.show.attribute(nat, 'subnet_id'),
      publicIp: this.show.attribute(nat, 'public_ip'),
    };
  }

  elasticIp(eip: Resource): Partial<InventoryItem> {
    let associatedWith: string | null = null;
    for (const path of ['instance', 'network_interface']) {
      const target = linksOf(this.inventory, eip, path, ['aws_instance', 'aws_network_interface']).resources[0];
      associatedWith ??= target ? this.show.address(target.address) : this.show.attribute(eip, path);
    }
    for (const association of this.inventory.ofType('aws_eip_association')) {
      if (associatedWith || !linksOf(this.inventory, association, 'allocation_id', ['aws_eip']).resources.includes(eip)) continue;
      const target = [...linksOf(this.inventory, association, 'instance_id', ['aws_instance']).resources, ...linksOf(this.inventory, association, 'network_interface_id', ['aws_network_interface']).resources][0];
      associatedWith = target ? this.show.address(target.address) : this.show.address(association.address);
    }
    return { vpc: null, publicIp: this.show.attribute(eip, 'public_ip'), associatedWith };
  }

  database(db: Resource): Partial<InventoryItem> {
    const read = this.view.databases.find((d) => d.resource === db);
    const subnets = read && !isUnknown(read.subnets) ? read.subnets.filter((s): s is Resource => !isUnknown(s)) : [];
    const vpc = subnets[0] ? this.vpcAddress(this.view.vpcs.vpcOf(subnets[0])) : null;
    return {
      vpc,
      engine: this.show.attribute(db, 'engine'),
      port: read && !isUnknown(read.port) ? String(read.port.port) : this.show.attribute(db, 'port'),
      publiclyAccessible: this.show.attribute(db, 'publicly_accessible') ?? 'false',
      associatedWith: read && !isUnknown(read.subnetGroup) ? this.show.address(read.subnetGroup.address) : this.show.attribute(db, 'db_subnet_group_name'),
    };
  }
}
