import { describe, expect, it } from 'vitest';
import { Inventory, Unknown, type Resource, type TagMap } from '../../src/api.js';
import { ConfigError } from '../../src/config/config-error.js';
import type { Finding } from '../../src/rules/finding.js';
import { runPolicies } from '../../src/rules/runner.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { requiredTags } from '../../policies/required-tags.js';

function resource(type: string, address: string, tags: TagMap | Unknown | undefined): Resource {
  return {
    type, address, name: address.split('.').pop()!, mode: 'managed', modulePath: '', values: {}, tags,
    source: 'plan', input: 'test.json', references: {}, raw: {},
  };
}

function scan(resources: Resource[], options: Record<string, unknown> = {}): Finding[] {
  const [configured] = selectPolicies([requiredTags], { policies: { 'required-tags': { options } } }, {});
  return runPolicies(new Inventory(resources, 'test.json'), [configured!], 'report').findings;
}

describe('required-tags', () => {
  it('requires Environment and Owner by default, in one finding per resource that lists every missing key', () => {
    const findings = scan([resource('aws_vpc', 'aws_vpc.main', { Name: 'main' }), resource('aws_subnet', 'aws_subnet.a', { Owner: 'net' })]).filter((f) => f.verdict === 'fail');
    expect(findings.map((f) => f.message)).toEqual(['aws_vpc.main lacks required tags Environment, Owner', 'aws_subnet.a lacks required tag Environment']);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(2);
    expect(findings.every((f) => f.severity === 'low')).toBe(true);
  });

  it('skips resources without a tags attribute', () => {
    expect(scan([resource('aws_route', 'aws_route.default', undefined)])).toEqual([]);
  });

  it('checks only the included types, less the excluded ones', () => {
    const resources = [
      resource('aws_db_instance', 'aws_db_instance.main', {}),
      resource('aws_db_subnet_group', 'aws_db_subnet_group.main', {}),
      resource('aws_instance', 'aws_instance.web', {}),
    ];
    const findings = scan(resources, { required: ['Owner'], include: ['aws_db_*'], exclude: ['aws_db_subnet_group'] });
    expect(findings.filter((f) => f.verdict === 'fail').map((f) => f.resource.address)).toEqual(['aws_db_instance.main']);
  });

  it('compares keys and allowed values case-insensitively only when asked', () => {
    const tagged = [resource('aws_instance', 'aws_instance.web', { environment: 'Prod' })];
    const options = { required: { Environment: { allowed: ['prod'] } } };
    expect(scan(tagged, options).map((f) => f.verdict)).toEqual(['fail']);
    expect(scan(tagged, { ...options, caseSensitive: false }).map((f) => f.verdict)).toEqual(['pass']);
  });

  it('names the keys as found in a pass, and every problem after keys that hold, in requirement order', () => {
    // Passes where every key holds as written skip the per-key outcomes; these pin that both roads agree.
    const messages = (tags: TagMap, options: Record<string, unknown>): string[] => scan([resource('aws_vpc', 'aws_vpc.main', tags)], options).map((f) => `${f.verdict}: ${f.message}`);
    const required = { Environment: { allowed: ['prod'] }, Owner: {}, Team: {} };
    expect(messages({ Environment: 'prod', Owner: 'a', Team: 'b' }, { required })).toEqual(['pass: aws_vpc.main carries required tags Environment, Owner, Team (an allowed value)']);
    expect(messages({ Environment: 'prod', owner: 'a', Team: 'b' }, { required, caseSensitive: false })).toEqual(['pass: aws_vpc.main carries required tags Environment, owner, Team (an allowed value)']);
    expect(messages({ Environment: 'prod', Owner: 'a' }, { required })).toEqual(['fail: aws_vpc.main lacks required tag Team']);
    expect(messages({ Environment: 'dev', Owner: ' ' }, { required })).toEqual(['fail: aws_vpc.main lacks required tag Team; tag Environment is "dev", not one of "prod"; tag Owner is empty']);
  });

  it('reports unknown with the reason when the tags are not known', () => {
    const findings = scan([resource('aws_instance', 'aws_instance.web', new Unknown('the tags of aws_instance.web are known only after apply'))], { required: ['Owner'] });
    expect(findings.map((f) => [f.verdict, f.reason])).toEqual([['unknown', 'the tags of aws_instance.web are known only after apply']]);
  });

  it('rejects invalid options before the scan, naming the option', () => {
    const bad = (options: Record<string, unknown>): (() => unknown) => () =>
      selectPolicies([requiredTags], { policies: { 'required-tags': { options } } }, {}, 'warden.yaml');
    expect(bad({ required: { CostCenter: { pattern: '^CC-(' } } })).toThrow(ConfigError);
    expect(bad({ required: { CostCenter: { pattern: '^CC-(' } } })).toThrow(/required\.CostCenter\.pattern must match format "regex"/);
    expect(bad({ required: { Owner: { allowed: [] } } })).toThrow(/required\.Owner\.allowed must NOT have fewer than 1 items/);
    expect(bad({ required: 'Owner' })).toThrow(/required must be array,object$/);
    expect(bad({ required: { CostCenter: { pattern: '^CC-(' } } })).toThrow(/^warden\.yaml: options of required-tags: required\.CostCenter\.pattern must match format "regex"$/);
    expect(bad({ caseSensitive: 'no' })).toThrow(/caseSensitive must be boolean/);
    expect(bad({ exlude: ['aws_iam_*'] })).toThrow(/unknown option "exlude"/);
  });
  it('names, for an Auto Scaling group, which of the checked tags reach the instances it launches, in requirement order', () => {
    const group = (tags: TagMap, blocks: { key: string; value: string; propagate_at_launch: boolean }[]): Resource => ({
      ...resource('aws_autoscaling_group', 'aws_autoscaling_group.web', tags),
      values: { tag: blocks },
    });
    const blocks = [
      { key: 'Owner', value: 'me', propagate_at_launch: false },
      { key: 'Environment', value: 'qa', propagate_at_launch: true },
      { key: 'Name', value: 'web', propagate_at_launch: false },
    ];
    const [passed] = scan([group({ Owner: 'me', Environment: 'qa', Name: 'web' }, blocks)]);
    expect(passed!.message).toBe('aws_autoscaling_group.web carries required tags Environment, Owner (not empty); tag Owner is not given to the instances the group launches');
    const [failed] = scan([group({ Owner: 'me', Environment: 'qa', Name: 'web' }, blocks)], { required: { CostCenter: {}, Environment: { allowed: ['prod'] }, Owner: {} } });
    expect(failed!.evidence.slice(1)).toEqual([
      { path: 'tags.Environment', value: 'qa' },
      { path: 'tag.1.propagate_at_launch', value: true, note: 'tag Environment is given to the instances the group launches' },
    ]);
  });
});
