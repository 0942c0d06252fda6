import { describe, expect, it } from 'vitest';
import { definePolicy } from '../../src/api.js';
import type { MessageData } from '../../src/rules/policy.js';
import { Inventory } from '../../src/model/inventory.js';
import type { Resource } from '../../src/model/resource.js';
import { runPolicies } from '../../src/rules/runner.js';
import { messageTemplateProblems, resolveReportText } from '../../src/rules/policy-messages.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../support/run-main.js';
import { schemaErrors, validateReport, validateSarif } from '../support/report-schemas.js';

const PLAN = 'test/fixtures/policies/mixed-plan.json';

function bucket(address: string): Resource {
  return { type: 'aws_s3_bucket', address, name: address, mode: 'managed', modulePath: '', values: {}, tags: {}, source: 'plan', input: 'plan.json', references: {}, raw: {} };
}

const tagged = (report: 'byId' | 'unknownId' | 'missingData') =>
  definePolicy({
    id: 'bucket-owner',
    title: 'Buckets name an owner',
    severity: 'low',
    description: 'Test policy.',
    remediation: 'Tag it.',
    messages: { noOwner: '{{address}} has no {{tag}} tag', owned: '{{address}} is owned' },
    check({ inventory, fail, pass }) {
      for (const resource of inventory.resources) {
        if (report === 'byId') fail({ resource, messageId: 'noOwner', data: { address: resource.address, tag: 'Owner' } });
        if (report === 'unknownId') fail({ resource, messageId: 'noOwnr', data: { address: resource.address, tag: 'Owner' } });
        if (report === 'missingData') fail({ resource, messageId: 'noOwner', data: { address: resource.address } });
        pass({ resource, messageId: 'owned', data: { address: resource.address } });
      }
    },
  });

const run = (policy: ReturnType<typeof tagged>) => runPolicies(new Inventory([bucket('aws_s3_bucket.logs')], 'plan.json'), [{ policy, options: {} }], 'report');

// Data as a JavaScript policy may pass it (null included), past the TypeScript type.
const passing = (data: Record<string, unknown>, messageId = 'owned') =>
  definePolicy({
    id: 'bucket-owned',
    title: 'Buckets are owned',
    severity: 'low',
    description: 'Test policy.',
    remediation: 'Own it.',
    messages: { owned: '{{address}} is owned by {{owner}}' },
    check({ inventory, pass }) {
      for (const resource of inventory.resources) pass({ resource, messageId, data: data as MessageData });
    },
  });
const count = (policy: ReturnType<typeof passing>) => runPolicies(new Inventory([bucket('aws_s3_bucket.logs')], 'plan.json'), [{ policy, options: {} }], 'count');

describe('message templates by id', () => {
  it('fills the template from data and keeps the id on the finding', () => {
    const { findings, errors } = run(tagged('byId'));
    expect(errors).toEqual([]);
    expect(findings.map((f) => [f.verdict, f.messageId, f.message])).toEqual([
      ['fail', 'noOwner', 'aws_s3_bucket.logs has no Owner tag'],
      ['pass', 'owned', 'aws_s3_bucket.logs is owned'],
    ]);
  });

  it('an undeclared message id is a broken policy, naming the id and the declared ones', () => {
    const { findings, errors } = run(tagged('unknownId'));
    expect(findings).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual(['policy bucket-owner reported messageId "noOwnr", which its messages do not declare (noOwner, owned)']);
  });

  it('a placeholder without data is a broken policy, naming the placeholder', () => {
    const { errors } = run(tagged('missingData'));
    expect(errors.map((e) => e.message)).toEqual(['policy bucket-owner reported messageId "noOwner" without data for {{tag}}']);
  });

  it('counted passes print no text, yet a broken pass is still a broken policy', () => {
    expect(count(passing({ address: 'a', owner: 'b' }))).toMatchObject({ errors: [], passes: [{ ruleId: 'bucket-owned', verdict: 'pass' }] });
    expect(count(passing({ address: 'a' })).errors.map((e) => e.message)).toEqual(['policy bucket-owned reported messageId "owned" without data for {{owner}}']);
    expect(count(passing({ address: 'a', owner: null })).errors.map((e) => e.message)).toEqual(['policy bucket-owned reported messageId "owned" without data for {{owner}}']);
    expect(count(passing({ address: 'a', owner: 'b' }, 'owner')).errors.map((e) => e.message)).toEqual([
      'policy bucket-owned reported messageId "owner", which its messages do not declare (owned)',
    ]);
  });

  it('fills a placeholder used twice, and text around and between placeholders, as written', () => {
    const messages = { twice: '<{{ a }}|{{b}}|{{a}}>', none: 'no placeholders', edge: '{{a}}' };
    expect(resolveReportText('p', messages, { messageId: 'twice', data: { a: 1, b: '$&' } })).toEqual({ message: '<1|$&|1>', messageId: 'twice' });
    expect(resolveReportText('p', messages, { messageId: 'none' })).toEqual({ message: 'no placeholders', messageId: 'none' });
    expect(resolveReportText('p', messages, { messageId: 'edge', data: { a: false } })).toEqual({ message: 'false', messageId: 'edge' });
  });

  it('a plain message still works and carries no id', () => {
    expect(resolveReportText('p', undefined, { message: 'plain' })).toEqual({ message: 'plain' });
  });

  it('malformed templates are refused when the policy is defined', () => {
    expect(messageTemplateProblems({ ok: '{{a}} and {{ b_2 }}' })).toEqual([]);
    expect(messageTemplateProblems({ open: '{{address} is open' })).toEqual(['message "open" has an unbalanced {{ or }}']);
    expect(messageTemplateProblems({ dotted: '{{values.x}} {{a b}}' })).toEqual(['message "dotted": {{a b}} is not a placeholder name (letters, digits, _, or a path such as values.port)']);
    expect(messageTemplateProblems({ 'bad id': 'x', empty: '' })).toEqual([
      'message id "bad id" must start with a letter and hold only letters, digits, _ and -',
      'message "empty" must be a non-empty string',
    ]);
    expect(() => definePolicy({ id: 'p', title: 't', severity: 'low', description: 'd', remediation: 'r', messages: { a: 'x }}' }, check() {} })).toThrow(
      'policy p: message "a" has an unbalanced {{ or }}',
    );
  });

  it('the JSON report and SARIF results carry the id (schema-valid)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-messages-'));
    try {
      const sarifFile = join(dir, 'out.sarif');
      const run = await runMain(['scan', PLAN, '--only', 'sg-open-ingress', '-f', 'json', '--report', `sarif=${sarifFile}`]);
      const json = JSON.parse(run.stdout) as { findings: { messageId?: string; message: string }[] };
      expect(validateReport(json), schemaErrors(validateReport)).toBe(true);
      expect(json.findings.length).toBeGreaterThan(0);
      expect(json.findings.every((f) => f.messageId === 'openToInternet' || f.messageId === 'sourceUnknown' || f.messageId === 'portsUnknown')).toBe(true);
      const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { results: { properties: { messageId?: string } }[] }[] };
      expect(validateSarif(sarif), schemaErrors(validateSarif)).toBe(true);
      expect(sarif.runs.flatMap((r) => r.results.map((x) => x.properties.messageId))).toContain('openToInternet');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('user policies: a malformed template stops the run at load, an undeclared id when it reports; both exit 2', async () => {
    const dir = 'test/fixtures/policies/bad-message-template';
    const result = await runMain(['scan', PLAN, '--policy-dir', dir, '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`warden: policy not loaded: ${dir}/bad-template.mjs: policy bad-template: message "open" has an unbalanced {{ or }}`);
    const only = await runMain(['scan', PLAN, '--policy-dir', 'test/fixtures/policies/undeclared-message-id', '-f', 'json']);
    expect(only.code).toBe(2);
    expect(only.stderr).toContain('policy unknown-message-id reported messageId "notTagged", which its messages do not declare (untagged)');
  });
});
