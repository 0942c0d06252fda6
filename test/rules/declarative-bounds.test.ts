import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import type { Resource } from '../../src/model/resource.js';
import { isUnknown } from '../../src/model/unknown.js';
import type { Value, ValueObject } from '../../src/model/value.js';
import { compileDeclarativePolicy } from '../../src/rules/declarative/compile-declarative-policy.js';
import type { DeclarativePolicyDocument } from '../../src/rules/declarative/declarative-document.js';
import { MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_NODES } from '../../src/rules/declarative/bounded-document.js';
import { resourceDocument } from '../../src/rules/declarative/resource-document.js';
import { definePolicy } from '../../src/rules/policy.js';
import { runPolicies } from '../../src/rules/runner.js';

function resource(name: string, values: ValueObject): Resource {
  return { type: 'aws_lb_listener', address: `aws_lb_listener.${name}`, name, mode: 'managed', modulePath: '', values, tags: {}, source: 'plan', input: 'plan.json', references: {}, raw: { change: { after: values } } };
}

/** `{ a: { a: … { port: 22 } } }`, `depth` levels deep. */
function deep(depth: number): Value {
  let value: Value = { port: 22 };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const policy: DeclarativePolicyDocument = {
  id: 'no-port-22',
  title: 'port 22 anywhere',
  severity: 'high',
  description: 'd',
  remediation: 'r',
  resourceTypes: ['aws_lb_listener'],
  failWhen: { path: '$.values..port', equals: 22 },
  message: '{{address}} has port 22',
};

describe('values given to JSONPath policies are bounded', () => {
  it('a value nested past the depth limit is cut there, as an Unknown that says why', () => {
    const document = resourceDocument(resource('deep', { nested: deep(MAX_DOCUMENT_DEPTH + 50) as ValueObject }));
    let node = (document['values'] as ValueObject)['nested'] as Value;
    let levels = 0;
    while (!isUnknown(node) && typeof node === 'object' && node !== null && 'a' in node) {
      node = (node as ValueObject)['a']!;
      levels++;
    }
    expect(levels).toBeLessThan(MAX_DOCUMENT_DEPTH);
    expect(isUnknown(node) && node.reason).toMatch(/nested more than \d+ levels deep: not read by JSONPath policies/);
  });

  it('a value with more nodes than the size limit is cut after it', () => {
    const wide = Array.from({ length: MAX_DOCUMENT_NODES + 10 }, (_, i) => i);
    const document = resourceDocument(resource('wide', { list: wide }));
    const list = (document['values'] as ValueObject)['list'] as Value[];
    expect(list.length).toBeLessThanOrEqual(MAX_DOCUMENT_NODES);
    expect(isUnknown(list.at(-1)) && (list.at(-1) as { reason: string }).reason).toMatch(/more than \d+ values/);
  });

  it('a recursive path over a 100 000-level value answers unknown for that resource; the others are decided', () => {
    const inventory = new Inventory([resource('deep', { nested: deep(100_000) as ValueObject }), resource('open', { port: 22 }), resource('closed', { port: 443 })], 'plan.json');
    const run = runPolicies(inventory, [{ policy: compileDeclarativePolicy(policy), options: {} }], 'report');
    expect(run.errors).toEqual([]);
    expect(run.findings.map((f) => [f.resource.address, f.verdict])).toEqual([
      ['aws_lb_listener.deep', 'unknown'],
      ['aws_lb_listener.open', 'fail'],
      ['aws_lb_listener.closed', 'pass'],
    ]);
  });
});

describe('an error in one policy on one resource', () => {
  it('is reported for that resource and policy only: the other resources and policies still run', () => {
    // A check that cannot evaluate one resource (simulated: reading its raw source object throws).
    const hostile = resource('bad', { port: 22 });
    Object.defineProperty(hostile, 'raw', { get: () => { throw new RangeError('Maximum call stack size exceeded'); } });
    const inventory = new Inventory([resource('a', { port: 22 }), hostile, resource('c', { port: 22 })], 'plan.json');
    const throwsOnBad = compileDeclarativePolicy(policy);
    const other = definePolicy({ id: 'other', title: 't', severity: 'low', description: 'd', remediation: 'r', check: (context) => { for (const r of context.inventory.resources) context.fail({ resource: r, message: 'x' }); } });
    const run = runPolicies(inventory, [{ policy: throwsOnBad, options: {} }, { policy: other, options: {} }], 'omit');
    expect(run.findings.filter((f) => f.ruleId === 'no-port-22').map((f) => [f.resource.address, f.verdict])).toEqual([
      ['aws_lb_listener.a', 'fail'],
      ['aws_lb_listener.bad', 'unknown'],
      ['aws_lb_listener.c', 'fail'],
    ]);
    expect(run.findings.filter((f) => f.ruleId === 'other')).toHaveLength(3);
    expect(run.errors).toEqual([{ policyId: 'no-port-22', input: 'plan.json', resource: 'aws_lb_listener.bad', message: 'Maximum call stack size exceeded' }]);
    const unknown = run.findings.find((f) => f.verdict === 'unknown')!;
    expect(unknown.reason).toBe('no-port-22 could not be evaluated on this resource: Maximum call stack size exceeded');
  });
});

describe('a declarative policy pattern', () => {
  const tagged = (value: string): Resource => ({ ...resource('t', { name: value }), tags: { Name: value } });
  const withPattern = (matches: string): DeclarativePolicyDocument => ({ ...policy, id: 'name-pattern', failWhen: { path: '$.tags.Name', matches } });

  it('runs on RE2: a catastrophic pattern on a long tag value is decided at once', () => {
    const inventory = new Inventory([tagged(`${'a'.repeat(50_000)}!`)], 'plan.json');
    const run = runPolicies(inventory, [{ policy: compileDeclarativePolicy(withPattern('^(a+)+$')), options: {} }], 'report');
    expect(run.findings.map((f) => f.verdict)).toEqual(['pass']);
  });

  it('that RE2 does not accept (lookahead, backreference) is refused when the policy is loaded', async () => {
    const { validateDeclarativeText } = await import('../../src/rules/declarative/validate-declarative-policy.js');
    const text = ['id: p', 'title: t', 'severity: low', 'description: d', 'remediation: r', 'resourceTypes: [aws_s3_bucket]', 'failWhen:', '  path: $.tags.Name', "  matches: '^(?!prod)'", 'message: m', ''].join('\n');
    const result = validateDeclarativeText(text, 'p.policy.yaml');
    expect('problems' in result && result.problems.map((p) => p.message).join('\n')).toMatch(/not a valid RE2 regular expression/);
  });
});
