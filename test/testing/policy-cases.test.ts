import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUnknown } from '../../src/model/unknown.js';
import { definePolicy } from '../../src/rules/policy.js';
import { formatCaseResult, listPolicyCases, policyCaseTests, runInlinePolicyCase, runPolicyCase, runPolicyCases, type PolicyCase } from '../../src/testing/policy-cases.js';

/** A policy small enough to reason about: public-read buckets fail (high, or `severity` from options); unknown ACLs are unknown. */
const publicBuckets = definePolicy<{ severity: 'high' | 'critical' }>({
  id: 'test-public-bucket',
  title: 'Bucket ACL is public-read',
  severity: 'high',
  description: 'test policy',
  remediation: 'make it private',
  options: { schema: { type: 'object', additionalProperties: false, properties: { severity: { enum: ['high', 'critical'] } } }, defaults: { severity: 'high' } },
  check({ inventory, options, fail, unknown }) {
    for (const bucket of inventory.ofType('aws_s3_bucket')) {
      const acl = bucket.values['acl'];
      if (isUnknown(acl)) unknown({ resource: bucket, message: `${bucket.address}: ACL not known`, reason: acl });
      else if (acl === 'public-read') fail({ resource: bucket, message: `${bucket.address} is public-read`, severity: options.severity, evidence: [{ path: 'acl', value: acl }] });
    }
  },
});

function bucketPlan(acls: Record<string, string | null>, extra: Record<string, unknown> = {}): string {
  const resource_changes = Object.entries(acls).map(([name, acl]) => ({
    address: `aws_s3_bucket.${name}`,
    mode: 'managed',
    type: 'aws_s3_bucket',
    name,
    change: { actions: ['create'], before: null, after: { bucket: name, acl }, after_unknown: acl === null ? { acl: true } : {}, after_sensitive: {} },
  }));
  return JSON.stringify({ ...extra, format_version: '1.2', terraform_version: '1.9.8', resource_changes }, null, 2);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-cases-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeCase(kind: string, name: string, text: string): PolicyCase {
  mkdirSync(join(dir, kind), { recursive: true });
  const file = join(dir, kind, `${name}.json`);
  writeFileSync(file, text);
  return { name: `${kind}/${name}`, kind: kind as PolicyCase['kind'], file };
}

describe('policy case harness', () => {
  it('accepts a case whose expectation matches exactly', async () => {
    const policyCase = writeCase('fail', 'public', bucketPlan({ logs: 'public-read', data: 'private' }, {
      warden_expect: [{ verdict: 'fail', severity: 'high', address: 'aws_s3_bucket.logs', element: 'public-read' }],
    }));
    const result = await runPolicyCase(publicBuckets, policyCase);
    expect(result).toMatchObject({ ok: true, differences: [], name: 'fail/public', policyId: 'test-public-bucket' });
    expect(result.findings).toHaveLength(1);
  });

  it('fails a case that expects the wrong severity', async () => {
    const policyCase = writeCase('fail', 'public', bucketPlan({ logs: 'public-read' }, {
      warden_expect: [{ verdict: 'fail', severity: 'critical', address: 'aws_s3_bucket.logs' }],
    }));
    const result = await runPolicyCase(publicBuckets, policyCase);
    expect(result.ok).toBe(false);
    expect(result.differences).toEqual([
      'missing: fail critical aws_s3_bucket.logs (on that resource: fail high aws_s3_bucket.logs: aws_s3_bucket.logs is public-read)',
      'unexpected: fail high aws_s3_bucket.logs: aws_s3_bucket.logs is public-read',
    ]);
  });

  it('fails a case that expects a finding on the wrong resource or with an element that is not there', async () => {
    const wrongAddress = writeCase('fail', 'address', bucketPlan({ logs: 'public-read' }, {
      warden_expect: [{ verdict: 'fail', severity: 'high', address: 'aws_s3_bucket.data' }],
    }));
    const wrongElement = writeCase('fail', 'element', bucketPlan({ logs: 'public-read' }, {
      warden_expect: [{ verdict: 'fail', severity: 'high', address: 'aws_s3_bucket.logs', element: 'public-read-write' }],
    }));
    for (const policyCase of [wrongAddress, wrongElement]) {
      const result = await runPolicyCase(publicBuckets, policyCase);
      expect(result.ok).toBe(false);
      expect(result.differences[0]).toMatch(/^missing: fail high aws_s3_bucket\./);
    }
  });

  it('fails a case with a finding it does not expect, and a pass case with any fail or unknown finding', async () => {
    const extra = writeCase('fail', 'two', bucketPlan({ logs: 'public-read', web: 'public-read' }, {
      warden_expect: [{ verdict: 'fail', severity: 'high', address: 'aws_s3_bucket.logs' }],
    }));
    const pass = writeCase('pass', 'unknown-acl', bucketPlan({ logs: null }));
    const extraResult = await runPolicyCase(publicBuckets, extra);
    expect(extraResult.differences).toEqual(['unexpected: fail high aws_s3_bucket.web: aws_s3_bucket.web is public-read']);
    const passResult = await runPolicyCase(publicBuckets, pass);
    expect(passResult.ok).toBe(false);
    expect(passResult.differences).toEqual([
      'unexpected: unknown high aws_s3_bucket.logs: aws_s3_bucket.logs: ACL not known (aws_s3_bucket.logs.acl is known only after apply)',
    ]);
  });

  it('needs one finding per expectation', async () => {
    const policyCase = writeCase('fail', 'twice', bucketPlan({ logs: 'public-read' }, {
      warden_expect: [
        { verdict: 'fail', severity: 'high', address: 'aws_s3_bucket.logs' },
        { verdict: 'fail', severity: 'high', address: 'aws_s3_bucket.logs' },
      ],
    }));
    expect((await runPolicyCase(publicBuckets, policyCase)).differences).toEqual(['missing: fail high aws_s3_bucket.logs']);
  });

  it('runs the policy with the case options', async () => {
    const policyCase = writeCase('fail', 'critical', bucketPlan({ logs: 'public-read' }, {
      warden_options: { severity: 'critical' },
      warden_expect: [{ verdict: 'fail', severity: 'critical', address: 'aws_s3_bucket.logs' }],
    }));
    expect((await runPolicyCase(publicBuckets, policyCase)).ok).toBe(true);
    const invalid = writeCase('fail', 'invalid-options', bucketPlan({ logs: 'public-read' }, {
      warden_options: { severity: 'low' },
      warden_expect: [{ verdict: 'fail', severity: 'high', address: 'aws_s3_bucket.logs' }],
    }));
    const result = await runPolicyCase(publicBuckets, invalid);
    expect(result.ok).toBe(false);
    expect(result.differences[0]).toMatch(/warden_options: options of test-public-bucket: severity must be one of high, critical/);
  });

  it('rejects malformed expectations and expectations that contradict the case folder', async () => {
    const cases: [PolicyCase, RegExp][] = [
      [writeCase('fail', 'typo', bucketPlan({ logs: 'public-read' }, { warden_expect: [{ verdict: 'fail', severity: 'high', adress: 'aws_s3_bucket.logs' }] })), /unknown key "adress"/],
      [writeCase('fail', 'verdict', bucketPlan({ logs: 'public-read' }, { warden_expect: [{ verdict: 'failed', severity: 'high', address: 'x' }] })), /verdict must be "fail" or "unknown"/],
      [writeCase('fail', 'nothing', bucketPlan({ logs: 'private' })), /a fail case must expect at least one "fail" finding/],
      [writeCase('unknown', 'only-fail', bucketPlan({ logs: 'public-read' }, { warden_expect: [{ verdict: 'fail', severity: 'high', address: 'aws_s3_bucket.logs' }] })), /an? unknown case must expect at least one "unknown" finding/],
      [writeCase('pass', 'expects', bucketPlan({ logs: 'private' }, { warden_expect: [{ verdict: 'fail', severity: 'high', address: 'aws_s3_bucket.logs' }] })), /a pass case expects no fail or unknown finding/],
      [writeCase('fail', 'not-a-plan', JSON.stringify({ warden_expect: [{ verdict: 'fail', severity: 'high', address: 'a.b' }] })), /not a readable plan: .*no format_version/],
      [writeCase('fail', 'not-json', '{ "format_version": '), /cannot read the case/],
    ];
    for (const [policyCase, problem] of cases) {
      const result = await runPolicyCase(publicBuckets, policyCase);
      expect(result.ok, policyCase.name).toBe(false);
      expect(result.differences.join('\n'), policyCase.name).toMatch(problem);
    }
  });

  it('lists cases by folder and refuses stray entries', async () => {
    writeCase('pass', 'b', bucketPlan({ logs: 'private' }));
    writeCase('fail', 'a', bucketPlan({ logs: 'public-read' }, { warden_expect: [{ verdict: 'fail', severity: 'high', address: 'aws_s3_bucket.logs' }] }));
    expect(listPolicyCases(dir).map((c) => c.name)).toEqual(['fail/a', 'pass/b']);
    expect((await runPolicyCases(publicBuckets, dir)).map((r) => [r.name, r.ok])).toEqual([['fail/a', true], ['pass/b', true]]);
    expect(listPolicyCases(join(dir, 'missing'))).toEqual([]);
    mkdirSync(join(dir, 'failing'));
    expect(() => listPolicyCases(dir)).toThrow(/failing: unexpected entry/);
  });

  it('turns cases into tests that throw on a wrong expectation, and refuses a policy without cases', async () => {
    writeCase('fail', 'wrong', bucketPlan({ logs: 'public-read' }, { warden_expect: [{ verdict: 'fail', severity: 'critical', address: 'aws_s3_bucket.logs' }] }));
    writeCase('pass', 'right', bucketPlan({ logs: 'private' }));
    const registered = new Map<string, () => Promise<void>>();
    policyCaseTests(publicBuckets, dir, (name, test) => registered.set(name, test));
    expect([...registered.keys()]).toEqual(['fail/wrong', 'pass/right']);
    await expect(registered.get('fail/wrong')!()).rejects.toThrow(/missing: fail critical aws_s3_bucket\.logs/);
    await expect(registered.get('pass/right')!()).resolves.toBeUndefined();
    expect(() => policyCaseTests(publicBuckets, join(dir, 'none'), () => undefined)).toThrow(/no cases for policy test-public-bucket/);
  });

  it('runs cases held in memory the same way', () => {
    const plan = (severity: string): unknown => JSON.parse(bucketPlan({ logs: 'public-read' }, { warden_expect: [{ verdict: 'fail', severity, address: 'aws_s3_bucket.logs' }] }));
    const right = runInlinePolicyCase(publicBuckets, { name: 'fail/inline', kind: 'fail', source: 'policy.yaml: examples[0]', plan: plan('high') });
    expect(right).toMatchObject({ ok: true, file: 'policy.yaml: examples[0]' });
    const wrong = runInlinePolicyCase(publicBuckets, { name: 'fail/inline', kind: 'fail', source: 'policy.yaml: examples[1]', plan: plan('low') });
    expect(wrong.ok).toBe(false);
    expect(wrong.differences[0]).toMatch(/^missing: fail low aws_s3_bucket\.logs/);
    expect(runInlinePolicyCase(publicBuckets, { name: 'pass/x', kind: 'pass', source: 'policy.yaml', plan: [] }).differences).toEqual(['a case is a plan document (a JSON object)']);
  });

  it('formats a failed result with what the policy reported', async () => {
    const policyCase = writeCase('fail', 'wrong', bucketPlan({ logs: 'public-read' }, { warden_expect: [{ verdict: 'fail', severity: 'critical', address: 'aws_s3_bucket.logs' }] }));
    const text = formatCaseResult(await runPolicyCase(publicBuckets, policyCase));
    expect(text.split('\n')[0]).toBe(`test-public-bucket fail/wrong (${policyCase.file}):`);
    expect(text).toContain('  reported:\n    fail high aws_s3_bucket.logs: aws_s3_bucket.logs is public-read');
  });
});
