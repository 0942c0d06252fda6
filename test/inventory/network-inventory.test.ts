import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import type { Resource } from '../../src/model/resource.js';
import { Unknown } from '../../src/model/unknown.js';
import { buildNetworkInventory } from '../../src/inventory/build-network-inventory.js';
import { inventoriesOf, item, LIVE_ESTATE, MODULES_HCL, MODULES_PLAN, THREE_TIER } from './inventory-fixtures.js';

describe('the network inventory of a three-tier .tf estate', () => {
  it('tells public subnets from private ones by their route to the internet gateway', async () => {
    const [tf] = await inventoriesOf(THREE_TIER);
    expect(item(tf!, 'subnet', 'public-a')).toMatchObject({ exposure: 'public', availabilityZone: 'eu-west-1a', cidr: '10.0.1.0/24', routeTable: 'aws_route_table.public', vpc: 'aws_vpc.main' });
    expect(item(tf!, 'subnet', 'private-b')).toMatchObject({ exposure: 'private', routeTable: 'aws_route_table.private', networkAcl: 'aws_network_acl.private' });
  });

  it('lists routes with their targets, gateways, the NAT gateway and its Elastic IP', async () => {
    const [tf] = await inventoriesOf(THREE_TIER);
    expect(item(tf!, 'route-table', 'private').routes).toEqual([{ destination: '0.0.0.0/0', target: 'aws_nat_gateway.main' }]);
    expect(item(tf!, 'route-table', 'public').routes).toEqual([{ destination: '0.0.0.0/0', target: 'aws_internet_gateway.main' }]);
    expect(item(tf!, 'internet-gateway', 'main-igw').vpc).toBe('aws_vpc.main');
    expect(item(tf!, 'nat-gateway', 'main-nat')).toMatchObject({ vpc: 'aws_vpc.main', associatedWith: 'aws_subnet.public_a' });
    expect(item(tf!, 'elastic-ip', 'nat-eip').kind).toBe('elastic-ip');
  });

  it('names what each security group is attached to', async () => {
    const [tf] = await inventoriesOf(THREE_TIER);
    const attached = (name: string) => item(tf!, 'security-group', name).attachedTo!.map((r) => r.address);
    expect(attached('alb')).toEqual(['aws_lb.public']);
    expect(attached('web')).toEqual(['aws_instance.web']);
    expect(attached('app')).toEqual(['aws_instance.app']);
    expect(attached('db')).toEqual(['aws_db_instance.ledger']);
  });

  it('shows ids Terraform learns at apply as (known after apply)', async () => {
    const [tf] = await inventoriesOf(THREE_TIER);
    expect(item(tf!, 'vpc', 'three-tier').id).toBe('(known after apply)');
    const [plan] = await inventoriesOf(MODULES_PLAN);
    expect(plan!.items.filter((i) => i.kind === 'security-group').map((i) => i.id)).toEqual(['(known after apply)', '(known after apply)', '(known after apply)']);
  });

  it('an IPv6 block AWS assigns at creation is (known after apply), not absent', async () => {
    const [tf] = await inventoriesOf(THREE_TIER);
    expect(item(tf!, 'vpc', 'three-tier').ipv6Cidr).toBe('(known after apply)');
  });

  it('never shows a sensitive value: the database Name tag comes from a sensitive variable', async () => {
    const [tf] = await inventoriesOf(THREE_TIER);
    const db = item(tf!, 'database', 'aws_db_instance.ledger');
    expect(db).toMatchObject({ name: '(sensitive)', engine: 'postgres', port: '5432', vpc: 'aws_vpc.main', associatedWith: 'aws_db_subnet_group.db' });
    expect(JSON.stringify(tf)).not.toContain('s3cr3t');
  });
});

describe('security groups of Lambda functions, ECS services and interfaces', () => {
  it('are attached to what uses them', async () => {
    const [tf] = await inventoriesOf('test/fixtures/inventory/serverless');
    const attached = (address: string) => tf!.items.find((i) => i.address === address)!.attachedTo!.map((r) => r.address);
    expect(attached('aws_security_group.lambda')).toEqual(['aws_lambda_function.worker']);
    expect(attached('aws_security_group.tasks')).toEqual(['aws_ecs_service.api']);
    expect(attached('aws_security_group.extra')).toEqual(['aws_network_interface.appliance']);
  });
});

describe('the network inventory of the other fixtures', () => {
  it('a saved live inventory: ids, Name tags, public and private subnets, groups attached to nothing', async () => {
    const [live] = await inventoriesOf(LIVE_ESTATE);
    expect(live!.source).toBe('live');
    expect(item(live!, 'subnet', 'public-a')).toMatchObject({ id: 'subnet-0a1e3c5b7d9f2a4c6', exposure: 'public' });
    expect(item(live!, 'subnet', 'private-a').exposure).toBe('private');
    expect(item(live!, 'vpc', 'prod').ipv6Cidr).toBe('2a05:d018:1a2b:3c00::/56');
    expect(item(live!, 'security-group', 'orders-db').attachedTo!.map((r) => r.type)).toEqual(['aws_network_interface', 'aws_db_instance']);
    expect(item(live!, 'security-group', 'legacy-all').attachedTo).toEqual([]);
    expect(item(live!, 'elastic-ip', 'bastion').associatedWith).toMatch(/instance\/i-0a9b8c7d6e5f40312$/);
  });

  it('the modules repository, as a plan and as .tf: the same VPC, subnets and groups by address', async () => {
    const [plan] = await inventoriesOf(MODULES_PLAN);
    const [hcl] = await inventoriesOf(MODULES_HCL);
    const shape = (input: typeof plan) => input!.items.map((i) => `${i.kind} ${i.address}`).sort();
    expect(shape(plan)).toEqual(shape(hcl));
    expect(plan!.items.filter((i) => i.kind === 'security-group')).toHaveLength(3);
  });
});

describe('a subnet whose route table cannot be told', () => {
  it('is unknown with the reason, never private', () => {
    const resource = (type: string, address: string, values: Record<string, unknown>, references: Record<string, string[]> = {}): Resource =>
      ({ type, address, name: address, mode: 'managed', modulePath: '', values, tags: undefined, source: 'plan', input: 'plan.json', references, raw: {}, action: 'create' }) as Resource;
    const inventory = new Inventory(
      [
        resource('aws_vpc', 'aws_vpc.main', { id: new Unknown('known after apply'), cidr_block: '10.0.0.0/16' }),
        resource('aws_subnet', 'aws_subnet.a', { id: new Unknown('known after apply'), vpc_id: new Unknown('known after apply') }, { vpc_id: ['aws_vpc.main'] }),
        resource('aws_route_table', 'aws_route_table.t', { id: new Unknown('known after apply'), vpc_id: new Unknown('known after apply') }, { vpc_id: ['aws_vpc.main'] }),
        // The subnet this association names is known only after apply, and no reference says which.
        resource('aws_route_table_association', 'aws_route_table_association.x', { subnet_id: new Unknown('known after apply'), route_table_id: new Unknown('known after apply') }, { subnet_id: [], route_table_id: ['aws_route_table.t'] }),
      ],
      'plan.json',
    );
    const subnet = buildNetworkInventory(inventory).items.find((i) => i.kind === 'subnet')!;
    expect(subnet.exposure).toBe('unknown');
    expect(subnet.reason).toMatch(/aws_route_table_association\.x/);
  });
});
