import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import type { Resource } from '../../src/model/resource.js';
import { isSensitive } from '../../src/model/sensitive.js';
import type { SensitiveMarks } from '../../src/model/sensitive-marks.js';
import type { ValueObject } from '../../src/model/value.js';
import { definePolicy } from '../../src/rules/policy.js';
import { Redactor } from '../../src/rules/redaction.js';
import { runPolicies } from '../../src/rules/runner.js';

function resource(values: ValueObject, sensitive?: SensitiveMarks): Resource {
  const r: Resource = { type: 'aws_instance', address: 'aws_instance.a', name: 'a', mode: 'managed', modulePath: '', values, tags: undefined, source: 'plan', input: 'p.json', references: {}, raw: {} };
  if (sensitive !== undefined) r.sensitive = sensitive;
  return r;
}

describe('Redactor', () => {
  const db = resource({ password: 'hunter2', port: 5432, engine: 'postgres', flags: [true, 3], env: { API: 'k-1', MODE: 'prod' } }, { password: true, port: true, flags: true, env: { API: true } });
  const quoting = resource({ greeting: 'say "hi" now' }, { greeting: true });
  const redactor = Redactor.of(new Inventory([db, quoting, resource({ note: 'hunter2 is public here' })], 'p.json'))!;

  it('is not built for an inventory without sensitive values', () => {
    expect(Redactor.of(new Inventory([resource({ password: 'x' })], 'p.json'))).toBeUndefined();
    expect(Redactor.of(new Inventory([resource({ password: 'x' }, { password: false })], 'p.json'))).toBeUndefined();
  });

  it('replaces sensitive strings and numbers in text as whole tokens, quotes included', () => {
    expect(redactor.text('password "hunter2" on port 5432')).toBe('password (sensitive) on port (sensitive)');
    expect(redactor.text('hunter22 and 54321 and xk-1 stay; k-1 goes')).toBe('hunter22 and 54321 and xk-1 stay; (sensitive) goes');
    // Booleans and one-digit numbers hide nothing and are in every path.
    expect(redactor.text('flags.0 is true, 3 of them')).toBe('flags.0 is true, 3 of them');
    // Not sensitive: a value that is not marked, even beside a marked one.
    expect(redactor.text('engine postgres, MODE prod')).toBe('engine postgres, MODE prod');
  });

  it('finds a secret that a message embeds in JSON, escaped', () => {
    expect(redactor.text(JSON.stringify({ m: 'note: say "hi" now!' }))).toBe('{"m":"note: (sensitive)!"}');
  });

  it('redacts sensitive instance keys in addresses, not names written in the source', () => {
    expect(redactor.address('module.hunter2.aws_sqs_queue.q["hunter2"]')).toBe('module.hunter2.aws_sqs_queue.q["(sensitive)"]');
    expect(redactor.address('aws_sqs_queue.q["a-k-1"]')).toBe('aws_sqs_queue.q["(sensitive)"]');
    expect(redactor.address('aws_sqs_queue.q["other"]')).toBe('aws_sqs_queue.q["other"]');
  });

  it('redacts a resource address with its module path apart exactly as the whole address, also for a path whose key runs on', () => {
    const cases: [string, string][] = [
      ['module.env["hunter2"]', 'module.env["hunter2"].aws_sqs_queue.q["other"]'],
      ['module.env["prod"].module.svc["a"]', 'module.env["prod"].module.svc["a"].aws_sqs_queue.q["k-1"]'],
      ['module.env["prod"]', 'module.env["prod"].aws_sqs_queue.q'],
      // Hostile plans: a module path whose last key is left open, or closed only by an escaped quote, so that in the address the key ends beyond the path.
      ['module.a["]', 'module.a["].hunter2"].aws_sqs_queue.q'],
      ['module.a["x\\"]', 'module.a["x\\"].hunter2"].aws_sqs_queue.q'],
      ['module.a["hunter2', 'module.a["hunter2.x"].aws_sqs_queue.q'],
      ['module.b', 'module.c["hunter2"].aws_sqs_queue.q'],
    ];
    for (const [modulePath, address] of cases) {
      // Twice: the second time the module path comes from the redactor's memo.
      for (let i = 0; i < 2; i++) expect(redactor.resourceAddress({ address, modulePath })).toBe(redactor.address(address));
    }
    expect(redactor.resourceAddress({ address: 'module.a["].hunter2"].aws_sqs_queue.q', modulePath: 'module.a["]' })).toBe('module.a["(sensitive)"].aws_sqs_queue.q');
    expect(redactor.resourceAddress({ address: 'module.env["hunter2"].aws_sqs_queue.q["k-1"]', modulePath: 'module.env["hunter2"]' })).toBe('module.env["(sensitive)"].aws_sqs_queue.q["(sensitive)"]');
  });

  it('redacts evidence by the marks of its path and by value, at any depth', () => {
    const [env, whole, quoted] = redactor.evidence(db, [
      { path: 'env', value: { API: 'k-1', MODE: 'prod' } },
      { path: 'password', value: { length: 7 } },
      { path: 'other', value: ['said hunter2', 5432], note: 'hunter2' },
    ]);
    expect(JSON.stringify(env)).toBe('{"path":"env","value":{"API":"(sensitive)","MODE":"prod"}}');
    expect(isSensitive(whole!.value)).toBe(true);
    expect(JSON.stringify(quoted)).toBe('{"path":"other","value":["said (sensitive)","(sensitive)"],"note":"(sensitive)"}');
  });

  it('is applied by the runner to findings, per-resource errors and policy errors', () => {
    const queue = { ...resource({ name: 'q-secret-name' }, { name: true }), address: 'aws_sqs_queue.q["q-secret-name"]' };
    const leaky = definePolicy({
      id: 'leaky', title: 'leaky', severity: 'low', description: 'test', remediation: 'none',
      check({ inventory, fail, error }) {
        for (const r of inventory.resources) {
          fail({ resource: r, message: `name is ${String(r.values['name'])}`, evidence: [{ path: 'name', value: r.values['name'] }] });
          error(r, new Error(`cannot read ${String(r.values['name'])}`));
        }
        throw new Error('gave up on q-secret-name');
      },
    });
    const run = runPolicies(new Inventory([queue], 'p.json'), [{ policy: leaky, options: {} }], 'count');
    const text = JSON.stringify(run);
    expect(text).not.toContain('q-secret-name');
    expect(run.findings[0]!.message).toBe('name is (sensitive)');
    expect(run.errors.map((e) => e.message)).toEqual(['cannot read (sensitive)', 'gave up on (sensitive)']);
  });

  it('keeps secrets out of fingerprints: findings that differ only in a sensitive value share one, and it is not the hash of the real value', () => {
    const open = definePolicy({
      id: 'open-cidr', title: 'open', severity: 'high', description: 'test', remediation: 'none',
      check({ inventory, fail }) {
        for (const r of inventory.resources) fail({ resource: r, message: 'open', element: `tcp 22 ${String(r.values['cidr'])}` });
      },
    });
    const run = (cidr: string, marked: boolean) =>
      runPolicies(new Inventory([resource({ cidr }, marked ? { cidr: true } : undefined)], 'p.json'), [{ policy: open, options: {} }], 'count').findings[0]!.fingerprint;
    expect(run('203.0.113.0/24', true)).toBe(run('198.51.100.0/24', true));
    expect(run('203.0.113.0/24', true)).not.toBe(run('203.0.113.0/24', false));
    expect(run('203.0.113.0/24', false)).not.toBe(run('198.51.100.0/24', false));
  });
});
