import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import type { Resource } from '../../src/model/resource.js';
import type { ValueObject } from '../../src/model/value.js';
import { PrefixLists } from '../../src/network/prefix-lists.js';
import { securityGroupAdmission } from '../../src/network/security-group-admission.js';
import { resolvePolicyOptions } from '../../src/rules/policy-options.js';
import { runPolicies } from '../../src/rules/runner.js';
import { sgOpenIngress } from '../../policies/sg-open-ingress.js';
import { resource } from './network-test-helpers.js';

/** What sg-open-ingress says of a group open on TCP 5432: fail, unknown or nothing. */
function policyVerdict(inventory: Inventory): string {
  const configured = [{ policy: sgOpenIngress, options: resolvePolicyOptions(sgOpenIngress, undefined, 'test') }];
  const verdicts = runPolicies(inventory, configured, 'omit').findings.map((f) => f.verdict);
  return verdicts.includes('fail') ? 'fail' : verdicts.includes('unknown') ? 'unknown' : 'none';
}

/** What the reachability model says of the same group for a database on 5432, in the same terms. */
function networkVerdict(inventory: Inventory): string {
  const groups = inventory.securityGroups;
  const verdicts = (['ipv4', 'ipv6'] as const).map((family) => {
    const { clients } = securityGroupAdmission(groups, new PrefixLists(inventory), 5432, family);
    return !clients.definite.isEmpty() ? 'fail' : !clients.possible.isEmpty() ? 'unknown' : 'none';
  });
  return verdicts.includes('fail') ? 'fail' : verdicts.includes('unknown') ? 'unknown' : 'none';
}

function groupWith(ingress: ValueObject, ...others: Resource[]): Inventory {
  const rule = { from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, ...ingress };
  return new Inventory([resource('aws_security_group', 'db', { id: 'sg-1', ingress: [rule] }), ...others], 'test.json');
}

const dataList = (name: string, values: ValueObject): Resource => ({ ...resource('aws_ec2_managed_prefix_list', name, values), address: `data.aws_ec2_managed_prefix_list.${name}`, mode: 'data' });
const serviceList = (name: string, values: ValueObject): Resource => ({ ...resource('aws_prefix_list', name, values), address: `data.aws_prefix_list.${name}`, mode: 'data' });

/**
 * sg-open-ingress and the reachability model judge the same security group alike: a source is the
 * internet for both, for neither, or undecided for both.
 */
describe('sg-open-ingress and the reachability model agree on internet sources', () => {
  it.each<[string, () => Inventory, string]>([
    ['0.0.0.0/0', () => groupWith({ cidr_blocks: ['0.0.0.0/0'] }), 'fail'],
    ['::/0', () => groupWith({ ipv6_cidr_blocks: ['::/0'] }), 'fail'],
    ['a /0 with host bits set (0.1.0.0/0)', () => groupWith({ cidr_blocks: ['0.1.0.0/0'] }), 'fail'],
    ['an IPv6 /0 with host bits set (::1/0)', () => groupWith({ ipv6_cidr_blocks: ['::1/0'] }), 'fail'],
    ['a private range', () => groupWith({ cidr_blocks: ['10.0.0.0/8'] }), 'none'],
    ['a managed prefix list read as a data source (entries)', () => groupWith({ prefix_list_ids: ['pl-1'] }, dataList('world', { id: 'pl-1', entries: [{ cidr: '0.0.0.0/0', description: '' }] })), 'fail'],
    ['an AWS service prefix list (cidr_blocks)', () => groupWith({ prefix_list_ids: ['pl-2'] }, serviceList('s3', { id: 'pl-2', cidr_blocks: ['0.0.0.0/0'] })), 'fail'],
    ['a managed prefix list of private ranges', () => groupWith({ prefix_list_ids: ['pl-3'] }, resource('aws_ec2_managed_prefix_list', 'office', { id: 'pl-3', entry: [{ cidr: '10.0.0.0/8' }] })), 'none'],
    ['a prefix list that is not in the input', () => groupWith({ prefix_list_ids: ['pl-404'] }), 'unknown'],
  ])('%s', (_name, build, expected) => {
    const inventory = build();
    expect({ policy: policyVerdict(inventory), network: networkVerdict(inventory) }).toEqual({ policy: expected, network: expected });
  });
});

/** A CIDR that cannot be what it claims is undecided for both, never a silent pass. */
describe('a source that is not a CIDR AWS accepts is unknown for both', () => {
  it.each<[string, ValueObject]>([
    ['an IPv4 block in ipv6_cidr_blocks', { ipv6_cidr_blocks: ['0.0.0.0/0'] }],
    ['an IPv6 block in cidr_blocks', { cidr_blocks: ['::/0'] }],
  ])('%s', (_name, sources) => {
    const inventory = groupWith(sources);
    expect({ policy: policyVerdict(inventory), network: networkVerdict(inventory) }).toEqual({ policy: 'unknown', network: 'unknown' });
  });

  it.each(['/0', '300.0.0.0/8', '0/0', '0x0.0.0.0/0', '010.0.0.0/8', '1.2.3/24', '0.0.0.0/33', '::/129', 'not-a-cidr', ''])('%s', (cidr) => {
    const inventory = groupWith({ cidr_blocks: [cidr] });
    expect({ policy: policyVerdict(inventory), network: networkVerdict(inventory) }).toEqual({ policy: 'unknown', network: 'unknown' });
  });
});

/** A port range AWS would refuse is undecided for both, never a silent pass or a guess at what was meant. */
describe('an impossible port range is unknown for both', () => {
  it.each<[string, ValueObject]>([
    ['from_port above to_port', { from_port: 6000, to_port: 22 }],
    ['a port above 65535', { from_port: 5432, to_port: 70000 }],
    ['a negative port', { from_port: -5, to_port: 5432 }],
    ['-1 on tcp', { from_port: -1, to_port: -1 }],
  ])('%s', (_name, ports) => {
    const inventory = groupWith({ cidr_blocks: ['0.0.0.0/0'], ...ports });
    expect({ policy: policyVerdict(inventory), network: networkVerdict(inventory) }).toEqual({ policy: 'unknown', network: 'unknown' });
  });
});
