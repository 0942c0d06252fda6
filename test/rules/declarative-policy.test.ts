import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import type { Resource } from '../../src/model/resource.js';
import { Sensitive } from '../../src/model/sensitive.js';
import { Unknown } from '../../src/model/unknown.js';
import type { ValueObject } from '../../src/model/value.js';
import { compileDeclarativePolicy } from '../../src/rules/declarative/compile-declarative-policy.js';
import type { Condition, DeclarativePolicyDocument } from '../../src/rules/declarative/declarative-document.js';
import { evaluateCondition } from '../../src/rules/declarative/evaluate-condition.js';
import { jsonPathProblem } from '../../src/rules/declarative/jsonpath-query.js';
import { renderTemplate } from '../../src/rules/declarative/message-template.js';
import { resourceDocument } from '../../src/rules/declarative/resource-document.js';
import { validateDeclarativeText } from '../../src/rules/declarative/validate-declarative-policy.js';
import { runPolicies } from '../../src/rules/runner.js';

function resource(type: string, name: string, values: ValueObject, tags: Resource['tags'] = undefined): Resource {
  return { type, address: `${type}.${name}`, name, mode: 'managed', modulePath: '', values, tags, source: 'plan', input: 'plan.json', references: {}, raw: { change: { after: values } } };
}

const truth = (condition: Condition, r: Resource) => evaluateCondition(condition, resourceDocument(r)).truth;

describe('declarative conditions', () => {
  const listener = resource('aws_lb_listener', 'web', {
    port: 443,
    protocol: 'HTTPS',
    ssl_policy: 'ELBSecurityPolicy-2016-08',
    default_action: [{ type: 'forward', order: 1 }, { type: 'redirect', order: new Unknown('order is known only after apply') }],
    certificate_arn: new Unknown('certificate_arn is known only after apply'),
  }, { Owner: 'net' });

  it('applies each operator to what the path selects, true when some value satisfies it', () => {
    expect(truth({ path: '$.values.port', equals: 443 }, listener)).toBe(true);
    expect(truth({ path: '$.values.port', equals: '443' }, listener)).toBe(false);
    expect(truth({ path: '$.values.protocol', in: ['HTTPS', 'TLS'] }, listener)).toBe(true);
    expect(truth({ path: '$.values.ssl_policy', matches: '^ELBSecurityPolicy-TLS13' }, listener)).toBe(false);
    expect(truth({ path: '$.values.port', gt: 442 }, listener)).toBe(true);
    expect(truth({ path: '$.values.port', lt: 443 }, listener)).toBe(false);
    expect(truth({ path: '$.values.port', lte: 443 }, listener)).toBe(true);
    expect(truth({ path: '$.values.port', gte: 444 }, listener)).toBe(false);
    expect(truth({ path: '$.values.default_action[*].type', equals: 'redirect' }, listener)).toBe(true);
    expect(truth({ path: '$.tags.Owner', exists: true }, listener)).toBe(true);
    expect(truth({ path: '$.tags.CostCenter', exists: false }, listener)).toBe(true);
    expect(truth({ path: '$.type', equals: 'aws_lb_listener' }, listener)).toBe(true);
    expect(truth({ path: '$.raw.change.after.protocol', equals: 'HTTPS' }, listener)).toBe(true);
  });

  it('combines with Kleene logic: an Unknown decides only when nothing else does', () => {
    const unknownArn: Condition = { path: '$.values.certificate_arn', matches: ':acm:' };
    expect(truth(unknownArn, listener)).toBe('unknown');
    expect(truth({ not: unknownArn }, listener)).toBe('unknown');
    expect(truth({ all: [unknownArn, { path: '$.values.port', equals: 80 }] }, listener)).toBe(false);
    expect(truth({ all: [unknownArn, { path: '$.values.port', equals: 443 }] }, listener)).toBe('unknown');
    expect(truth({ any: [unknownArn, { path: '$.values.port', equals: 443 }] }, listener)).toBe(true);
    expect(truth({ any: [unknownArn, { path: '$.values.port', equals: 80 }] }, listener)).toBe('unknown');
  });

  it('answers unknown when the path runs into an Unknown, and never selects inside one', () => {
    const hidden = resource('aws_lb_listener', 'hidden', { default_action: new Unknown('default_action is known only after apply') });
    expect(truth({ path: '$.values.default_action[*].type', equals: 'forward' }, hidden)).toBe('unknown');
    expect(truth({ path: '$.values.default_action[*].type', exists: true }, hidden)).toBe('unknown');
    // The Unknown's own `reason` field is not resource data.
    expect(truth({ path: '$..reason', exists: true }, hidden)).toBe('unknown');
    // A list element that is Unknown leaves `order equals 2` undecided, but `order equals 1` is found.
    expect(truth({ path: '$.values.default_action[*].order', equals: 2 }, listener)).toBe('unknown');
    expect(truth({ path: '$.values.default_action[*].order', equals: 1 }, listener)).toBe(true);
  });

  it('compares sensitive values without ever printing them', () => {
    const db = resource('aws_db_instance', 'main', { password: new Sensitive('hunter2-secret'), port: 5432 });
    expect(truth({ path: '$.values.password', matches: '^hunter' }, db)).toBe(true);
    const rendered = renderTemplate('{{address}} has password {{values.password}} in {{values}}', resourceDocument(db));
    expect(rendered).toBe('aws_db_instance.main has password (sensitive) in {"password":"(sensitive)","port":5432}');
    expect(rendered).not.toContain('hunter2');
  });

  it('rejects paths that would run code or leave the resource', () => {
    expect(jsonPathProblem('$.values.ssl_policy')).toBeUndefined();
    expect(jsonPathProblem("$.tags['cost-center']")).toBeUndefined();
    expect(jsonPathProblem('$..cidr_blocks[*]')).toBeUndefined();
    expect(jsonPathProblem('$.values.ingress[?(@.from_port == 22)]')).toMatch(/filter and script expressions/);
    expect(jsonPathProblem('$.values[(process.exit())]')).toMatch(/not allowed/);
    expect(jsonPathProblem('values.port')).toMatch(/starts at \$/);
    expect(jsonPathProblem('$.valeus.port')).toMatch(/\$\.valeus is not part of a resource/);
    expect(jsonPathProblem('$.values[0')).toMatch(/unbalanced/);
  });
});

describe('declarative policy', () => {
  const doc: DeclarativePolicyDocument = {
    id: 'lb-tls',
    title: 'TLS too old',
    severity: 'high',
    description: 'd',
    remediation: 'r',
    resourceTypes: ['aws_lb_*'],
    appliesWhen: { path: '$.values.protocol', in: ['HTTPS', 'TLS'] },
    failWhen: { not: { path: '$.values.ssl_policy', matches: '^ELBSecurityPolicy-TLS13-1-[23]-' } },
    message: '{{address}} uses {{values.ssl_policy}}',
  };

  it('fails, passes or answers unknown per resource, with evidence and the Unknown as reason', () => {
    const inventory = new Inventory([
      resource('aws_lb_listener', 'old', { protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-2016-08' }),
      resource('aws_lb_listener', 'new', { protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }),
      resource('aws_lb_listener', 'plain', { protocol: 'HTTP', ssl_policy: null }),
      resource('aws_lb_listener', 'later', { protocol: 'HTTPS', ssl_policy: new Unknown('aws_lb_listener.later.ssl_policy is known only after apply') }),
      resource('aws_instance', 'other', { protocol: 'HTTPS' }),
    ], 'plan.json');
    const run = runPolicies(inventory, [{ policy: compileDeclarativePolicy(doc), options: {} }], 'report');
    expect(run.errors).toEqual([]);
    const byAddress = Object.fromEntries(run.findings.map((f) => [f.resource.address, f]));
    expect(Object.keys(byAddress).sort()).toEqual(['aws_lb_listener.later', 'aws_lb_listener.new', 'aws_lb_listener.old']);
    expect(byAddress['aws_lb_listener.old']).toMatchObject({
      verdict: 'fail',
      severity: 'high',
      message: 'aws_lb_listener.old uses ELBSecurityPolicy-2016-08',
      evidence: [{ path: 'ssl_policy', value: 'ELBSecurityPolicy-2016-08' }],
    });
    expect(byAddress['aws_lb_listener.new']!.verdict).toBe('pass');
    expect(byAddress['aws_lb_listener.later']).toMatchObject({ verdict: 'unknown', reason: 'aws_lb_listener.later.ssl_policy is known only after apply' });
  });
});

describe('declarative policy files', () => {
  const valid = [
    'id: lb-tls',
    'title: TLS too old',
    'severity: high',
    'description: d',
    'remediation: r',
    'resourceTypes: [aws_lb_listener]',
    'failWhen:',
    '  any:',
    '    - path: $.values.ssl_policy',
    '      equals: ELBSecurityPolicy-2016-08',
    'message: "{{address}}"',
  ];
  const problems = (lines: string[]): string[] => {
    const result = validateDeclarativeText(lines.join('\n'), 'p.policy.yaml');
    return 'problems' in result ? result.problems.map((p) => `${p.source}: ${p.message}`) : [];
  };

  it('accepts a valid file', () => {
    expect(problems(valid)).toEqual([]);
  });

  it('names file, line and JSON pointer for each mistake', () => {
    expect(problems(valid.map((l) => l.replace('equals:', 'equal:')))).toEqual([
      'p.policy.yaml:10: /failWhen/any/0/equal: unknown key "equal" (a condition is all, any, not, or path with one operator: exists, equals, in, matches, gt, gte, lt, lte)',
    ]);
    expect(problems(valid.map((l) => l.replace('equals: ELBSecurityPolicy-2016-08', 'matches: "(unclosed"')))).toEqual([
      'p.policy.yaml:10: /failWhen/any/0/matches: not a valid RE2 regular expression (RE2 has no lookaround or backreferences): error parsing regexp: missing closing ): `(unclosed`',
    ]);
    expect(problems([...valid.slice(0, 10), '      in: [a]', ...valid.slice(10)])).toEqual([
      'p.policy.yaml:9: /failWhen/any/0: a condition needs exactly one operator besides path: one of exists, equals, in, matches, gt, gte, lt, lte',
    ]);
    expect(problems(valid.map((l) => l.replace('$.values.ssl_policy', '$.values[?(@.x)]')))).toEqual([
      'p.policy.yaml:9: /failWhen/any/0/path: filter and script expressions (?(), (), @) are not allowed: use conditions (all/any/not) instead',
    ]);
    expect(problems(valid.map((l) => l.replace('severity: high', 'severity: urgent')))).toEqual([
      'p.policy.yaml:3: /severity: must be one of critical, high, medium, low, info',
    ]);
    expect(problems(valid.map((l) => l.replace('"{{address}}"', '"{{adress}}"')))).toEqual([
      'p.policy.yaml:11: /message: {{adress}}: adress is not part of a resource (one of type, address, name, mode, module, index, source, action, values, tags, raw)',
    ]);
    expect(problems(valid.filter((l) => !l.startsWith('message')))).toEqual(['p.policy.yaml:1: /: "message" is required (or "messageId" naming one of messages)']);
    expect(problems(['id: [unclosed'])[0]).toMatch(/^p\.policy\.yaml:1: invalid YAML\/JSON: /);
  });
});
