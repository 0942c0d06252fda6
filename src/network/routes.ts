import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import type { Value, ValueObject } from '../model/value.js';
import type { Family } from './address-set.js';
import { notACidr, parseAwsCidr, type Cidr } from './cidr.js';
import { INTERNET_GATEWAY_TYPES } from './internet-gateways.js';
import type { PrefixLists } from './prefix-lists.js';

/** Where a route sends traffic, as far as reachability from the internet cares. */
export type RouteTarget =
  /** `gateway_id` naming an internet gateway of the inventory. */
  | { kind: 'internet-gateway'; gateway: Resource; attribute: string }
  /** `gateway_id = "igw-…"` naming a gateway outside the inventory. */
  | { kind: 'internet-gateway-id'; id: string; attribute: string }
  | { kind: 'local' }
  /** NAT gateway, transit gateway, peering, VPN gateway, ENI, endpoint, egress-only gateway, blackhole… */
  | { kind: 'other'; what: string }
  | { kind: 'unknown'; why: Unknown };

/** One destination of a route: a CIDR, or an Unknown (of one family when the attribute tells it). */
export type RouteDestination = { cidr: Cidr } | { unknown: Unknown; family?: Family };

/** A route of a route table, from an inline `route` block, an `aws_route`, or a live route. */
export interface Route {
  origin: Resource;
  /** Path of the route inside `origin` (`route.0`), '' when the route is its own resource. */
  path: string;
  /** What the route is written as (`0.0.0.0/0`, `pl-123`), for messages. */
  destinationText: string;
  destinations: RouteDestination[];
  target: RouteTarget;
  /** Unknown when it cannot be told whether the route belongs to the table at all. */
  presence: true | Unknown;
}

/** Route target attributes, as the Terraform route schemas (inline and `aws_route`) name them. */
const TARGET_ATTRIBUTES = [
  'gateway_id', 'nat_gateway_id', 'transit_gateway_id', 'vpc_peering_connection_id', 'egress_only_gateway_id',
  'network_interface_id', 'vpc_endpoint_id', 'carrier_gateway_id', 'local_gateway_id', 'core_network_arn', 'instance_id',
] as const;

const GATEWAY_TYPES = [...INTERNET_GATEWAY_TYPES, 'aws_vpn_gateway', 'aws_ec2_transit_gateway', 'aws_vpc_endpoint', 'aws_egress_only_internet_gateway'];

/** The attribute names of a route's destination in one shape. */
export interface DestinationAttributes {
  ipv4: string;
  ipv6: string;
  prefixList: string;
}
export const INLINE_DESTINATION: DestinationAttributes = { ipv4: 'cidr_block', ipv6: 'ipv6_cidr_block', prefixList: 'destination_prefix_list_id' };
export const ROUTE_RESOURCE_DESTINATION: DestinationAttributes = {
  ipv4: 'destination_cidr_block', ipv6: 'destination_ipv6_cidr_block', prefixList: 'destination_prefix_list_id',
};

/** Reads one route (an inline block or an `aws_route`'s values) into a Route. */
export function readRoute(
  inventory: Inventory,
  prefixLists: PrefixLists,
  origin: Resource,
  path: string,
  route: ValueObject,
  names: DestinationAttributes,
  presence: true | Unknown,
): Route {
  const destinations: RouteDestination[] = [];
  const texts: string[] = [];
  const prefix = path ? `${path}.` : '';
  for (const family of ['ipv4', 'ipv6'] as const) {
    const value = route[names[family]];
    if (isUnknown(value)) {
      destinations.push({ unknown: value, family });
      texts.push('(known after apply)');
    } else if (typeof value === 'string' && value !== '') {
      const cidr = parseAwsCidr(value);
      destinations.push(cidr ? { cidr } : { unknown: notACidr(value, `where ${origin.address} sends traffic`), family });
      texts.push(value);
    }
  }
  const list = route[names.prefixList];
  if (isUnknown(list) || (typeof list === 'string' && list !== '')) {
    texts.push(typeof list === 'string' ? list : '(prefix list known after apply)');
    const entries = isUnknown(list) ? list : prefixLists.entriesAt(origin, `${prefix}${names.prefixList}`);
    if (isUnknown(entries)) destinations.push({ unknown: entries });
    else {
      for (const entry of entries) {
        for (const cidr of entry.cidrs) {
          if (isUnknown(cidr)) destinations.push({ unknown: cidr });
          else {
            const parsed = parseAwsCidr(cidr);
            destinations.push(parsed ? { cidr: parsed } : { unknown: notACidr(cidr, `where ${origin.address} sends traffic`) });
          }
        }
      }
    }
  }
  return { origin, path, destinationText: texts.join(', ') || '(no destination)', destinations, target: targetOf(inventory, origin, path, route), presence };
}

function targetOf(inventory: Inventory, origin: Resource, path: string, route: ValueObject): RouteTarget {
  if (route['state'] === 'blackhole') return { kind: 'other', what: 'a blackhole (its target is gone)' };
  const prefix = path ? `${path}.` : '';
  const pending: { attribute: (typeof TARGET_ATTRIBUTES)[number]; why: Unknown }[] = [];
  for (const attribute of TARGET_ATTRIBUTES) {
    const value: Value | undefined = route[attribute];
    if (value === undefined || value === null || value === '') continue;
    if (isUnknown(value)) {
      // A computed attribute the configuration does not set (aws_route's network_interface_id) is not the target.
      if (path === '' && origin.configuredAttributes && !origin.configuredAttributes.includes(attribute)) continue;
      pending.push({ attribute, why: value });
      continue;
    }
    if (typeof value !== 'string') continue;
    if (attribute !== 'gateway_id') return { kind: 'other', what: `${attribute} ${value}` };
    if (value === 'local') return { kind: 'local' };
    const gateway = inventory.byId(value).find((r) => (INTERNET_GATEWAY_TYPES as readonly string[]).includes(r.type));
    if (gateway) return { kind: 'internet-gateway', gateway, attribute: `${prefix}${attribute}` };
    if (value.startsWith('igw-')) return { kind: 'internet-gateway-id', id: value, attribute: `${prefix}${attribute}` };
    return { kind: 'other', what: `gateway ${value}` };
  }
  if (pending.length === 0) return { kind: 'other', what: 'no target' };
  const gateway = pending.find((p) => p.attribute === 'gateway_id');
  if (!gateway) return { kind: 'other', what: `${pending[0]!.attribute} (known after apply)` };
  if (pending.length > 1) return { kind: 'unknown', why: gateway.why };
  const candidates = gatewayEdges(inventory, origin, path);
  if (candidates.length === 0) return { kind: 'unknown', why: gateway.why };
  const internet = candidates.filter((r) => (INTERNET_GATEWAY_TYPES as readonly string[]).includes(r.type));
  if (internet.length === 0) return { kind: 'other', what: `gateway ${candidates[0]!.address}` };
  if (internet.length === candidates.length && internet.length === 1) return { kind: 'internet-gateway', gateway: internet[0]!, attribute: `${prefix}gateway_id` };
  return {
    kind: 'unknown',
    why: new Unknown(`${origin.address}: the gateway of route ${path || 'gateway_id'} is one of ${candidates.map((r) => r.address).join(', ')}`),
  };
}

/**
 * The gateways a route's `gateway_id` references in the configuration. Inline routes are a set: the
 * plan may list them in another order than the configuration, so every inline route's references
 * are candidates; the answer is certain only when they all name the same gateway.
 */
function gatewayEdges(inventory: Inventory, origin: Resource, path: string): Resource[] {
  const keys = path === '' ? ['gateway_id'] : Object.keys(origin.references).filter((key) => /^route\.\d+\.gateway_id$/.test(key));
  const found = new Set<Resource>();
  for (const key of keys) {
    for (const address of origin.references[key] ?? []) {
      const target = inventory.byAddress(address);
      if (target && GATEWAY_TYPES.includes(target.type)) found.add(target);
    }
  }
  return [...found];
}
