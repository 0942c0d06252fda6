import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBaseline, filterBaselined, serialiseBaseline } from '../../src/rules/baseline.js';
import { BaselineError, readBaseline, writeBaseline } from '../../src/scan/baseline-file.js';
import type { Finding, Verdict } from '../../src/rules/finding.js';

const TOOL = { name: 'warden', version: '9.9.9' };
const schema = JSON.parse(readFileSync(new URL('../../schemas/warden-baseline.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// Ajv's default strict mode: unknown keywords in the schema are errors.
const validate = new Ajv({ allErrors: true }).compile(schema);

function finding(ruleId: string, address: string, verdict: Verdict, fingerprint: string, message = `${address} breaks ${ruleId}`): Finding {
  return {
    ruleId,
    severity: 'high',
    verdict,
    message,
    resource: { type: 'aws_security_group', address, source: 'plan', input: 'plan.json' },
    evidence: [],
    remediation: '',
    fingerprint,
  };
}

const FINDINGS = [
  finding('sg-open-ingress', 'aws_security_group.b', 'fail', 'b'.repeat(32)),
  finding('required-tags', 'aws_security_group.b', 'unknown', 'c'.repeat(32)),
  finding('sg-open-ingress', 'aws_security_group.a', 'fail', 'a'.repeat(32), 'first line\nsecond line'),
  finding('required-tags', 'aws_vpc.main', 'suppressed', 'd'.repeat(32)),
  finding('required-tags', 'aws_vpc.other', 'pass', 'e'.repeat(32)),
];

describe('createBaseline', () => {
  it('records failing and unknown findings once each, sorted by rule and resource, with one-line messages', () => {
    const baseline = createBaseline([...FINDINGS, FINDINGS[0]!], TOOL, '2026-01-02');
    expect(baseline.findings.map((e) => [e.ruleId, e.resource, e.message])).toEqual([
      ['required-tags', 'aws_security_group.b', 'aws_security_group.b breaks required-tags'],
      ['sg-open-ingress', 'aws_security_group.a', 'first line'],
      ['sg-open-ingress', 'aws_security_group.b', 'aws_security_group.b breaks sg-open-ingress'],
    ]);
    expect(validate(JSON.parse(serialiseBaseline(baseline))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('gives the same text whatever order the findings come in', () => {
    const forward = serialiseBaseline(createBaseline(FINDINGS, TOOL, '2026-01-02'));
    expect(serialiseBaseline(createBaseline([...FINDINGS].reverse(), TOOL, '2026-01-02'))).toBe(forward);
  });
});

describe('filterBaselined', () => {
  it('leaves out failing and unknown findings the baseline holds and keeps the rest', () => {
    const baseline = createBaseline(FINDINGS.slice(0, 2), TOOL, '2026-01-02');
    const { kept, baselined } = filterBaselined(FINDINGS, baseline);
    expect(baselined).toBe(2);
    expect(kept.map((f) => f.resource.address)).toEqual(['aws_security_group.a', 'aws_vpc.main', 'aws_vpc.other']);
  });

  it('does not hide a suppressed finding whose fingerprint the baseline holds', () => {
    const suppressed = finding('sg-open-ingress', 'aws_security_group.b', 'suppressed', 'b'.repeat(32));
    const { kept, baselined } = filterBaselined([suppressed], createBaseline(FINDINGS, TOOL, '2026-01-02'));
    expect([kept.length, baselined]).toEqual([1, 0]);
  });
});

describe('baseline files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-baseline-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trip through writeBaseline and readBaseline', () => {
    const baseline = createBaseline(FINDINGS, TOOL, '2026-01-02');
    writeBaseline(join(dir, 'b.json'), baseline);
    expect(readBaseline(join(dir, 'b.json'), 'b.json')).toEqual(baseline);
  });

  it('keep the date and tool version of an existing file that records the same findings, so the file does not change', () => {
    const path = join(dir, 'b.json');
    writeBaseline(path, createBaseline(FINDINGS, TOOL, '2026-01-02'));
    const before = readFileSync(path, 'utf8');
    writeBaseline(path, createBaseline([...FINDINGS].reverse(), { name: 'warden', version: '10.0.0' }, '2026-05-05'));
    expect(readFileSync(path, 'utf8')).toBe(before);
    // A changed set of findings is a new baseline: new date and version.
    writeBaseline(path, createBaseline(FINDINGS.slice(1), { name: 'warden', version: '10.0.0' }, '2026-05-05'));
    expect(readBaseline(path, 'b.json')).toMatchObject({ created: '2026-05-05', tool: { version: '10.0.0' } });
  });

  it.each([
    ['missing.json', undefined, 'baseline missing.json: no such file or directory'],
    ['text.json', 'fingerprints:\n  - abc\n', 'baseline text.json: not valid JSON: '],
    ['shape.json', '{"baselineVersion":1,"tool":{"name":"warden","version":"1"},"created":"2026-01-02"}', "baseline shape.json: not a warden baseline: must have required property 'findings'"],
    ['version.json', '{"baselineVersion":2,"tool":{"name":"warden","version":"1"},"created":"2026-01-02","findings":[]}', 'baseline version.json: not a warden baseline: baselineVersion must be equal to constant'],
  ])('reject %s with one line naming the file', (name, text, message) => {
    if (text !== undefined) writeFileSync(join(dir, name), text);
    let error: unknown;
    try {
      readBaseline(join(dir, name), name);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BaselineError);
    expect((error as Error).message.startsWith(message)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });
});
