import { beforeAll, describe, expect, it } from 'vitest';
import { wholeText } from '../../src/report/report-text.js';
import type { Finding } from '../../src/rules/finding.js';
import { SECURITY_SEVERITY_SCORE } from '../../src/rules/severity.js';
import { sarifReport, SARIF_SCHEMA_URI } from '../../src/report/sarif/sarif-report.js';
import { keepMostSevere, MAX_RESULTS_PER_RUN, MAX_RUNS } from '../../src/report/sarif/sarif-runs.js';
import type * as Sarif from 'sarif';
import { createBaseline } from '../../src/rules/baseline.js';
import { applyBaseline } from '../../src/scan/apply-baseline.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { summarise } from '../../src/scan/summarise.js';
import { CONTEXT, PLAN_FIXTURE, REPO_ROOT, scanFixturePlan, syntheticResult } from './report-fixtures.js';
import { SARIF_SCHEMA as schema, schemaErrors, validateSarif as validate } from '../support/report-schemas.js';
import { multitoolAvailable, validateWithMultitool } from './sarif-multitool.js';

let scanned: ScanResult;
beforeAll(async () => {
  scanned = await scanFixturePlan();
});

/** The fixture scan with its first finding baselined. */
function underBaseline(): ScanResult {
  return applyBaseline(scanned, createBaseline(scanned.findings.slice(0, 1), scanned.tool, '2026-01-02'));
}

/** What warden writes always has what these tests read; @types/sarif declares nearly everything optional. */
type Written<T> = T extends object ? { [K in keyof T]-?: Written<NonNullable<T[K]>> } : T;

function log(result: ScanResult): Written<Sarif.Log> {
  return JSON.parse(wholeText(sarifReport(result, CONTEXT))) as Written<Sarif.Log>;
}

function run(sarif: Written<Sarif.Log>, id: string): Written<Sarif.Run> {
  const found = sarif.runs.find((r) => r.automationDetails.id === id);
  if (!found) throw new Error(`no run ${id} in ${sarif.runs.map((r) => r.automationDetails.id).join(', ')}`);
  return found;
}

function resultFor(sarif: Written<Sarif.Log>, message: string): Written<Sarif.Result> {
  const found = sarif.runs.flatMap((r) => r.results).find((r) => r.message.text.startsWith(message));
  if (!found) throw new Error(`no result "${message}"`);
  return found;
}

describe('SARIF against the SARIF 2.1.0 JSON Schema (ajv)', () => {

  it('uses the SARIF 2.1.0 schema', () => {
    expect(schema['title']).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    expect(schema['properties']['version']['enum']).toEqual(['2.1.0']);
    expect(Object.keys(schema['definitions'])).toHaveLength(52);
  });

  it('accepts the report of a real scan', () => {
    const sarif = log(scanned);
    expect(validate(sarif), schemaErrors(validate)).toBe(true);
  });

  it('accepts a report with every verdict, source and location kind', () => {
    const sarif = log(syntheticResult());
    expect(validate(sarif), schemaErrors(validate)).toBe(true);
  });

  it('accepts the report of a run under a baseline', () => {
    const sarif = log(underBaseline());
    expect(validate(sarif), schemaErrors(validate)).toBe(true);
  });

  it('rejects a broken log (the validator is not vacuous)', () => {
    const sarif = log(scanned) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete sarif.runs[0]!.results[0]!['message'];
    sarif.runs[0]!.results[0]!['level'] = 'fatal';
    expect(validate(sarif)).toBe(false);
  });
});

describe.skipIf(!multitoolAvailable())('SARIF against GitHub ingestion rules (Microsoft SARIF multitool)', () => {
  /**
   * Notes the multitool always gives and that warden answers on purpose: message text rather than
   * message ids (SARIF2002), no version-control provenance (SARIF2003: the CI knows the commit, we do
   * not), readable slugs as rule ids (SARIF2009: they are what users type in ignores), no snippets or
   * context regions (SARIF2010/2011: plans hold secrets; GitHub reads the code itself), and an
   * absolute file URI for an input outside the working directory (SARIF2016).
   */
  const ACCEPTED_NOTES = new Set(['SARIF2002', 'SARIF2003', 'SARIF2009', 'SARIF2010', 'SARIF2011', 'SARIF2016']);

  async function expectValid(result: ScanResult): Promise<void> {
    const messages = await validateWithMultitool(wholeText(sarifReport(result, CONTEXT)));
    const problems = messages.filter((m) => m.level === 'error' || m.level === 'warning');
    expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
    const unexpectedNotes = messages.filter((m) => !ACCEPTED_NOTES.has(m.ruleId));
    expect(unexpectedNotes, JSON.stringify(unexpectedNotes, null, 1)).toEqual([]);
  }

  it('reports nothing for a real scan', async () => {
    await expectValid(scanned);
  });

  it('reports nothing for every verdict, source and location kind', async () => {
    await expectValid(syntheticResult());
  });

  it('reports nothing for a scan under a baseline', async () => {
    await expectValid(underBaseline());
  });

  it('reports nothing for a clean scan', async () => {
    await expectValid({ ...scanned, findings: [], summary: summarise([]) });
  });

  it('does report a log GitHub would reject (the validator is not vacuous)', async () => {
    const sarif = log(scanned);
    delete (sarif.runs[0]!.results[0]!.locations[0]! as { physicalLocation?: unknown }).physicalLocation;
    delete (sarif.runs[0]!.tool.driver.rules[0] as { help?: unknown }).help;
    const messages = await validateWithMultitool(JSON.stringify(sarif));
    expect(messages.filter((m) => m.level === 'error').map((m) => m.ruleId)).toEqual(expect.arrayContaining(['GH2012']));
  });
});

describe('SARIF content', () => {
  it('names the final OASIS schema and version 2.1.0', () => {
    const sarif = log(scanned);
    expect(sarif.$schema).toBe(SARIF_SCHEMA_URI);
    expect(sarif.version).toBe('2.1.0');
  });

  it('describes every policy as a rule with the metadata GitHub shows', () => {
    const sarif = log(syntheticResult());
    const rules = sarif.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(['db-internet-reachable', 'sg-open-ingress', 'required-tags']);
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.help.text).not.toBe('');
      expect(rule.help.markdown).toContain(rule.helpUri);
      expect(rule.helpUri).toMatch(/^https:\/\//);
      expect(rule.properties.tags).toContain('security');
      expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties.precision);
    }
    const db = rules[0]!;
    expect(db.properties['security-severity']).toBe('9.5');
    expect(db.defaultConfiguration.level).toBe('error');
    expect(db.properties.tags).toEqual(['security', 'network', 'database', 'CIS AWS 3.0 2.3.3']);
    expect(rules[1]!.properties['security-severity']).toBe('8.0');
    expect(rules[2]!.properties['security-severity']).toBe(SECURITY_SEVERITY_SCORE.low);
    expect(rules[2]!.defaultConfiguration.level).toBe('note');
    expect(rules[2]!.properties.tags).toEqual(['security', 'Internal']);
  });

  it('makes one run per target, with a category each, and an empty run for a clean target', () => {
    const sarif = log(syntheticResult());
    expect(sarif.runs.map((r) => r.automationDetails.id)).toEqual([
      'warden/plan/',
      'warden/hcl/',
      'warden/live/123456789012/',
      'warden/live/210987654321/',
    ]);
    const clean = log({ ...scanned, findings: [], summary: summarise([]) });
    expect(clean.runs).toHaveLength(1);
    expect(clean.runs[0]!.automationDetails.id).toBe('warden/plan/');
    expect(clean.runs[0]!.results).toEqual([]);
    expect(clean.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('gives every audited account a run, clean ones included', () => {
    const result = syntheticResult();
    result.command = 'audit';
    result.inputs = [
      { path: '123456789012/eu-west-1', kind: 'live', status: 'scanned', resources: 3 },
      { path: '555555555555/eu-west-1', kind: 'live', status: 'scanned', resources: 3 },
    ];
    const ids = log(result).runs.map((r) => r.automationDetails.id);
    expect(ids).toEqual(['warden/plan/', 'warden/hcl/', 'warden/live/123456789012/', 'warden/live/210987654321/', 'warden/live/555555555555/']);
  });

  it('keeps a scan that read nothing out of the real targets\' categories', async () => {
    const nothing = log(await scanFixturePlan(['test/fixtures/report/missing.plan.json']));
    expect(nothing.runs.map((r) => r.automationDetails.id)).toEqual(['warden/scan/']);
    expect(nothing.runs[0]!.results).toEqual([]);
    expect(nothing.runs[0]!.invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', message: { text: 'test/fixtures/report/missing.plan.json: no such file or directory' } }],
    });
  });

  it('points results at repo-relative files under %SRCROOT%, with line and column', () => {
    const sarif = log(scanned);
    const plan = run(sarif, 'warden/plan/');
    expect(plan.originalUriBaseIds['%SRCROOT%']!.uri).toBe(new URL(`file://${REPO_ROOT.endsWith('/') ? REPO_ROOT : `${REPO_ROOT}/`}`).href);
    const first = plan.results[0]!;
    expect(first.locations[0]!.physicalLocation!.artifactLocation).toEqual({ uri: PLAN_FIXTURE, uriBaseId: '%SRCROOT%' });
    expect(first.locations[0]!.physicalLocation!.region.startLine).toBeGreaterThan(1);
    expect(first.locations[0]!.physicalLocation!.region.startColumn).toBeGreaterThan(0);

    const synthetic = log(syntheticResult());
    const unknown = resultFor(synthetic, 'Ingress CIDR');
    expect(unknown.locations[0]!.physicalLocation!.region).toEqual({ startLine: 300, startColumn: 5, endLine: 302, endColumn: 20 });
    const outside = resultFor(synthetic, 'aws_instance.build');
    expect(outside.locations[0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///tmp/elsewhere/build%20plan.json' });
  });

  it('gives live findings the ARN as a logical location and a stable pseudo-path GitHub can display', () => {
    const sarif = log(syntheticResult());
    const live = resultFor(sarif, 'Security group sg-0abc');
    const location = live.locations[0]!;
    expect(location.logicalLocations).toEqual([
      { name: 'aws_security_group', fullyQualifiedName: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc', kind: 'resource' },
    ]);
    expect(location.physicalLocation).toEqual({
      artifactLocation: { uri: 'aws/123456789012/eu-west-1/aws_security_group/sg-0abc' },
      region: { startLine: 1 },
    });
    const bucket = resultFor(sarif, 'Bucket audit-logs');
    expect(bucket.locations[0]!.physicalLocation!.artifactLocation.uri).toBe('aws/210987654321/us-east-1/aws_s3_bucket/audit-logs');
  });

  it('gives every result and every code-flow step a physical location with a start line', () => {
    // GitHub rejects the whole upload otherwise ("expected a physical location"); the multitool does not check this.
    for (const sarif of [log(scanned), log(syntheticResult())]) {
      for (const result of sarif.runs.flatMap((r) => r.results)) {
        const steps = (result.codeFlows ?? []).flatMap((f) => f.threadFlows.flatMap((t) => t.locations.map((l) => l.location)));
        for (const location of [...result.locations, ...steps]) {
          expect(location.physicalLocation?.artifactLocation.uri).toMatch(/\S/);
          expect(location.physicalLocation?.region.startLine).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('anchors a finding without a position to its input file at line 1', () => {
    const sarif = log(syntheticResult());
    const untagged = resultFor(sarif, 'aws_s3_bucket.logs');
    expect(untagged.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'infra', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    expect(untagged.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toBe('aws_s3_bucket.logs');
  });

  it('maps verdicts and severities to kind and level', () => {
    const sarif = log(syntheticResult());
    expect(resultFor(sarif, 'Database')).toMatchObject({ kind: 'fail', level: 'error' });
    expect(resultFor(sarif, 'aws_s3_bucket.logs')).toMatchObject({ kind: 'fail', level: 'note' });
    const unknown = resultFor(sarif, 'Ingress CIDR');
    expect(unknown).toMatchObject({ kind: 'review', level: 'none' });
    expect(unknown.message.text).toBe(
      'Ingress CIDR of aws_security_group_rule.app is unknown until apply. Could not be decided: cidr_blocks depends on aws_subnet.app.cidr_block, known after apply.',
    );
  });

  it('leaves passing checks out: GitHub would show them as alerts', () => {
    const sarif = log(syntheticResult());
    expect(sarif.runs.flatMap((r) => r.results).some((r) => r.message.text.includes('aws_vpc.main'))).toBe(false);
    expect(sarif.runs.flatMap((r) => r.results)).toHaveLength(7);
  });

  it('records suppressions: inline ignores in source, config and baseline externally', () => {
    const sarif = log(syntheticResult());
    expect(resultFor(sarif, 'Security group allows 8080').suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'demo environment (until 2099-01-01)', properties: { source: 'inline', until: '2099-01-01', by: 'infra/network/sg.tf:11' } },
    ]);
    expect(resultFor(sarif, 'Bucket audit-logs').suppressions![0]).toMatchObject({ kind: 'external', justification: 'in baseline warden-baseline.json' });
    const legacy = log(scanned).runs[0]!.results.find((r) => r.suppressions);
    expect(legacy!.suppressions![0]).toMatchObject({ kind: 'external', justification: 'legacy bastion, replaced in Q3 (until 2099-12-31)' });
    expect(resultFor(sarif, 'Database').suppressions).toBeUndefined();
  });

  it('marks results under a baseline as new and counts the baselined findings per run', () => {
    const sarif = log(underBaseline());
    expect(sarif.runs.map((r) => r.properties)).toEqual([{ baselined: 1 }]);
    expect(sarif.runs[0]!.results.map((r) => r.baselineState)).toEqual(['new', 'new']);
    expect(log(scanned).runs[0]!.results.every((r) => r.baselineState === undefined && r.properties)).toBe(true);
  });

  it('computes GitHub partial fingerprints and its own fingerprint', () => {
    const sarif = log(syntheticResult());
    const db = resultFor(sarif, 'Database');
    expect(db.partialFingerprints).toEqual({ primaryLocationLineHash: `${'0'.repeat(31)}1:1` });
    expect(db.fingerprints).toEqual({ 'warden/v1': `${'0'.repeat(31)}1` });
  });

  it('counts occurrences of one fingerprint in one file', () => {
    const result = syntheticResult();
    const twin: Finding = { ...result.findings[0]!, location: { kind: 'source', file: 'plans/prod.json', startLine: 500, endLine: 500 } };
    const sarif = log({ ...result, findings: [result.findings[0]!, twin] });
    expect(sarif.runs[0]!.results.map((r) => r.partialFingerprints['primaryLocationLineHash']!.split(':')[1])).toEqual(['1', '2']);
  });

  it('counts occurrences of one fingerprint in each file apart', () => {
    const result = syntheticResult();
    const other: Finding = { ...result.findings[0]!, location: { kind: 'source', file: 'plans/staging.json', startLine: 500, endLine: 500 } };
    const sarif = log({ ...result, findings: [result.findings[0]!, other] });
    expect(sarif.runs[0]!.results.map((r) => r.partialFingerprints['primaryLocationLineHash']!.split(':')[1])).toEqual(['1', '1']);
  });

  it('turns a witness path into a code flow', () => {
    const sarif = log(syntheticResult());
    const db = resultFor(sarif, 'Database');
    const flow = db.codeFlows![0]!;
    expect(flow.message.text).toBe('internet → igw-main → rtb public 0.0.0.0/0 → igw → nacl rule 100 allow → db:5432');
    const steps = flow.threadFlows[0]!.locations;
    expect(steps.map((s) => s.location.message!.text)).toEqual([
      'internet',
      'igw-main',
      'rtb public 0.0.0.0/0 → igw: route 0.0.0.0/0',
      'nacl rule 100 allow: ephemeral 1024-65535 out',
      'db:5432',
    ]);
    expect(steps.map((s) => s.executionOrder)).toEqual([1, 2, 3, 4, 5]);
    // A hop with its own position points there; the others borrow the result's, and name their resource.
    expect(steps[1]!.location.physicalLocation!.region.startLine).toBe(40);
    expect(steps[2]!.location.physicalLocation!.region.startLine).toBe(120);
    expect(steps[2]!.location.logicalLocations![0]!.fullyQualifiedName).toBe('aws_route_table.public');
    const live = resultFor(sarif, 'Security group sg-0abc').codeFlows![0]!.threadFlows[0]!.locations[1]!.location;
    expect(live.logicalLocations![0]!.fullyQualifiedName).toBe('arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc');
  });

  it('reports unreadable inputs and failed policies as tool execution notifications', () => {
    const sarif = log(syntheticResult());
    for (const r of sarif.runs) {
      const invocation = r.invocations[0]!;
      expect(invocation.executionSuccessful).toBe(false);
      expect(invocation.toolExecutionNotifications.map((n) => [n.level, n.message.text])).toEqual([
        ['error', 'plans/broken.json:3:1: invalid JSON: unexpected token'],
        ['error', 'policy required-tags failed: cannot read tags'],
      ]);
    }
    expect(log(scanned).runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('keeps the most severe results when a run exceeds 25,000', () => {
    const template = syntheticResult().findings[3]!; // low, fail
    const findings: Finding[] = Array.from({ length: MAX_RESULTS_PER_RUN + 2 }, (_, i) => ({
      ...template,
      fingerprint: i.toString(16).padStart(32, '0'),
    }));
    findings[MAX_RESULTS_PER_RUN + 1] = { ...findings[MAX_RESULTS_PER_RUN + 1]!, severity: 'critical', message: 'the critical one' };
    const result: ScanResult = { ...syntheticResult(), inputs: [{ path: 'infra', kind: 'hcl', status: 'scanned' }], coverage: { complete: true, gaps: [] }, findings, summary: summarise(findings) };
    const only = log(result).runs[0]!;
    expect(only.results).toHaveLength(MAX_RESULTS_PER_RUN);
    expect(only.results[only.results.length - 1]!.message.text).toBe('the critical one.');
    expect(only.invocations[0]!.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'warning', message: { text: expect.stringContaining('2 of 25002 results of warden/hcl/ were left out') } }),
    ]);
  });

  it('ranks failing above unknown above suppressed, then by severity, when truncating', () => {
    const [db, unknown, suppressed, low] = syntheticResult().findings;
    const { kept, omitted } = keepMostSevere([suppressed!, low!, unknown!, db!], 2);
    expect(omitted).toBe(2);
    expect(kept).toEqual([low, db]);
  });

  it(`folds live accounts into one run when there would be more than ${MAX_RUNS} runs`, () => {
    const template = syntheticResult().findings[4]!;
    const findings: Finding[] = Array.from({ length: MAX_RUNS + 1 }, (_, i) => {
      const account = String(100000000000 + i);
      return { ...template, location: { kind: 'cloud', account, region: 'eu-west-1', arn: `arn:aws:ec2:eu-west-1:${account}:security-group/sg-${i}` } };
    });
    const result: ScanResult = { ...syntheticResult(), inputs: [], coverage: { complete: true, gaps: [] }, findings, summary: summarise(findings) };
    const runs = log(result).runs;
    expect(runs.map((r) => r.automationDetails.id)).toEqual(['warden/live/']);
    expect(runs[0]!.results).toHaveLength(MAX_RUNS + 1);
    expect(runs[0]!.invocations[0]!.toolExecutionNotifications[0]!.message.text).toContain(`${MAX_RUNS + 1} AWS accounts are in one run`);
  });
});
