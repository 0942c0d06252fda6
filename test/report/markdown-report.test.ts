import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wholeText } from '../../src/report/report-text.js';
import { escapeMarkdown, MAX_CELL_TEXT } from '../../src/report/markdown/markdown-escape.js';
import { MARKDOWN_LIMIT, MAX_LISTED, markdownReport } from '../../src/report/markdown/markdown-report.js';
import type { ReportContext } from '../../src/report/report-context.js';
import type { Finding } from '../../src/rules/finding.js';
import { SEVERITIES } from '../../src/rules/severity.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { summarise } from '../../src/scan/summarise.js';
import { runMain } from '../support/run-main.js';
import { CONTEXT, REPO_ROOT, syntheticResult } from './report-fixtures.js';

function withFindings(result: ScanResult, findings: Finding[]): ScanResult {
  return { ...result, findings, summary: summarise(findings) };
}

function complete(result: ScanResult): ScanResult {
  return { ...result, inputs: result.inputs.filter((i) => i.status === 'scanned'), coverage: { complete: true, gaps: [] } };
}

function heading(markdown: string): string {
  return markdown.split('\n')[0]!;
}

/** The rows of the table that follows `### title`. */
function tableAfter(markdown: string, title: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`### ${title}`));
  expect(start, title).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (const line of lines.slice(start + 4)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

describe('Markdown escaping', () => {
  it('keeps text literal: no table break, HTML, code, emphasis or links', () => {
    expect(escapeMarkdown('a | b <script>x</script> `code` *em* _u_ [l](u) ~s~ & \\ back')).toBe(
      'a \\| b &lt;script&gt;x&lt;/script&gt; \\`code\\` \\*em\\* \\_u\\_ \\[l\\](u) \\~s\\~ &amp; \\\\ back',
    );
  });

  it('writes @ as an entity, so that an @user or @org/team in a value mentions nobody', () => {
    expect(escapeMarkdown('owner: @octocat, team @acme/platform, mail ops@example.com')).toBe(
      'owner: &#64;octocat, team &#64;acme/platform, mail ops&#64;example.com',
    );
  });

  it('joins lines, so that a value cannot end a table row', () => {
    expect(escapeMarkdown('one\ntwo\r\nthree\tfour')).toBe('one two three four');
  });

  it('cuts long text with an ellipsis, never inside a surrogate pair', () => {
    expect(escapeMarkdown('x'.repeat(MAX_CELL_TEXT + 50))).toBe(`${'x'.repeat(MAX_CELL_TEXT - 1)}…`);
    const cut = escapeMarkdown(`${'x'.repeat(MAX_CELL_TEXT - 2)}🔒🔒`);
    expect(cut).toBe(`${'x'.repeat(MAX_CELL_TEXT - 2)}…`);
  });
});

describe('Markdown report', () => {
  it('heads with the outcome the exit code decides', () => {
    const withBrokenPolicy = syntheticResult();
    expect(heading(wholeText(markdownReport(withBrokenPolicy, CONTEXT)))).toBe('## ⛔ warden scan could not run: a policy is broken');
    const gaps = withBrokenPolicy.coverage.gaps.filter((gap) => gap.scope !== 'policy');
    const result: ScanResult = { ...withBrokenPolicy, coverage: { complete: false, gaps } };
    expect(heading(wholeText(markdownReport(result, CONTEXT)))).toBe('## ❌ warden scan failed: 4 failing findings');
    const gate = (failOn: 'none' | 'low', unknown: 'warn' | 'fail' = 'warn', allowIncomplete = false): ReportContext => ({ ...CONTEXT, gate: { failOn, unknown, allowIncomplete } });
    expect(heading(wholeText(markdownReport(result, gate('low', 'fail'))))).toBe('## ❌ warden scan failed: 4 failing findings, 1 unknown');
    expect(heading(wholeText(markdownReport(result, gate('none'))))).toBe('## ⚠️ warden scan incomplete: 1 part could not be read or evaluated');
    expect(heading(wholeText(markdownReport(result, gate('none', 'warn', true))))).toBe('## ✅ warden scan passed (4 findings below --fail-on none)');
    expect(heading(wholeText(markdownReport(withFindings(complete(result), []), CONTEXT)))).toBe('## ✅ warden scan passed');
    const unread = { ...result, inputs: result.inputs.filter((i) => i.status === 'error') };
    expect(heading(wholeText(markdownReport(withFindings(unread, []), CONTEXT)))).toBe('## ⛔ warden scan could not run: no input could be read');
  });

  it('counts findings by severity and verdict', () => {
    const markdown = wholeText(markdownReport(syntheticResult(), CONTEXT));
    expect(markdown).toContain(
      [
        '| Severity | Failing | Unknown | Suppressed | Passed |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| critical | 2 | 0 | 0 | 0 |',
        '| high | 0 | 1 | 0 | 0 |',
        '| medium | 0 | 0 | 1 | 0 |',
        '| low | 2 | 0 | 1 | 1 |',
        '| info | 0 | 0 | 0 | 0 |',
        '| **total** | **4** | **1** | **2** | **1** |',
      ].join('\n'),
    );
    expect(markdown).toContain('2 inputs scanned, 1 could not be read · 4 failing · 1 unknown · 2 suppressed · 1 passed · 3 policies ran on 59 resources');
    expect(markdown).toContain('2 findings suppressed (1 by inline ignore, 1 by baseline).');
  });

  it('lists failing findings most severe first, with location and redacted evidence', () => {
    const rows = tableAfter(wholeText(markdownReport(syntheticResult(), CONTEXT)), 'Failing findings (4)');
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| critical', '| critical', '| low', '| low']);
    expect(rows[0]).toBe(
      '| critical | db-internet-reachable | aws\\_db\\_instance.main | plans/prod.json:120 | Database aws\\_db\\_instance.main accepts TCP 5432 from the internet<br>evidence: publicly\\_accessible = true<br>evidence: password = (sensitive) (set by the module) |',
    );
    expect(rows[1]).toContain('| arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc |');
  });

  it('lists unknown findings with their reasons, and what could not be read', () => {
    const markdown = wholeText(markdownReport(syntheticResult(), CONTEXT));
    const [unknown] = tableAfter(markdown, 'Unknown findings (1)');
    expect(unknown).toContain('unknown because: cidr\\_blocks depends on aws\\_subnet.app.cidr\\_block, known after apply');
    expect(markdown).toContain(
      ['### Not read or not evaluated (2)', '', '- plans/broken.json:3:1: invalid JSON: unexpected token', '- policy required-tags failed: cannot read tags'].join('\n'),
    );
  });

  it('escapes values in table cells', () => {
    const result = syntheticResult();
    const finding: Finding = { ...result.findings[0]!, message: 'pipe | <img src=x onerror=alert(1)> `tick`\nnew row | x', evidence: [] };
    const [row] = tableAfter(wholeText(markdownReport(withFindings(result, [finding]), CONTEXT)), 'Failing findings');
    expect(row).toContain('pipe \\| &lt;img src=x onerror=alert(1)&gt; \\`tick\\` new row \\| x |');
    expect(row!.split(/(?<!\\)\|/)).toHaveLength(7);
  });

  it(`lists at most ${MAX_LISTED} findings and says how many more there are`, () => {
    const result = complete(syntheticResult());
    const findings = Array.from({ length: 120 }, (_, i): Finding => ({
      ...result.findings[3]!,
      severity: SEVERITIES[i % SEVERITIES.length]!,
      message: `finding ${i}`,
    }));
    const markdown = wholeText(markdownReport(withFindings(result, findings), CONTEXT));
    const rows = tableAfter(markdown, 'Failing findings (120)');
    expect(rows).toHaveLength(MAX_LISTED);
    expect(rows.slice(0, 24).every((row) => row.startsWith('| critical'))).toBe(true);
    expect(rows[24]).toMatch(/^\| high/);
    expect(markdown).toContain('…and 70 more (the JSON and SARIF reports list every finding).');
  });

  it(`stays within GitHub's ${MARKDOWN_LIMIT}-character comment limit however many and however long the findings`, () => {
    const result = syntheticResult();
    const long = '<&|`'.repeat(2_000);
    const findings = Array.from({ length: 20_000 }, (_, i): Finding => ({
      ...result.findings[i % 2 === 0 ? 0 : 1]!,
      message: `${i} ${long}`,
      resource: { ...result.findings[0]!.resource, address: `aws_db_instance.db_${i}_${long}` },
      evidence: [{ path: long, value: long }],
    }));
    const gaps = Array.from({ length: 500 }, (_, i) => ({ scope: 'input' as const, target: `p${i}`, message: `p${i}: ${long}` }));
    const markdown = wholeText(markdownReport({ ...withFindings(result, findings), coverage: { complete: false, gaps } }, CONTEXT));
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(heading(markdown)).toBe('## ❌ warden scan failed: 10000 failing findings');
    expect(markdown).toMatch(/…and \d+ more/);
    // Long rows: fewer than MAX_LISTED fit, so the report listed fewer rather than overflow.
    const rows = tableAfter(markdown, 'Failing findings (10000)').length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(MAX_LISTED);
  });
});

describe('warden scan --report markdown=FILE', () => {
  it('writes the summary for the bundled example', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-markdown-'));
    try {
      const file = join(dir, 'summary.md');
      const run = await runMain(['scan', 'fixtures/modules-repo/plan.json', '--quiet', '--report', `markdown=${file}`], REPO_ROOT);
      expect(run).toMatchObject({ code: 1, stdout: '' });
      const markdown = readFileSync(file, 'utf8');
      expect(heading(markdown)).toBe('## ❌ warden scan failed: 5 failing findings');
      expect(tableAfter(markdown, 'Failing findings (5)')).toHaveLength(5);
      expect(markdown).not.toContain('Passed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
