import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.js';
import { Unknown } from '../../src/model/unknown.js';
import type { Family } from '../../src/network/address-set.js';
import { parseCidr } from '../../src/network/cidr.js';
import { InternetGateways } from '../../src/network/internet-gateways.js';
import { internetRoutes } from '../../src/network/route-selection.js';
import type { Route, RouteTarget } from '../../src/network/routes.js';
import { Inventory as InventoryClass } from '../../src/model/inventory.js';
import { blocks, cidrs, resource } from './network-test-helpers.js';

const vpc = resource('aws_vpc', 'main', { id: 'vpc-1', cidr_block: '10.0.0.0/16' });
const other = resource('aws_vpc', 'other', { id: 'vpc-2' });
const igw = resource('aws_internet_gateway', 'main', { id: 'igw-1', vpc_id: 'vpc-1' });
const foreignIgw = resource('aws_internet_gateway', 'other', { id: 'igw-2', vpc_id: 'vpc-2' });
const table = resource('aws_route_table', 'rt', { id: 'rtb-1', vpc_id: 'vpc-1' });
const inventory: Inventory = new InventoryClass([vpc, other, igw, foreignIgw, table], 'test.json');
const gateways = new InternetGateways(inventory);

function route(destination: string | Unknown, target: RouteTarget, presence: true | Unknown = true): Route {
  return {
    origin: table, path: 'route.0', destinationText: String(destination), target, presence,
    destinations: [typeof destination === 'string' ? { cidr: parseCidr(destination)! } : { unknown: destination, family: 'ipv4' }],
  };
}
const toIgw: RouteTarget = { kind: 'internet-gateway', gateway: igw, attribute: 'route.0.gateway_id' };
const toNat: RouteTarget = { kind: 'other', what: 'nat_gateway_id nat-1' };
const local = (family: Family, ...texts: string[]) => ({ cidrs: texts.map((t) => parseCidr(t)!).filter((c) => c.family === family), unknown: [] });

describe('routes to an internet gateway, by longest prefix match', () => {
  it('lets a more specific NAT route and the local route win over 0.0.0.0/0 → igw', () => {
    const reach = internetRoutes([route('0.0.0.0/0', toIgw), route('52.0.0.0/8', toNat)], [], vpc, 'ipv4', gateways, local('ipv4', '10.0.0.0/16'));
    expect(reach.clients.isExact()).toBe(true);
    expect(reach.clients.definite.intersect(cidrs('52.0.0.0/8')).isEmpty()).toBe(true);
    expect(reach.clients.definite.intersect(cidrs('10.0.0.0/16')).isEmpty()).toBe(true);
    expect(reach.clients.definite.covers(cidrs('34.0.0.0/8'))).toBe(true);
    expect(reach.selections).toHaveLength(1);
  });

  it('lets a more specific igw route win over a broader NAT route', () => {
    const reach = internetRoutes([route('0.0.0.0/0', toNat), route('52.0.0.0/8', toIgw)], [], vpc, 'ipv4', gateways, local('ipv4'));
    expect(blocks(reach.clients.definite)).toEqual(['52.0.0.0/8']);
  });

  it('does not count a gateway attached to another VPC', () => {
    const reach = internetRoutes([route('0.0.0.0/0', { kind: 'internet-gateway', gateway: foreignIgw, attribute: 'route.0.gateway_id' })], [], vpc, 'ipv4', gateways, local('ipv4'));
    expect(reach.clients.possible.isEmpty()).toBe(true);
  });

  it('keeps definite only what a route of Unknown destination could not divert', () => {
    const why = new Unknown('aws_route.x.destination_cidr_block is known only after apply');
    const diverting = internetRoutes([route('0.0.0.0/0', toIgw), route(why, toNat)], [], vpc, 'ipv4', gateways, local('ipv4'));
    expect(diverting.clients.definite.isEmpty()).toBe(true);
    expect(diverting.clients.possible.isAll()).toBe(true);
    const adding = internetRoutes([route('52.0.0.0/8', toIgw), route(why, toIgw)], [], vpc, 'ipv4', gateways, local('ipv4'));
    expect(blocks(adding.clients.definite)).toEqual(['52.0.0.0/8']);
    expect(adding.clients.possible.isAll()).toBe(true);
  });

  it('treats a VPC CIDR known only after apply as a bounded carve-out, not as a doubt on every client', () => {
    const why = new Unknown('aws_vpc.main.ipv6_cidr_block is known only after apply');
    const reach = internetRoutes([route('::/0', toIgw)], [], vpc, 'ipv6', gateways, { cidrs: [], unknown: [why] });
    expect(reach.clients.definite.isAll()).toBe(true);
    expect(reach.clients.carveOuts).toEqual([{ minPrefix: 44, why }]);
  });
});
