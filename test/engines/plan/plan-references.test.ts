import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedPlan } from '../../../src/engines/plan/load-plan.js';
import { parsePlanText } from '../../../src/engines/plan/load-plan.js';
import { splitReference } from '../../../src/engines/plan/plan-references.js';
import { fixtureText, loadFixture, resolvedAddresses, resource } from './plan-fixtures.js';

const SG = ['aws_security_group'];

describe('references from the plan configuration', () => {
  let plan: LoadedPlan;
  beforeAll(async () => {
    plan = await loadFixture('format-1.2-modules.json');
  });

  it('follows a module variable to the root resource passed in (security_group_id = var.sg_id)', () => {
    expect(resolvedAddresses(plan, 'module.rules.aws_security_group_rule.ssh', 'security_group_id', SG)).toEqual(['aws_security_group.web']);
  });

  it('follows a module output to the one resource it names, not every group in the module', () => {
    expect(resolvedAddresses(plan, 'aws_vpc_security_group_ingress_rule.from_module', 'security_group_id', SG)).toEqual([
      'module.net.aws_security_group.this',
    ]);
    expect(resolvedAddresses(plan, 'aws_db_instance.main', 'vpc_security_group_ids', SG)).toEqual(['module.net.aws_security_group.this']);
  });

  it('matches count.index: r[1] → g[1], r[0] → g[0]', () => {
    expect(resolvedAddresses(plan, 'aws_security_group_rule.r[1]', 'security_group_id', SG)).toEqual(['aws_security_group.g[1]']);
    expect(resolvedAddresses(plan, 'aws_security_group_rule.r[0]', 'security_group_id', SG)).toEqual(['aws_security_group.g[0]']);
  });

  it('an explicit index (g[1]) wins over the whole-resource reference Terraform lists beside it', () => {
    expect(resolvedAddresses(plan, 'aws_security_group_rule.pinned', 'security_group_id', SG)).toEqual(['aws_security_group.g[1]']);
  });

  it('stays inside the module instance: module.a["x"].module.b[0] resolves to its own group', () => {
    expect(resolvedAddresses(plan, 'module.a["x"].module.b[0].aws_security_group_rule.deep_rule', 'security_group_id', SG)).toEqual([
      'module.a["x"].module.b[0].aws_security_group.deep',
    ]);
    expect(resolvedAddresses(plan, 'module.a["y"].module.b[0].aws_security_group_rule.deep_rule', 'security_group_id', SG)).toEqual([
      'module.a["y"].module.b[0].aws_security_group.deep',
    ]);
  });

  it('follows variables through two module levels to the root', () => {
    expect(resolvedAddresses(plan, 'module.a["y"].module.b[0].aws_security_group.deep', 'vpc_id', ['aws_vpc'])).toEqual(['aws_vpc.main']);
    expect(resolvedAddresses(plan, 'module.net.aws_security_group.other', 'vpc_id', ['aws_vpc'])).toEqual(['aws_vpc.main']);
  });

  it('records edges only for attributes that reference resources', () => {
    expect(resource(plan, 'aws_security_group.g[0]').references).toEqual({ vpc_id: ['aws_vpc.main'] });
    expect(resource(plan, 'aws_instance.app').references).toEqual({});
  });

  it('the security-group view attaches each standalone rule to its group', () => {
    const groups = plan.inventory.securityGroups;
    const rulesOf = (address: string): string[] =>
      groups.find((g) => g.key === address)!.rules.filter((r) => r.path === '').map((r) => r.origin.address).sort();
    expect(rulesOf('aws_security_group.web')).toEqual(['module.rules.aws_security_group_rule.ssh']);
    expect(rulesOf('aws_security_group.g[1]')).toEqual(['aws_security_group_rule.pinned', 'aws_security_group_rule.r[1]']);
    expect(rulesOf('module.net.aws_security_group.this')).toEqual(['aws_vpc_security_group_ingress_rule.from_module']);
    expect(rulesOf('module.net.aws_security_group.other')).toEqual([]);
    expect(groups.filter((g) => g.resource === undefined)).toEqual([]);
  });

  it('without configuration, an unknown security_group_id stays Unknown with its reason', () => {
    const document = JSON.parse(fixtureText('format-1.2-modules.json')) as Record<string, unknown>;
    delete document['configuration'];
    const bare = parsePlanText(JSON.stringify(document, null, 2), 'bare.json');
    expect(resolvedAddresses(bare, 'module.rules.aws_security_group_rule.ssh', 'security_group_id', SG)).toBe(
      'unknown: module.rules.aws_security_group_rule.ssh.security_group_id is known only after apply',
    );
  });
});

describe('reference lists shared between instances', () => {
  const change = (type: string, name: string, after: Record<string, unknown>) => ({
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    change: { actions: ['create'], after, after_unknown: {} },
  });
  const config = (type: string, name: string, expressions: Record<string, unknown>) => ({ address: `${type}.${name}`, mode: 'managed', type, name, expressions });
  const plan = {
    format_version: '1.2',
    resource_changes: [
      change('aws_security_group', 'a', {}),
      change('aws_security_group', 'b', {}),
      change('aws_instance', 'both', {}),
      change('aws_instance', 'one', {}),
      change('aws_instance', 'other', {}),
    ],
    configuration: {
      root_module: {
        resources: [
          config('aws_security_group', 'a', {}),
          config('aws_security_group', 'b', {}),
          config('aws_instance', 'both', { vpc_security_group_ids: { references: ['aws_security_group.a.id', 'aws_security_group.a', 'aws_security_group.b.id', 'aws_security_group.b'] } }),
          config('aws_instance', 'one', { vpc_security_group_ids: { references: ['aws_security_group.a.id', 'aws_security_group.a'] } }),
          config('aws_instance', 'other', { security_groups: { references: ['aws_security_group.a.id', 'aws_security_group.a'] } }),
        ],
      },
    },
  };

  it('a list merged from two references is the instance\'s own: the one it started from stays as it was', () => {
    const loaded = parsePlanText(JSON.stringify(plan), 'shared.json');
    expect(resource(loaded, 'aws_instance.both').references).toEqual({ vpc_security_group_ids: ['aws_security_group.a', 'aws_security_group.b'] });
    expect(resource(loaded, 'aws_instance.one').references).toEqual({ vpc_security_group_ids: ['aws_security_group.a'] });
    expect(resource(loaded, 'aws_instance.other').references).toEqual({ security_groups: ['aws_security_group.a'] });
  });
});

describe('splitReference', () => {
  it('splits names, instance keys and attributes', () => {
    expect(splitReference('aws_subnet.public[0].id')).toEqual([
      { name: 'aws_subnet', key: '' },
      { name: 'public', key: '[0]' },
      { name: 'id', key: '' },
    ]);
    expect(splitReference('module.a["x.y]"].out')).toEqual([
      { name: 'module', key: '' },
      { name: 'a', key: '["x.y]"]' },
      { name: 'out', key: '' },
    ]);
  });
});
