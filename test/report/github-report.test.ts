import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/report/printable-text.js';
import { wholeText } from '../../src/report/report-text.js';
import { annotationPosition, repositoryPath } from '../../src/report/github/annotation-file.js';
import { annotationLevel, ANNOTATIONS_SHOWN_PER_LEVEL, githubReport } from '../../src/report/github/github-report.js';
import { escapeData, escapeProperty, workflowCommand } from '../../src/report/github/workflow-command.js';
import { findingDetailLines } from '../../src/report/finding-text.js';
import type { Finding } from '../../src/rules/finding.js';
import { SEVERITIES } from '../../src/rules/severity.js';
import { summarise } from '../../src/scan/summarise.js';
import { runMain } from '../support/run-main.js';
import { CONTEXT, REPO_ROOT, syntheticResult } from './report-fixtures.js';

/**
 * A workflow command read back as the GitHub runner reads it (actions/runner ActionCommand.TryParseV2):
 * the command info ends at the first `::` after the leading one, properties split on `,` then on the
 * first `=`, and values unescaped by replacing %0D, %0A (and %3A, %2C in properties) before %25.
 */
function parseAsRunner(line: string): { name: string; properties: Record<string, string>; data: string } {
  expect(line.startsWith('::')).toBe(true);
  expect(line).not.toMatch(/[\r\n]/);
  const end = line.indexOf('::', 2);
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), ['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']);
    }
  }
  return { name, properties, data: unescape(line.slice(end + 2), ['%0D', '\r'], ['%0A', '\n'], ['%25', '%']) };
}

function unescape(text: string, ...mappings: [string, string][]): string {
  return mappings.reduce((acc, [escaped, raw]) => acc.split(escaped).join(raw), text);
}

function annotations(output: string): ReturnType<typeof parseAsRunner>[] {
  return output.trimEnd().split('\n').filter(Boolean).map(parseAsRunner);
}

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb');
  });

  it.each([
    'plain',
    'a literal %0A and %25 and %3A stay literal',
    'line one\nline two\r\nline three',
    'title: with, commas:: and double colons',
    '%%0A%',
    'unicode ✓ and 🔒',
  ])('round-trips %j through the runner unescaping, in data and properties', (text) => {
    const parsed = parseAsRunner(workflowCommand('warning', { title: text, file: 'a,b:c.tf' }, text));
    // Line feeds are the data's own lines; a property is one line; CR is shown escaped in both.
    expect(parsed).toEqual({ name: 'warning', properties: { title: printable(text), file: 'a,b:c.tf' }, data: text.replace('\r', '\\u000d') });
  });

  it('leaves out properties without a value', () => {
    expect(workflowCommand('error', { file: undefined, title: 'T' }, 'm')).toBe('::error title=T::m');
    expect(workflowCommand('notice', {}, 'm')).toBe('::notice::m');
  });
});

describe('GitHub annotations', () => {
  it('maps critical/high to error, medium to warning, low/info to notice, and unknown to warning', () => {
    const levels = SEVERITIES.map((severity) => [severity, annotationLevel({ verdict: 'fail', severity }), annotationLevel({ verdict: 'unknown', severity })]);
    expect(levels).toEqual([
      ['critical', 'error', 'warning'],
      ['high', 'error', 'warning'],
      ['medium', 'warning', 'warning'],
      ['low', 'notice', 'warning'],
      ['info', 'notice', 'warning'],
    ]);
  });

  it('annotates failing and unknown findings (not suppressed or passing), gaps first, errors before warnings before notices', () => {
    const lines = annotations(wholeText(githubReport(syntheticResult(), CONTEXT)));
    expect(lines.map((l) => [l.name, l.properties['title']])).toEqual([
      ['error', 'warden: input not evaluated'],
      ['error', 'warden: policy not evaluated'],
      ['error', 'warden db-internet-reachable (critical)'],
      ['error', 'warden sg-open-ingress (critical)'],
      ['warning', 'warden sg-open-ingress (unknown, high)'],
      ['notice', 'warden required-tags (low)'],
      ['notice', 'warden required-tags (low)'],
    ]);
    const text = lines.map((l) => l.data).join('\n');
    expect(text).not.toContain('demo environment');
    expect(text).not.toContain('carries every required tag');
    expect(lines[4]!.data).toContain('unknown because: cidr_blocks depends on aws_subnet.app.cidr_block, known after apply');
  });

  it('places source findings by file and lines, live findings without a file', () => {
    const lines = annotations(wholeText(githubReport(syntheticResult(), CONTEXT)));
    const db = lines.find((l) => l.properties['title']!.startsWith('warden db-internet-reachable'))!;
    expect(db.properties).toEqual({ file: 'plans/prod.json', line: '120', col: '7', title: 'warden db-internet-reachable (critical)' });
    expect(db.data.split('\n')).toContain('evidence: password = (sensitive) (set by the module)');
    const unknown = lines.find((l) => l.name === 'warning')!;
    expect(unknown.properties).toMatchObject({ file: 'plans/prod.json', line: '300', endLine: '302' });
    expect(unknown.properties['col']).toBeUndefined();
    const live = lines.find((l) => l.properties['title'] === 'warden sg-open-ingress (critical)')!;
    expect(live.properties['file']).toBeUndefined();
    expect(live.data).toContain('location: account 123456789012, region eu-west-1, arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc');
    // A finding of HCL source without a position: no file (its input is a directory).
    const untagged = lines.find((l) => l.data.startsWith('aws_s3_bucket.logs lacks'))!;
    expect(untagged.properties['file']).toBeUndefined();
  });

  it('writes each annotation as workflowCommand writes its position, title and detail lines, for every position and awkward text', () => {
    const result = syntheticResult();
    const template = result.findings[0]!;
    const odd: Finding[] = [
      { ...template, location: { kind: 'source', file: 'in,fra:a%b.tf', startLine: 4, startColumn: 3, endColumn: 9 } },
      { ...template, message: 'two\nlines, 100% \r done', remediation: 'fix:\n::warning::x %0A', fingerprint: 'e'.repeat(32) },
      { ...template, evidence: [{ path: 'tags.Name', value: 'a\nb' }], fingerprint: 'd'.repeat(32) },
    ];
    const findings = [...result.findings, ...odd];
    const lines = wholeText(githubReport({ ...result, coverage: { complete: true, gaps: [] }, findings, summary: summarise(findings) }, CONTEXT)).trimEnd().split('\n');
    const expected = findings
      .filter((f) => f.verdict === 'fail' || f.verdict === 'unknown')
      .map((f) => {
        const status = f.verdict === 'unknown' ? `unknown, ${f.severity}` : f.severity;
        const properties = { ...annotationPosition(f, CONTEXT), title: `warden ${f.ruleId} (${status})` };
        return workflowCommand(annotationLevel(f), properties, findingDetailLines(f).map(printable).join('\n'));
      });
    expect([...lines].sort()).toEqual([...expected].sort());
    expect(lines.some((line) => line.includes('file=in%2Cfra%3Aa%25b.tf,line=4,col=3,endColumn=9,title='))).toBe(true);
  });

  it('makes paths relative to $GITHUB_WORKSPACE when the file is inside it, else to the working directory', () => {
    const cwd = join(REPO_ROOT, 'fixtures', 'modules-repo');
    expect(repositoryPath('modules/web-sg/main.tf', { ...CONTEXT, cwd })).toBe('modules/web-sg/main.tf');
    expect(repositoryPath('modules/web-sg/main.tf', { ...CONTEXT, cwd, workspace: REPO_ROOT })).toBe('fixtures/modules-repo/modules/web-sg/main.tf');
    expect(repositoryPath('modules/web-sg/main.tf', { ...CONTEXT, cwd, workspace: '/elsewhere' })).toBe('modules/web-sg/main.tf');
    expect(repositoryPath('/tmp/elsewhere/plan.json', { ...CONTEXT, cwd })).toBe('/tmp/elsewhere/plan.json');
    const planOnly: Finding = { ...syntheticResult().findings[0]!, location: undefined };
    expect(annotationPosition(planOnly, CONTEXT)).toEqual({ file: 'plans/prod.json' });
  });

  it('says so first when a level has more annotations than GitHub shows for a step', () => {
    const result = syntheticResult();
    const many: Finding[] = Array.from({ length: ANNOTATIONS_SHOWN_PER_LEVEL + 5 }, (_, i) => ({ ...result.findings[0]!, message: `finding ${i}`, fingerprint: String(i).padStart(32, '0') }));
    const lines = annotations(wholeText(githubReport({ ...result, coverage: { complete: true, gaps: [] }, findings: many, summary: summarise(many) }, CONTEXT)));
    expect(lines).toHaveLength(ANNOTATIONS_SHOWN_PER_LEVEL + 6);
    expect(lines[0]!.name).toBe('notice');
    expect(lines[0]!.data).toMatch(/^5 of 15 annotations are beyond the 10 per level/);
    const few = annotations(wholeText(githubReport({ ...result, coverage: { complete: true, gaps: [] } }, CONTEXT)));
    expect(few.some((l) => l.properties['title'] === 'warden: more findings than GitHub shows')).toBe(false);
  });

  it('prints nothing for a clean scan', () => {
    const result = syntheticResult();
    expect(wholeText(githubReport({ ...result, coverage: { complete: true, gaps: [] }, findings: [], summary: summarise([]) }, CONTEXT))).toBe('');
  });
});

describe('warden scan --format github', () => {
  it('annotates the bundled example with workspace-relative paths and exits 1', async () => {
    const previous = process.env['GITHUB_WORKSPACE'];
    process.env['GITHUB_WORKSPACE'] = REPO_ROOT;
    try {
      const run = await runMain(['scan', 'plan.json', '--format', 'github'], join(REPO_ROOT, 'fixtures', 'modules-repo'));
      expect(run.code).toBe(1);
      const lines = annotations(run.stdout);
      expect(lines.map((l) => [l.name, l.properties['file'], l.properties['line']])).toEqual([
        // sg-open-ingress: the cidr_blocks line of the aws_security_group_rule, and of the dynamic ingress block.
        ['error', 'fixtures/modules-repo/modules/db-sg/main.tf', '34'],
        ['error', 'fixtures/modules-repo/modules/web-sg/main.tf', '25'],
        ['warning', 'fixtures/modules-repo/main.tf', '21'],
        // sg-unused cannot tell whether the groups inside modules are used outside (unknown: a warning).
        ['warning', 'fixtures/modules-repo/modules/db-sg/main.tf', '17'],
        ['warning', 'fixtures/modules-repo/modules/db-sg/main.tf', '17'],
        ['warning', 'fixtures/modules-repo/modules/web-sg/main.tf', '13'],
        ['notice', 'fixtures/modules-repo/modules/db-sg/main.tf', '21'],
        ['notice', 'fixtures/modules-repo/modules/db-sg/main.tf', '21'],
      ]);
    } finally {
      if (previous === undefined) delete process.env['GITHUB_WORKSPACE'];
      else process.env['GITHUB_WORKSPACE'] = previous;
    }
  });
});
