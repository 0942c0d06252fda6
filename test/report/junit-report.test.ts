import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { wholeText } from '../../src/report/report-text.js';
import { junitReport } from '../../src/report/junit/junit-report.js';
import type { ReportContext } from '../../src/report/report-context.js';
import { findingDetailLines } from '../../src/report/finding-text.js';
import { elementText } from '../../src/report/junit/xml-text.js';
import { mostSevereFirst } from '../../src/report/severity-order.js';
import type { Finding } from '../../src/rules/finding.js';
import type { PassRecord } from '../../src/rules/pass-record.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { summarise } from '../../src/scan/summarise.js';
import { runMain } from '../support/run-main.js';
import { CONTEXT, PLAN_FIXTURE, REPO_ROOT, scanFixturePlan, syntheticResult } from './report-fixtures.js';
import { countedCases, countsOf, elements, junitSchemaErrors, parseXml, type XmlElement } from './junit-support.js';

const GATE_UNKNOWN_FAILS: ReportContext = { ...CONTEXT, gate: { failOn: 'low', unknown: 'fail', allowIncomplete: false } };

function suite(root: XmlElement, id: string): XmlElement {
  const found = elements(root, 'testsuite').find((s) => s.getAttribute('name') === `warden.${id}`);
  if (!found) throw new Error(`no suite warden.${id}`);
  return found;
}

function testCase(root: XmlElement, name: string): XmlElement {
  const found = elements(root, 'testcase').find((c) => c.getAttribute('name') === name);
  if (!found) throw new Error(`no test case ${name}`);
  return found;
}

function withFindings(result: ScanResult, findings: Finding[]): ScanResult {
  return { ...result, findings, summary: summarise(findings) };
}

let scanned: ScanResult;
beforeAll(async () => {
  scanned = await scanFixturePlan([PLAN_FIXTURE, 'test/fixtures/report/missing.plan.json']);
});

describe('JUnit XML against our JUnit XSD (libxml2, WASM)', () => {
  it('accepts the report of a real scan', async () => {
    expect(await junitSchemaErrors(wholeText(junitReport(scanned, CONTEXT)))).toEqual([]);
  });

  it('accepts a report with every verdict, source, location kind and gap, in both unknown modes', async () => {
    expect(await junitSchemaErrors(wholeText(junitReport(syntheticResult(), CONTEXT)))).toEqual([]);
    expect(await junitSchemaErrors(wholeText(junitReport(syntheticResult(), GATE_UNKNOWN_FAILS)))).toEqual([]);
  });

  it('rejects documents that break the format (the validator is not vacuous)', async () => {
    const xml = wholeText(junitReport(syntheticResult(), CONTEXT));
    const broken = [
      xml.replace(/ classname="[^"]*"/, ''),
      xml.replace(/ failures="\d+"/, ' failures="some"'),
      xml.replace('</failure>', '</failure><skipped/>'),
      xml.replace('<testsuites ', '<testsuite-list '),
    ];
    for (const doc of broken) expect((await junitSchemaErrors(doc)).length, doc.slice(0, 200)).toBeGreaterThan(0);
  });
});

describe('JUnit report', () => {
  it('has one suite per policy and one case per (policy, resource), two findings of one resource in one case', () => {
    const result = syntheticResult();
    const second: Finding = { ...result.findings[4]!, message: 'Security group sg-0abc admits 22 from ::/0', severity: 'high', fingerprint: 'f'.repeat(32) };
    const root = parseXml(wholeText(junitReport(withFindings(result, [...result.findings, second]), CONTEXT)));
    expect(elements(root, 'testsuite').map((s) => s.getAttribute('name'))).toEqual([
      'warden.db-internet-reachable',
      'warden.sg-open-ingress',
      'warden.required-tags',
      'warden.coverage',
    ]);
    const live = testCase(root, 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc');
    expect(live.getAttribute('classname')).toBe('warden.sg-open-ingress');
    const failures = elements(live, 'failure');
    expect(failures).toHaveLength(1);
    // The worst finding names the failure; both are in its text.
    expect(failures[0]!.getAttribute('message')).toBe('Security group sg-0abc admits all ports from 0.0.0.0/0 (+1 more)');
    expect(failures[0]!.getAttribute('type')).toBe('critical');
    expect(failures[0]!.textContent).toContain('admits 22 from ::/0');
  });

  it('puts message, severity, location, evidence and remediation into the failure text', () => {
    const root = parseXml(wholeText(junitReport(syntheticResult(), CONTEXT)));
    const db = elements(testCase(root, 'aws_db_instance.main'), 'failure')[0]!;
    expect(db.getAttribute('type')).toBe('critical');
    const text = db.textContent!;
    for (const part of [
      'Database aws_db_instance.main accepts TCP 5432 from the internet.',
      'severity: critical',
      'location: plans/prod.json:120',
      'evidence: publicly_accessible = true',
      'evidence: password = (sensitive) (set by the module)',
      'path: internet → igw-main',
      'remediation: Set publicly_accessible = false.',
    ]) {
      expect(text).toContain(part);
    }
    const live = elements(testCase(root, 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc'), 'failure')[0]!;
    expect(live.textContent).toContain('location: account 123456789012, region eu-west-1, arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc');
  });

  it('skips an unknown with its reason, and fails it only when the run gates on unknowns', () => {
    const name = 'module.app.aws_security_group_rule.app["x"]';
    const warned = testCase(parseXml(wholeText(junitReport(syntheticResult(), CONTEXT))), name);
    expect(elements(warned, 'failure')).toHaveLength(0);
    expect(elements(warned, 'skipped')[0]!.getAttribute('message')).toBe('unknown: cidr_blocks depends on aws_subnet.app.cidr_block, known after apply');
    const gated = testCase(parseXml(wholeText(junitReport(syntheticResult(), GATE_UNKNOWN_FAILS))), name);
    expect(elements(gated, 'skipped')).toHaveLength(0);
    expect(elements(gated, 'failure')[0]!.getAttribute('message')).toBe('unknown: Ingress CIDR of aws_security_group_rule.app is unknown until apply');
    expect(elements(gated, 'failure')[0]!.getAttribute('type')).toBe('high');
  });

  it('skips a suppressed finding with who, why and until', () => {
    const root = parseXml(wholeText(junitReport(syntheticResult(), CONTEXT)));
    const legacy = elements(testCase(root, 'aws_security_group.legacy'), 'skipped')[0]!;
    expect(legacy.getAttribute('message')).toBe('suppressed by inline ignore: demo environment (until 2099-01-01)');
    expect(legacy.textContent).toContain('[infra/network/sg.tf:11]');
    const baseline = elements(testCase(root, 'arn:aws:s3:::audit-logs'), 'skipped')[0]!;
    expect(baseline.getAttribute('message')).toBe('suppressed by baseline: in baseline warden-baseline.json');
  });

  it('counts a passing resource as a test without failure or skip', () => {
    const root = parseXml(wholeText(junitReport(syntheticResult(), CONTEXT)));
    const vpc = testCase(root, 'aws_vpc.main');
    expect(vpc.children.length).toBe(0);
    expect(vpc.getAttribute('classname')).toBe('warden.required-tags');
  });

  it('makes an unreadable input and a failed policy error cases', () => {
    const root = parseXml(wholeText(junitReport(syntheticResult(), CONTEXT)));
    const input = testCase(root, 'input plans/broken.json');
    expect(input.getAttribute('classname')).toBe('warden.coverage');
    expect(elements(input, 'error')[0]!.getAttribute('message')).toBe('plans/broken.json:3:1: invalid JSON: unexpected token');
    const policy = testCase(root, 'infra (policy error)');
    expect(policy.getAttribute('classname')).toBe('warden.required-tags');
    expect(elements(policy, 'error')[0]!.getAttribute('message')).toBe('policy required-tags failed: cannot read tags');
  });

  it('writes tests/failures/errors/skipped that match the cases, per suite and at the root', () => {
    for (const [result, context] of [[syntheticResult(), CONTEXT], [syntheticResult(), GATE_UNKNOWN_FAILS], [scanned, CONTEXT]] as const) {
      const root = parseXml(wholeText(junitReport(result, context)));
      for (const s of elements(root, 'testsuite')) expect(countsOf(s), s.getAttribute('name')!).toEqual(countedCases(s));
      expect(countsOf(root)).toEqual(countedCases(root));
    }
    expect(countsOf(parseXml(wholeText(junitReport(syntheticResult(), CONTEXT))))).toEqual({ tests: 10, failures: 4, errors: 2, skipped: 3 });
    expect(countsOf(parseXml(wholeText(junitReport(syntheticResult(), GATE_UNKNOWN_FAILS))))).toEqual({ tests: 10, failures: 5, errors: 2, skipped: 2 });
  });

  it('keeps apart the same address in two inputs', () => {
    const result = syntheticResult();
    const copy: Finding = { ...result.findings[0]!, resource: { ...result.findings[0]!.resource, input: 'plans/staging.json' } };
    const root = parseXml(wholeText(junitReport(withFindings(result, [...result.findings, copy]), CONTEXT)));
    const names = elements(suite(root, 'db-internet-reachable'), 'testcase').map((c) => c.getAttribute('name'));
    expect(names).toEqual(['aws_db_instance.main (plans/prod.json)', 'aws_db_instance.main (plans/staging.json)']);
  });

  it('writes counted passes as cases of their own, joined by later verdicts on their resource and kept apart by input', () => {
    const result = syntheticResult();
    const failing = result.findings[0]!;
    const pass = (input: string, address: string): PassRecord => ({ ruleId: failing.ruleId, severity: 'low', verdict: 'pass', resource: { ...failing.resource, input, address }, location: failing.location });
    // In report order: at one place, passes come after failures.
    const passes = [pass('plans/prod.json', 'aws_db_instance.lone'), pass('plans/prod.json', failing.resource.address), pass('plans/staging.json', 'aws_db_instance.lone')];
    const root = parseXml(wholeText(junitReport({ ...withFindings(result, [failing]), passes }, CONTEXT)));
    const cases = elements(suite(root, failing.ruleId), 'testcase');
    expect(cases.map((c) => c.getAttribute('name'))).toEqual([failing.resource.address, 'aws_db_instance.lone (plans/prod.json)', 'aws_db_instance.lone (plans/staging.json)']);
    expect(cases.map((c) => elements(c, 'failure').length)).toEqual([1, 0, 0]);
    expect(countsOf(suite(root, failing.ruleId))).toEqual({ tests: 3, failures: 1, errors: 0, skipped: 0 });
  });

  it('writes a case text as the escaped detail lines of its findings, a CR before a line break joined with it as in the whole text', () => {
    const result = syntheticResult();
    const { trace: _trace, ...traced } = result.findings[0]!;
    const template: Finding = { ...traced, location: undefined, evidence: [] };
    const crInput = { ...template.resource, input: 'plans/a.json\r' };
    const other = { ...template.resource, address: 'aws_db_instance.other' };
    const findings: Finding[] = [
      // The facts of both end in the input, and so in a CR.
      { ...template, resource: crInput },
      { ...template, resource: crInput, severity: 'low', fingerprint: 'f'.repeat(32) },
      // The first remediation ends in a CR, before the blank line between the two.
      { ...template, resource: other, remediation: 'fix\r' },
      { ...template, resource: other, severity: 'low', fingerprint: 'e'.repeat(32) },
      { ...template, ruleId: 'sg-open-ingress', remediation: 'fix <it> & ::warning::now\r\n::error::x', fingerprint: 'd'.repeat(32) },
    ];
    const xml = wholeText(junitReport(withFindings(result, findings), CONTEXT));
    const wholeCaseText = (cases: Finding[]): string =>
      elementText(mostSevereFirst(cases).map((f) => `[${f.verdict}] ${f.ruleId}\n  ${findingDetailLines(f).join('\n  ')}`).join('\n\n'));
    const failures = [...xml.matchAll(/<failure [^>]*>([^<]*)<\/failure>/g)].map((m) => m[1]);
    expect(failures).toEqual([wholeCaseText(findings.slice(0, 2)), wholeCaseText(findings.slice(2, 4)), wholeCaseText(findings.slice(4))]);
    expect(failures[0]).toContain('input: plans/a.json\n  remediation:');
    expect(failures[1]).toContain('remediation: fix\n\n[fail]');
  });

  it('escapes markup and replaces characters XML 1.0 cannot hold, in attributes and text', async () => {
    const result = syntheticResult();
    const nasty = 'a "quoted" <tag> & \'apos\' ]]> \u0000nul \u0008bs \u001b[31mansi \uFFFE \uD800lone \u{1F512} end';
    const finding: Finding = {
      ...result.findings[0]!,
      message: `${nasty}\r\nsecond line`,
      resource: { ...result.findings[0]!.resource, address: `aws_db_instance.x["${nasty}"]` },
      evidence: [{ path: 'tags.Name', value: nasty }],
    };
    const xml = wholeText(junitReport(withFindings(result, [finding]), CONTEXT));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(await junitSchemaErrors(xml)).toEqual([]);
    const failure = elements(parseXml(xml), 'failure')[0]!;
    // Controls are shown as their escapes; what has no escape (U+FFFE, a lone surrogate) is replaced.
    const readable = 'a "quoted" <tag> & \'apos\' ]]> \\u0000nul \\u0008bs \\u001b[31mansi \uFFFD \uFFFDlone \u{1F512} end';
    expect(failure.getAttribute('message')).toBe(`${readable} second line`);
    expect(failure.textContent).toContain(`${readable}\nsecond line`);
    expect(elements(parseXml(xml), 'testcase')[0]!.getAttribute('name')).toBe(`aws_db_instance.x["${readable}"]`);
  });
});

describe('JUnit text that looks like markup', () => {
  it('escapes every &, also one that reads as an entity or character reference, so the text reads back as written', async () => {
    const result = syntheticResult();
    const text = 'tag value "a &amp; b &nbsp; c &#12; d &#x41;"';
    const finding: Finding = { ...result.findings[0]!, message: text, evidence: [{ path: 'tags.Name', value: text }] };
    const xml = wholeText(junitReport(withFindings(result, [finding]), CONTEXT));
    // libxml2 rejects an undefined entity (&nbsp;) and a reference to a character XML cannot hold (&#12;).
    expect(await junitSchemaErrors(xml)).toEqual([]);
    // Read on the raw text: the test parser (xmlbuilder2) decodes `&amp;#12;` twice.
    const escaped = 'tag value &quot;a &amp;amp; b &amp;nbsp; c &amp;#12; d &amp;#x41;&quot;';
    expect(xml).toContain(`<failure message="${escaped}"`);
    expect(xml).toContain('evidence: tags.Name = "tag value \\"a &amp;amp; b &amp;nbsp; c &amp;#12; d &amp;#x41;\\""');
  });
});

describe('warden scan --report junit=FILE', () => {
  it('writes the same JUnit file whether passes are only counted for it or reported as findings (--include-passes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-junit-'));
    try {
      const inputs = ['fixtures/modules-repo/plan.json', 'fixtures/modules-repo', 'fixtures/live-estate/inventory.json'];
      const counted = await runMain(['scan', ...inputs, '--format', 'json', '--report', `junit=${join(dir, 'counted.xml')}`], REPO_ROOT);
      const reported = await runMain(['scan', ...inputs, '--format', 'json', '--include-passes', '--report', `junit=${join(dir, 'reported.xml')}`], REPO_ROOT);
      expect(JSON.parse(counted.stdout).summary.byVerdict.pass).toBe(0);
      expect(JSON.parse(reported.stdout).summary.byVerdict.pass).toBeGreaterThan(0);
      const xml = readFileSync(join(dir, 'counted.xml'), 'utf8');
      expect(countsOf(parseXml(xml)).tests).toBeGreaterThan(JSON.parse(counted.stdout).findings.length);
      expect(xml).toBe(readFileSync(join(dir, 'reported.xml'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });


  it('counts passing resources in the JUnit file only; other outputs show passes only with --include-passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-junit-'));
    try {
      const junitFile = join(dir, 'warden-junit.xml');
      const run = await runMain(['scan', 'fixtures/modules-repo/plan.json', '--format', 'json', '--report', `junit=${junitFile}`], REPO_ROOT);
      expect(run.code).toBe(1);
      const json = JSON.parse(run.stdout) as { summary: { byVerdict: Record<string, number> }; findings: { verdict: string }[] };
      // The three groups inside modules are unknown to sg-unused (a module output may export them).
      expect(json.summary.byVerdict).toEqual({ fail: 5, unknown: 3, suppressed: 2, pass: 0 });
      expect(json.findings.some((f) => f.verdict === 'pass')).toBe(false);

      const xml = readFileSync(junitFile, 'utf8');
      expect(await junitSchemaErrors(xml)).toEqual([]);
      const root = parseXml(xml);
      // 20 test cases: the 2 private subnets public-ip-by-default passes among them; sg-unused is unknown
      // (skipped) on the three module groups, sg-rule-redundant and sg-stale-reference pass them.
      expect(countsOf(root)).toEqual({ tests: 21, failures: 5, errors: 0, skipped: 5 });
      expect(countedCases(root)).toEqual(countsOf(root));
      expect(elements(suite(root, 'sg-open-ingress'), 'testcase').map((c) => c.getAttribute('name'))).toEqual([
        'module.db["reports"].aws_security_group.this',
        'module.db["orders"].aws_security_group.this',
        'module.web.aws_security_group.this',
      ]);

      const withPasses = await runMain(['scan', 'fixtures/modules-repo/plan.json', '--format', 'json', '--include-passes'], REPO_ROOT);
      expect(JSON.parse(withPasses.stdout).summary.byVerdict.pass).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the new formats in the error for an unknown one', async () => {
    const run = await runMain(['scan', 'fixtures/modules-repo/plan.json', '--report', 'xunit=out.xml'], REPO_ROOT);
    expect(run).toMatchObject({ code: 2, stderr: 'warden: --report: unknown format "xunit" (one of console, json, sarif, junit, markdown, github, csv, ocsf, html)\n', stdout: '' });
  });
});
