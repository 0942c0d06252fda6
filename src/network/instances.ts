import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import { SECURITY_GROUP_TYPES } from '../model/views/security-groups.js';
import type { ExposureTarget } from './exposure-target.js';
import { configures, describeMissing, linksOf, type Links } from './links.js';
import { SUBNET_TYPES } from './vpcs.js';

export const INSTANCE_TYPES = ['aws_instance'] as const;
/** What gives an instance an Elastic IP: the address itself (`instance`), a separate association (`instance_id`), or either through an attached network interface. */
/**
 * Elastic IPs may also reach an instance through a network interface (read below from
 * `aws_network_interface`/`_attachment` when present); a live audit needs no interfaces for that,
 * since DescribeAddresses names the instance behind the interface, so they are not listed here.
 */
export const ELASTIC_IP_TYPES = ['aws_eip', 'aws_eip_association'] as const;

/** Why an instance has (or may have) an internet-routable address: the resource and attribute that say so. */
export interface AddressOrigin {
  resource: Resource;
  attribute: string;
}

/** An EC2 instance with what its path from the internet depends on. */
export interface InstanceTarget extends ExposureTarget {
  /** Whether it has a public IPv4 address of its own or an Elastic IP. */
  publicIpv4: boolean | Unknown;
  ipv4Origin?: AddressOrigin;
  ipv6Origin?: AddressOrigin;
}

/**
 * Reads the EC2 instances of an inventory: the subnet they are launched in, their security groups,
 * and whether they have a public IPv4 address (a live `public_ip`, `associate_public_ip_address`, else
 * the subnet's `map_public_ip_on_launch`, or an Elastic IP associated with them) or an IPv6 address
 * (`ipv6_address_count`/`ipv6_addresses`, else the subnet's `assign_ipv6_address_on_creation`).
 */
export function readInstances(inventory: Inventory): InstanceTarget[] {
  const elasticIps = elasticIpsByInstance(inventory);
  return inventory.ofType(...INSTANCE_TYPES).map((instance) => new InstanceReading(inventory, instance, elasticIps.get(instance)));
}

/**
 * One instance, its subnet and security groups read on first use: most instances of a large plan have
 * no internet address, and then nothing asks for either (the address itself reads the subnet only
 * when the instance leaves it to the subnet's launch default).
 */
class InstanceReading implements InstanceTarget {
  readonly resource: Resource;
  readonly securityGroupsFrom: Resource;
  readonly placement: string;
  readonly publicIpv4: boolean | Unknown;
  readonly ipv6: boolean | Unknown;
  readonly ipv4Origin: AddressOrigin | undefined;
  readonly ipv6Origin: AddressOrigin | undefined;
  readonly #inventory: Inventory;
  #subnet?: Resource | Unknown;
  #subnets?: Resource[] | Unknown;
  #securityGroups?: Links;

  constructor(inventory: Inventory, resource: Resource, elasticIp: AddressOrigin | undefined) {
    this.#inventory = inventory;
    this.resource = resource;
    this.securityGroupsFrom = resource;
    this.placement = resource.address;
    const knownSubnet = (): Resource | undefined => {
      const subnet = this.#subnetOf();
      return isUnknown(subnet) ? undefined : subnet;
    };
    const ipv4 = elasticIp ? { value: true as const, origin: elasticIp } : publicIpv4Of(resource, knownSubnet);
    const ipv6 = ipv6Of(resource, knownSubnet);
    this.publicIpv4 = ipv4.value;
    this.ipv6 = ipv6.value;
    this.ipv4Origin = ipv4.origin;
    this.ipv6Origin = ipv6.origin;
  }

  get subnets(): Resource[] | Unknown {
    if (this.#subnets === undefined) {
      const subnet = this.#subnetOf();
      this.#subnets = isUnknown(subnet) ? subnet : [subnet];
    }
    return this.#subnets;
  }

  get securityGroups(): Links {
    if (this.#securityGroups === undefined) {
      const resource = this.resource;
      const holder = hasList(resource, 'vpc_security_group_ids') || !hasList(resource, 'security_groups') ? 'vpc_security_group_ids' : 'security_groups';
      this.#securityGroups = securityGroupLinks(this.#inventory, resource, holder);
    }
    return this.#securityGroups;
  }

  #subnetOf(): Resource | Unknown {
    this.#subnet ??= subnetOf(this.resource, linksOf(this.#inventory, this.resource, 'subnet_id', SUBNET_TYPES));
    return this.#subnet;
  }
}

function subnetOf(resource: Resource, links: Links): Resource | Unknown {
  if (links.resources[0]) return links.resources[0];
  if (links.missing[0]) return describeMissing('subnet', links.missing[0], resource);
  if (links.unknown) return links.unknown;
  const interfaces = resource.values['network_interface'];
  if (Array.isArray(interfaces) && interfaces.length > 0) {
    return new Unknown(`${resource.address} is launched with a network interface of its own (network_interface): its subnet and security groups are that interface's, which this check does not follow`);
  }
  return new Unknown(`${resource.address} sets no subnet_id: it is launched in a default subnet of the default VPC, which is not in the inventory`);
}

type Decided = { readonly value: boolean | Unknown; readonly origin?: AddressOrigin };
/** The common answer, shared rather than allocated for each instance of a large plan. */
const NO_ADDRESS: Decided = Object.freeze({ value: false });

function publicIpv4Of(resource: Resource, subnet: () => Resource | undefined): Decided {
  const publicIp = resource.values['public_ip'];
  if (typeof publicIp === 'string' && publicIp !== '') return { value: true, origin: { resource, attribute: 'public_ip' } };
  // A live instance without a public address has none (an Elastic IP shows as its public_ip too).
  if (resource.source === 'live') return NO_ADDRESS;
  const associate = resource.values['associate_public_ip_address'];
  if (associate === true || associate === 'true') return { value: true, origin: { resource, attribute: 'associate_public_ip_address' } };
  if (associate === false || associate === 'false') return NO_ADDRESS;
  if (isUnknown(associate) && configures(resource, 'associate_public_ip_address')) return { value: associate };
  return fromSubnet(subnet(), 'map_public_ip_on_launch', resource, 'a public IPv4 address');
}

function ipv6Of(resource: Resource, subnet: () => Resource | undefined): Decided {
  const count = resource.values['ipv6_address_count'];
  const addresses = resource.values['ipv6_addresses'];
  if (typeof count === 'number' && count > 0) return { value: true, origin: { resource, attribute: 'ipv6_address_count' } };
  if (Array.isArray(addresses) && addresses.length > 0) return { value: true, origin: { resource, attribute: 'ipv6_addresses' } };
  if (resource.source === 'live') return NO_ADDRESS;
  if (typeof count === 'number' || (Array.isArray(addresses) && configures(resource, 'ipv6_addresses'))) return NO_ADDRESS;
  for (const [attribute, value] of [['ipv6_address_count', count], ['ipv6_addresses', addresses]] as const) {
    if (isUnknown(value) && configures(resource, attribute)) return { value };
  }
  return fromSubnet(subnet(), 'assign_ipv6_address_on_creation', resource, 'an IPv6 address');
}

/** An address the instance leaves to its subnet's launch default. */
function fromSubnet(subnet: Resource | undefined, attribute: string, instance: Resource, what: string): Decided {
  if (!subnet) return { value: new Unknown(`whether ${instance.address} gets ${what} follows its subnet, which is not known`) };
  const value = subnet.values[attribute];
  if (value === true || value === 'true') return { value: true, origin: { resource: subnet, attribute } };
  if (isUnknown(value)) return { value };
  return NO_ADDRESS;
}

function securityGroupLinks(inventory: Inventory, resource: Resource, attribute: string): Links {
  const links = linksOf(inventory, resource, attribute, SECURITY_GROUP_TYPES);
  // Computed, not written: the instance gets the VPC's default security group.
  if (links.unknown && links.resources.length === 0 && !configures(resource, attribute)) return { resources: [], missing: [] };
  return links;
}

/**
 * Each instance's Elastic IP, indexed once: `aws_eip.instance` or `aws_eip_association.instance_id`, or
 * through a network interface (`network_interface` / `network_interface_id`) attached to the instance
 * (the interface's `attachment.instance`, or an `aws_network_interface_attachment`).
 */
function elasticIpsByInstance(inventory: Inventory): Map<Resource, AddressOrigin> {
  const byInstance = new Map<Resource, AddressOrigin>();
  let interfaceOwners: Map<Resource, Resource[]> | undefined;
  for (const eip of inventory.ofType(...ELASTIC_IP_TYPES)) {
    const [attribute, viaInterface] = eip.type === 'aws_eip' ? ['instance', 'network_interface'] : ['instance_id', 'network_interface_id'];
    const add = (instance: Resource, through: string): void => {
      if (!byInstance.has(instance)) byInstance.set(instance, { resource: eip, attribute: through });
    };
    for (const instance of linksOf(inventory, eip, attribute, INSTANCE_TYPES).resources) add(instance, attribute);
    for (const eni of linksOf(inventory, eip, viaInterface, INTERFACE_TYPES).resources) {
      interfaceOwners ??= instancesByInterface(inventory);
      for (const instance of interfaceOwners.get(eni) ?? []) add(instance, viaInterface);
    }
  }
  return byInstance;
}

const INTERFACE_TYPES = ['aws_network_interface'] as const;

/** The instances each network interface is attached to, indexed once. */
function instancesByInterface(inventory: Inventory): Map<Resource, Resource[]> {
  const owners = new Map<Resource, Resource[]>();
  const add = (eni: Resource, instance: Resource): void => {
    const list = owners.get(eni) ?? [];
    if (!list.includes(instance)) list.push(instance);
    owners.set(eni, list);
  };
  for (const eni of inventory.ofType(...INTERFACE_TYPES)) {
    for (const instance of linksOf(inventory, eni, 'attachment.0.instance', INSTANCE_TYPES).resources) add(eni, instance);
  }
  for (const attachment of inventory.ofType('aws_network_interface_attachment')) {
    const instances = linksOf(inventory, attachment, 'instance_id', INSTANCE_TYPES).resources;
    for (const eni of linksOf(inventory, attachment, 'network_interface_id', INTERFACE_TYPES).resources) for (const instance of instances) add(eni, instance);
  }
  return owners;
}

function hasList(resource: Resource, attribute: string): boolean {
  const value = resource.values[attribute];
  return isUnknown(value) ? configures(resource, attribute) : Array.isArray(value) && value.length > 0;
}
