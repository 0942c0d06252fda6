import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { wholeText } from '../../src/report/report-text.js';
import { consoleReport } from '../../src/report/console/console-report.js';
import { CONSOLE_WIDTH } from '../../src/report/console/wrap-text.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { createBaseline } from '../../src/rules/baseline.js';
import { applyBaseline } from '../../src/scan/apply-baseline.js';
import { summarise } from '../../src/scan/summarise.js';
import { CONTEXT, PLAN_FIXTURE, scanFixturePlan, syntheticResult } from './report-fixtures.js';

const ANSI = /\u001b\[[0-9;]*m/;

function plain(result: ScanResult): string {
  return wholeText(consoleReport(result, { ...CONTEXT, color: false }));
}

function lines(text: string): string[] {
  return text.trimEnd().split('\n');
}

let scanned: ScanResult;
beforeAll(async () => {
  scanned = await scanFixturePlan();
});

describe('console report', () => {
  it('has no ANSI escapes when colour is off (NO_COLOR, non-TTY, files)', () => {
    expect(plain(scanned)).not.toMatch(ANSI);
    expect(plain(syntheticResult())).not.toMatch(ANSI);
  });

  it('colours by severity when colour is on, whatever chalk would detect', () => {
    const coloured = wholeText(consoleReport(syntheticResult(), { ...CONTEXT, color: true }));
    expect(coloured).toMatch(ANSI);
    const critical = lines(coloured).find((line) => line.includes('db-internet-reachable'))!;
    expect(critical).toContain('\u001b[91m'); // bright red
    const low = lines(coloured).find((line) => stripVTControlCharacters(line).includes('LOW'))!;
    expect(low).toContain('\u001b[34m'); // blue
    expect(stripVTControlCharacters(coloured)).toBe(plain(syntheticResult()));
  });

  it('groups findings by input, then resource, in the scan order', () => {
    const text = plain(scanned);
    expect(lines(text).slice(0, 13)).toEqual([
      PLAN_FIXTURE,
      '  aws_security_group.web',
      `    CRITICAL    test-open-ingress  ${PLAN_FIXTURE}:199`,
      '      Security group web admits port 22 from 0.0.0.0/0.',
      '      evidence: ingress.0.cidr_blocks = ["0.0.0.0/0"]',
      '      evidence: tags.DeployToken = (sensitive)',
      '      path: internet → web ingress 22 → port 22',
      '  aws_security_group.db',
      `    UNKNOWN     test-open-ingress  (high)  ${PLAN_FIXTURE}:275`,
      '      Ingress rule 0 of db has CIDR blocks known only after apply.',
      '      reason: aws_security_group.db.ingress.0.cidr_blocks is known only after apply',
      '  aws_security_group.legacy',
      `    SUPPRESSED  test-open-ingress ${PLAN_FIXTURE}:340 Security group`,
    ]);
    const synthetic = plain(syntheticResult());
    const headings = lines(synthetic).filter((line) => line !== '' && !line.startsWith(' '));
    expect(headings.slice(0, 5)).toEqual(['plans/prod.json', 'infra', '123456789012/eu-west-1', '210987654321/us-east-1', '/tmp/elsewhere/build plan.json']);
    // A live resource is named by its id (or Name tag) and type, with its ARN once, below.
    expect(synthetic).toContain('  sg-0abc (aws_security_group)\n  arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc\n    CRITICAL    sg-open-ingress\n');
  });

  it('adds the type to a resource heading only when the address does not name it as a segment', () => {
    const base = syntheticResult();
    const template = base.findings[0]!;
    const cases: [string, string, boolean][] = [
      ['aws_s3_bucket', 'aws_s3_bucket.logs', true],
      ['aws_s3_bucket', 'module.m["aws_s3_bucket"].aws_s3_bucket.logs[0]', true],
      ['aws_s3_bucket', 'module.aws_s3_bucket_extra.aws_s3_bucket_policy.p', false],
      ['aws_s3_bucket', 'xaws_s3_bucket.logs', false],
      ['aws_s3_bucket', 'module.m.aws_s3_bucket', false],
      ['', 'a..b', true],
      ['', 'a.b', false],
    ];
    const findings = cases.map(([type, address]) => ({ ...template, resource: { ...template.resource, type, address } }));
    const text = plain({ ...base, findings });
    for (const [type, address, named] of cases) expect(text).toContain(`\n  ${address}${named ? '' : ` (${type})`}\n`);
  });

  it('prints the reason of an unknown, the witness path, and suppressions briefly', () => {
    const text = plain(syntheticResult());
    expect(text).toContain('      reason: cidr_blocks depends on aws_subnet.app.cidr_block, known after apply\n');
    expect(text).toContain('      path: internet → igw-main → rtb public 0.0.0.0/0 → igw → nacl rule 100 allow → db:5432\n');
    expect(text).toContain('SUPPRESSED  sg-open-ingress infra/network/sg.tf:12 Security group allows 8080 from 0.0.0.0/0. —');
    expect(text).toContain('inline ignore: demo environment (until 2099-01-01)');
    expect(text).toMatch(/baseline: in baseline\s+warden-baseline\.json/);
    expect(text).toContain('    PASS        required-tags aws_vpc.main carries every required tag.\n');
  });

  it('ends with the summary line, counting failing findings by severity', () => {
    expect(lines(plain(scanned)).at(-1)).toBe('1 failing (1 critical) · 1 unknown · 1 suppressed · 1 policy ran on 4 resources · 1 input scanned');
    expect(lines(plain(syntheticResult())).slice(-2)).toEqual(['4 failing (2 critical, 2 low) · 1 unknown · 2 suppressed · 1 passed', '3 policies ran on 59 resources · 2 inputs scanned, 1 failed']);
    const clean = plain({ ...scanned, coverage: { complete: true, gaps: [] }, findings: [], summary: summarise([]) });
    expect(lines(clean)).toEqual(['No findings.', '', '0 failing · 0 unknown · 0 suppressed · 1 policy ran on 4 resources · 1 input scanned']);
  });

  it('counts baselined findings when a baseline was applied', () => {
    const all = plain(applyBaseline(scanned, createBaseline(scanned.findings, scanned.tool, '2026-01-02')));
    expect(lines(all).at(-1)).toBe('0 failing · 0 unknown · 1 suppressed · 2 baselined · 1 policy ran on 4 resources · 1 input scanned');
    const none = plain({ ...scanned, coverage: { complete: true, gaps: [] }, findings: [], summary: summarise([], 3) });
    expect(lines(none)).toEqual(['No new findings.', '', '0 failing · 0 unknown · 0 suppressed · 3 baselined · 1 policy ran on 4 resources · 1 input scanned']);
  });

  it('says when an input holds no AWS resource instead of "No findings."', () => {
    const input = { path: 'plan.json', kind: 'plan' as const, status: 'scanned' as const, resources: 2, awsResources: 0 };
    const nothing = plain({ ...scanned, coverage: { complete: true, gaps: [] }, inputs: [input], findings: [], summary: summarise([]) });
    expect(lines(nothing)).toEqual([
      '0 AWS resources recognised in plan.json: nothing for the AWS policies to check',
      '',
      '0 failing · 0 unknown · 0 suppressed · 1 policy ran on 2 resources · 1 input scanned',
    ]);
  });

  it('lists coverage gaps before the summary', () => {
    const all = lines(plain(syntheticResult()));
    expect(all.slice(-6, -2)).toEqual([
      'Coverage gaps — the scan is incomplete (2 gaps):',
      '  plans/broken.json:3:1: invalid JSON: unexpected token',
      '  policy required-tags failed: cannot read tags',
      '',
    ]);
    expect(all.at(-2)).toMatch(/^4 failing/);
    expect(plain(scanned)).not.toContain('Coverage gaps');
  });

  it(`keeps wrapped text within ${CONSOLE_WIDTH} columns`, () => {
    const result = syntheticResult();
    result.findings[0]!.message = `${'The database is reachable from the internet through a long path '.repeat(4)}end`;
    result.findings[0]!.evidence.push({ path: 'very.long.path', value: 'x'.repeat(300) });
    for (const line of lines(plain(result))) {
      if (line.includes('plans/prod.json:120')) continue; // a head line is as long as its location
      expect(line.length, line).toBeLessThanOrEqual(CONSOLE_WIDTH);
    }
  });
});

describe('console report of hostile text', () => {
  it('shows terminal escapes, line breaks and bidirectional overrides in user text as \\u escapes, with colour on or off', () => {
    const result = syntheticResult();
    const [first] = result.findings;
    const hostile = '\u001b[2J\u001b]8;;http://x\u0007evil\u202e';
    first!.message = `${first!.message} ${hostile}`;
    first!.resource = { ...first!.resource, address: `aws_db_instance.main["${hostile}"]`, input: `plans/${hostile}.json` };
    first!.location = { kind: 'source', file: `plans/${hostile}.json`, startLine: 1, endLine: 1 };
    first!.evidence = [{ path: `tags.${hostile}`, value: hostile }];
    first!.trace = [{ label: `igw ${hostile}` }];
    for (const color of [false, true]) {
      const text = stripVTControlCharacters(wholeText(consoleReport(result, { ...CONTEXT, color })));
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(text).toContain('\\u001b[2J');
      expect(text).toContain('evil\\u202e');
    }
    // Colour codes are still the theme's own.
    expect(wholeText(consoleReport(result, { ...CONTEXT, color: true }))).toMatch(ANSI);
  });
});
