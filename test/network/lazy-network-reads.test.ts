import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import type { Resource } from '../../src/model/resource.js';
import type { ValueObject } from '../../src/model/value.js';
import { runPolicies } from '../../src/rules/runner.js';
import type { Policy } from '../../src/rules/policy.js';
import { dbInternetReachable } from '../../policies/db-internet-reachable.js';
import { dbPubliclyAccessible } from '../../policies/db-publicly-accessible.js';
import { dbTierAdmitsCidr } from '../../policies/db-tier-admits-cidr.js';
import { instanceAdminPortReachable } from '../../policies/instance-admin-port-reachable.js';
import { publicIpByDefault } from '../../policies/public-ip-by-default.js';
import { resource } from './network-test-helpers.js';

/**
 * A large plan is mostly private databases and instances without an internet address: the network
 * policies decide those from one attribute, and must not resolve links (subnets, security groups,
 * route tables) that no verdict reads. These tests watch which attributes are read.
 */

/** The resource with its values behind a proxy that records each attribute read. */
function watched(target: Resource): { resource: Resource; reads: Set<string> } {
  const reads = new Set<string>();
  const values = new Proxy(target.values, {
    get(object, key, receiver) {
      if (typeof key === 'string') reads.add(key);
      return Reflect.get(object, key, receiver);
    },
    getOwnPropertyDescriptor(object, key) {
      if (typeof key === 'string') reads.add(key);
      return Reflect.getOwnPropertyDescriptor(object, key);
    },
    has(object, key) {
      if (typeof key === 'string') reads.add(key);
      return Reflect.has(object, key);
    },
  }) as ValueObject;
  return { resource: { ...target, values }, reads };
}

function run(resources: Resource[], ...policies: Policy[]): string[] {
  const configured = policies.map((policy) => ({ policy, options: policy.options?.defaults ?? {} }));
  const { findings, passes } = runPolicies(new Inventory(resources, 'test.json'), configured, 'count');
  return [...findings.map((f) => `${f.ruleId} ${f.verdict}`), ...passes.map((p) => `${p.ruleId} pass`)];
}

const vpc = resource('aws_vpc', 'main', { id: 'vpc-1', cidr_block: '10.0.0.0/16' });
const subnet = resource('aws_subnet', 'a', { id: 'subnet-1', vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24', map_public_ip_on_launch: false });
const group = resource('aws_security_group', 'app', { id: 'sg-1', vpc_id: 'vpc-1', ingress: [], egress: [] });

describe('network policies read no links for targets they decide from one attribute', () => {
  it('an instance without a public address: neither its subnet nor its security groups', () => {
    const { resource: instance, reads } = watched(
      resource('aws_instance', 'app', { id: 'i-1', subnet_id: 'subnet-1', vpc_security_group_ids: ['sg-1'], associate_public_ip_address: false, ipv6_address_count: 0 }),
    );
    expect(run([vpc, subnet, group, instance], instanceAdminPortReachable)).toEqual(['instance-admin-port-reachable pass']);
    expect(reads.has('vpc_security_group_ids')).toBe(false);
    expect(reads.has('security_groups')).toBe(false);
    expect(reads.has('subnet_id')).toBe(false);
  });

  it('public-ip-by-default: an instance that asks for no public address, with no allowed subnet tags: not its subnet', () => {
    const { resource: instance, reads } = watched(resource('aws_instance', 'app', { id: 'i-1', subnet_id: 'subnet-1', associate_public_ip_address: false }));
    expect(run([vpc, subnet, instance], publicIpByDefault)).toEqual(['public-ip-by-default pass', 'public-ip-by-default pass']);
    expect(reads.has('subnet_id')).toBe(false);
  });

  it('a database that is not publicly accessible: not its subnet group, and no route table is read', () => {
    const { resource: db, reads } = watched(
      resource('aws_db_instance', 'db', { id: 'db-1', engine: 'postgres', publicly_accessible: false, db_subnet_group_name: 'main', vpc_security_group_ids: ['sg-1'] }),
    );
    const { resource: association, reads: associationReads } = watched(
      resource('aws_route_table_association', 'a', { id: 'rtbassoc-1', subnet_id: 'subnet-1', route_table_id: 'rtb-1' }),
    );
    const table = resource('aws_route_table', 'main', { id: 'rtb-1', vpc_id: 'vpc-1', route: [] });
    const subnetGroup = resource('aws_db_subnet_group', 'main', { id: 'main', name: 'main', subnet_ids: ['subnet-1'] });
    expect(run([vpc, subnet, group, table, association, subnetGroup, db], dbInternetReachable, dbPubliclyAccessible)).toEqual([
      'db-internet-reachable pass',
      'db-publicly-accessible pass',
    ]);
    expect(reads.has('db_subnet_group_name')).toBe(false);
    expect(associationReads.has('route_table_id')).toBe(false);
  });

  it('db-tier-admits-cidr: a database with security groups of its own is not placed (no subnet group read)', () => {
    const { resource: db, reads } = watched(
      resource('aws_db_instance', 'db', { id: 'db-1', engine: 'postgres', publicly_accessible: true, db_subnet_group_name: 'main', vpc_security_group_ids: ['sg-1'] }),
    );
    const subnetGroup = resource('aws_db_subnet_group', 'main', { id: 'main', name: 'main', subnet_ids: ['subnet-1'] });
    expect(run([vpc, subnet, group, subnetGroup, db], dbTierAdmitsCidr)).toEqual(['db-tier-admits-cidr pass']);
    expect(reads.has('vpc_security_group_ids')).toBe(true);
    expect(reads.has('db_subnet_group_name')).toBe(false);
  });
});
