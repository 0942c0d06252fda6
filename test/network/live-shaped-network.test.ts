import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import type { Resource } from '../../src/model/resource.js';
import type { ValueObject } from '../../src/model/value.js';
import { builtinPolicies } from '../../policies/index.js';
import { runPolicies } from '../../src/rules/runner.js';

/**
 * The network model reads live inventories unchanged: the live collector maps API objects onto the
 * Terraform types (src/engines/live/descriptors), with known ids and no configuration references.
 */
function live(type: string, id: string, values: ValueObject): Resource {
  return {
    type, address: id, name: id, mode: 'managed', modulePath: '', values: { id, ...values }, tags: {}, source: 'live', input: '111122223333/eu-west-1',
    references: {}, raw: {}, location: { kind: 'cloud', account: '111122223333', region: 'eu-west-1', arn: `arn:aws:ec2:eu-west-1:111122223333:${id}` },
  };
}

const entry = (rule: number, action: string, cidr: string): ValueObject => ({ rule_no: rule, action, protocol: '-1', from_port: 0, to_port: 0, cidr_block: cidr, ipv6_cidr_block: null });
const route = (cidr: string, target: ValueObject): ValueObject => ({ cidr_block: cidr, ipv6_cidr_block: null, destination_prefix_list_id: null, gateway_id: null, nat_gateway_id: null, state: 'active', ...target });

function account(routeToInternet: ValueObject, publiclyAccessible = true): Resource[] {
  return [
    live('aws_vpc', 'vpc-1', { cidr_block: '10.0.0.0/16', secondary_cidr_blocks: ['10.1.0.0/16'], main_route_table_id: 'rtb-main', default_network_acl_id: 'acl-default', default_security_group_id: 'sg-default' }),
    live('aws_internet_gateway', 'igw-1', { vpc_id: 'vpc-1' }),
    live('aws_subnet', 'subnet-a', { vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24' }),
    live('aws_route_table', 'rtb-main', { vpc_id: 'vpc-1', route: [route('10.0.0.0/16', { gateway_id: 'local' }), routeToInternet] }),
    live('aws_main_route_table_association', 'rtbassoc-main', { vpc_id: 'vpc-1', route_table_id: 'rtb-main' }),
    live('aws_default_network_acl', 'acl-default', {
      vpc_id: 'vpc-1', default_network_acl_id: 'acl-default', subnet_ids: ['subnet-a'],
      ingress: [entry(100, 'allow', '0.0.0.0/0'), entry(32767, 'deny', '0.0.0.0/0')], egress: [entry(100, 'allow', '0.0.0.0/0'), entry(32767, 'deny', '0.0.0.0/0')],
    }),
    live('aws_security_group', 'sg-db', {
      vpc_id: 'vpc-1', name: 'db',
      ingress: [{ protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }],
      egress: [],
    }),
    live('aws_db_subnet_group', 'prod-db', { name: 'prod-db', vpc_id: 'vpc-1', subnet_ids: ['subnet-a'] }),
    live('aws_db_instance', 'db-ABC', { identifier: 'prod', engine: 'postgres', port: 5432, publicly_accessible: publiclyAccessible, db_subnet_group_name: 'prod-db', vpc_security_group_ids: ['sg-db'] }),
  ];
}

function verdicts(resources: Resource[]): string[] {
  const policies = builtinPolicies.filter((p) => p.id === 'db-internet-reachable' || p.id === 'db-publicly-accessible').map((policy) => ({ policy, options: policy.options?.defaults ?? {} }));
  return runPolicies(new Inventory(resources, 'live'), policies, 'omit').findings.map((f) => `${f.ruleId} ${f.verdict}`);
}

describe('a live inventory', () => {
  it('is reachable through the main table, the default ACL and an open group', () => {
    expect(verdicts(account(route('0.0.0.0/0', { gateway_id: 'igw-1' })))).toEqual(['db-internet-reachable fail']);
  });

  it('ignores a blackhole route to a gateway that is gone', () => {
    expect(verdicts(account(route('0.0.0.0/0', { gateway_id: 'igw-1', state: 'blackhole' })))).toEqual(['db-publicly-accessible fail']);
  });

  it('is a latent exposure behind a NAT gateway', () => {
    expect(verdicts(account(route('0.0.0.0/0', { nat_gateway_id: 'nat-1' })))).toEqual(['db-publicly-accessible fail']);
  });

  it('passes both policies when the instance is not publicly accessible', () => {
    expect(verdicts(account(route('0.0.0.0/0', { gateway_id: 'igw-1' }), false))).toEqual([]);
  });
});
