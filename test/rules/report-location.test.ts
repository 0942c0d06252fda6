import { describe, expect, it } from 'vitest';
import { definePolicy, type PolicyReport } from '../../src/api.js';
import { Inventory } from '../../src/model/inventory.js';
import type { SourceLocation } from '../../src/model/location.js';
import type { Resource } from '../../src/model/resource.js';
import { compileDeclarativePolicy } from '../../src/rules/declarative/compile-declarative-policy.js';
import { runPolicies } from '../../src/rules/runner.js';

/**
 * Where a finding points (ReportDetails in src/rules/policy.ts): `location` when given; else `path`
 * read on `locationOf` when given, on `resource` otherwise; a path the resource it is read on does
 * not have gives that resource's own block, never a line of the other resource.
 */
const at = (startLine: number, endLine = startLine): SourceLocation => ({ kind: 'source', file: 'main.tf', startLine, endLine });

function resource(type: string, name: string, location: SourceLocation, attributeLocations: Record<string, SourceLocation>): Resource {
  const address = `${type}.${name}`;
  return { type, address, name, mode: 'managed', modulePath: '', values: {}, tags: {}, source: 'hcl', input: 'main.tf', references: {}, raw: {}, location, attributeLocations };
}

// The group writes an inline rule with its own cidr_blocks (line 4); the standalone rule writes cidr_blocks on line 13.
const group = resource('aws_security_group', 'web', at(1, 8), { ingress: at(3, 7), 'ingress.0': at(3, 7), 'ingress.0.cidr_blocks': at(4), cidr_blocks: at(4), name: at(2) });
const rule = resource('aws_security_group_rule', 'ssh', at(10, 16), { type: at(11), from_port: at(12), cidr_blocks: at(13), 'cidr_blocks.0': at(13) });

type Details = Omit<PolicyReport, 'message' | 'messageId' | 'data' | 'resource'>;

/** The start line of the one finding a policy reporting `details` about the group gives. */
function lineOf(details: Details, verdict: 'fail' | 'unknown' = 'fail'): number | undefined {
  const policy = definePolicy({
    id: 'points-somewhere',
    title: 'Test policy',
    severity: 'high',
    description: 'Test policy.',
    remediation: 'None.',
    check(context) {
      const report = { resource: group, message: 'reported', ...details };
      if (verdict === 'fail') context.fail(report);
      else context.unknown({ ...report, reason: 'not known' });
    },
  });
  const result = runPolicies(new Inventory([group, rule], 'main.tf'), [{ policy, options: {} }], 'omit');
  expect(result.errors).toEqual([]);
  const located = result.findings[0]?.location;
  return located?.kind === 'source' ? located.startLine : undefined;
}

describe('a report\'s location', () => {
  it('reads path on locationOf when it is given: the cidr_blocks line of the standalone rule, not its first line', () => {
    expect(lineOf({ locationOf: rule, path: 'cidr_blocks' })).toBe(13);
    expect(lineOf({ locationOf: rule, path: 'cidr_blocks.0' }, 'unknown')).toBe(13);
  });

  it('reads path on resource when locationOf is not given', () => {
    expect(lineOf({ path: 'ingress.0.cidr_blocks' })).toBe(4);
    expect(lineOf({ path: 'name' })).toBe(2);
  });

  it('gives the located resource\'s own block for a path it does not have, never the line of that path on resource', () => {
    // The group has ingress.0.cidr_blocks (line 4); the rule does not: its block, not line 4.
    expect(lineOf({ locationOf: rule, path: 'ingress.0.cidr_blocks' })).toBe(10);
    expect(lineOf({ locationOf: rule, path: 'name' })).toBe(10);
  });

  it('falls back to the closest parent the located resource has', () => {
    expect(lineOf({ locationOf: rule, path: 'cidr_blocks.3' })).toBe(13);
  });

  it('without path points at the whole block of locationOf, or of resource', () => {
    expect(lineOf({ locationOf: rule })).toBe(10);
    expect(lineOf({})).toBe(1);
  });

  it('is location when given, whatever locationOf and path say', () => {
    expect(lineOf({ location: at(42), locationOf: rule, path: 'cidr_blocks' })).toBe(42);
  });

  it('of a declarative policy is the attribute failWhen matched on the resource it checks (it has no locationOf)', () => {
    const openRule: Resource = { ...rule, values: { type: 'ingress', cidr_blocks: ['0.0.0.0/0'] } };
    const policy = compileDeclarativePolicy({
      id: 'rule-open-to-world',
      title: 'Rule open to the world',
      severity: 'high',
      description: 'Test policy.',
      remediation: 'None.',
      resourceTypes: ['aws_security_group_rule'],
      failWhen: { path: '$.values.cidr_blocks[*]', equals: '0.0.0.0/0' },
      message: '{{address}} is open',
    });
    const { findings } = runPolicies(new Inventory([group, openRule], 'main.tf'), [{ policy, options: {} }], 'omit');
    expect(findings.map((f) => [f.resource.address, f.location?.kind === 'source' ? f.location.startLine : undefined])).toEqual([['aws_security_group_rule.ssh', 13]]);
  });
});
