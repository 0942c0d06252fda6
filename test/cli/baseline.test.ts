import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../engines/hcl/hcl-helpers.js';
import { runMain } from '../support/run-main.js';

interface Report {
  summary: { findings: number; baselined?: number; byVerdict: Record<string, number> };
  findings: { ruleId: string; verdict: string; resource: { address: string } }[];
}

/** A copy of fixtures/modules-repo (its plan and the same configuration as .tf) to edit. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-baseline-'));
  cpSync(fixture('modules-repo'), dir, { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const edit = (file: string, change: (text: string) => string): void => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));

async function scanJson(...args: string[]): Promise<{ code: number; stderr: string; report: Report }> {
  const run = await runMain(['scan', ...args, '--format', 'json'], dir);
  return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout) as Report };
}

const open = (report: Report) => report.findings.filter((f) => f.verdict === 'fail' || f.verdict === 'unknown');

describe('--write-baseline and --baseline on fixtures/modules-repo', () => {
  it('same findings: exit 0, none reported, all counted as baselined', async () => {
    const before = await scanJson('plan.json');
    expect(before.code).toBe(1);
    const accepted = open(before.report).length;
    expect(accepted).toBeGreaterThanOrEqual(4);

    const written = await runMain(['scan', 'plan.json', '--write-baseline', 'warden-baseline.json'], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(new RegExp(`0 failing · 0 unknown · 2 suppressed · ${accepted} baselined(?: · |\\n)\\d+ policies ran on \\d+ resources · 1 input scanned`));
    const file = JSON.parse(readFileSync(join(dir, 'warden-baseline.json'), 'utf8'));
    expect(file.findings).toHaveLength(accepted);

    const after = await scanJson('plan.json', '--baseline', 'warden-baseline.json');
    expect(after.code).toBe(0);
    expect(open(after.report)).toEqual([]);
    expect(after.report.summary).toMatchObject({ baselined: accepted, byVerdict: { fail: 0, unknown: 0, suppressed: 2 } });
    // Inline ignores still report as suppressed, not as baselined.
    expect(after.report.findings.map((f) => f.verdict)).toEqual(['suppressed', 'suppressed']);
  });

  it('the baselined count survives a run that also writes junit (which collects passes for itself)', async () => {
    await runMain(['scan', 'plan.json', '--write-baseline', 'b.json'], dir);
    const accepted = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).findings.length;
    const run = await scanJson('plan.json', '--baseline', 'b.json', '--report', 'junit=junit.xml');
    expect(run.code).toBe(0);
    expect(run.report.summary.baselined).toBe(accepted);
    expect(run.report.summary.byVerdict['pass']).toBe(0);
  });

  it('re-writing the baseline of an unchanged estate leaves the file byte-identical', async () => {
    await runMain(['scan', 'plan.json', '--write-baseline', 'b.json'], dir);
    edit('b.json', (text) => text.replace(/"created": "[\d-]+"/, '"created": "2020-01-01"'));
    const committed = readFileSync(join(dir, 'b.json'), 'utf8');
    await runMain(['scan', 'plan.json', '--write-baseline', 'b.json'], dir);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(committed);
  });

  it('one new finding: exit 1 and only it is reported', async () => {
    await runMain(['scan', '.', '--write-baseline', 'b.json'], dir);
    edit('main.tf', (text) =>
      `${text}\nresource "aws_security_group" "admin" {\n  name   = "admin"\n  vpc_id = aws_vpc.main.id\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  tags = { Owner = "ops" }\n}\n`,
    );
    const run = await scanJson('.', '--baseline', 'b.json');
    expect(run.code).toBe(1);
    expect(open(run.report).map((f) => `${f.ruleId} ${f.resource.address}`).sort()).toEqual(['sg-open-ingress aws_security_group.admin', 'sg-unused aws_security_group.admin']);
    expect(run.report.summary.baselined).toBeGreaterThanOrEqual(4);
  });

  it('moved lines and reformatted HCL stay baselined', async () => {
    const written = await runMain(['scan', '.', '--write-baseline', 'b.json'], dir);
    expect(written.code).toBe(0);
    edit('main.tf', (text) => {
      const vpc = text.slice(text.indexOf('resource "aws_vpc" "main"'), text.indexOf('resource "aws_subnet"'));
      const moved = text.replace(vpc, '');
      return `# reviewed 2026\n\n\n${moved}\n${vpc.replace(/ {2}/g, '    ').replace(/ = /g, '=')}`;
    });
    edit('modules/web-sg/main.tf', (text) => `\n\n# the public entry\n${text.replace(/^ {2}/gm, '\t')}`);
    edit('modules/db-sg/main.tf', (text) => text.replace(/\n\n/g, '\n\n\n\n'));
    const run = await scanJson('.', '--baseline', 'b.json');
    expect(run.stderr).toBe('');
    expect([run.code, open(run.report).length]).toEqual([0, 0]);
    expect(run.report.summary.baselined).toBe(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).findings.length);
  });

  it('re-ordered and re-indented resources in a plan stay baselined', async () => {
    await runMain(['scan', 'plan.json', '--write-baseline', 'b.json'], dir);
    edit('plan.json', (text) => {
      const plan = JSON.parse(text);
      plan.resource_changes.reverse();
      plan.planned_values.root_module.resources.reverse();
      plan.planned_values.root_module.child_modules.reverse();
      plan.configuration.root_module.resources.reverse();
      return JSON.stringify(plan);
    });
    const run = await scanJson('plan.json', '--baseline', 'b.json');
    expect([run.code, open(run.report).length]).toEqual([0, 0]);
  });

  it('a baseline written from the plan covers the same findings in the .tf source', async () => {
    await runMain(['scan', 'plan.json', '--write-baseline', 'b.json'], dir);
    const accepted = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).findings.length;
    const run = await scanJson('.', '--baseline', 'b.json');
    expect([run.code, open(run.report).length, run.report.summary.baselined]).toEqual([0, 0, accepted]);
  });

  it('reads `baseline` of warden.yaml relative to that file; --baseline overrides it', async () => {
    await runMain(['scan', 'plan.json', '--write-baseline', 'baselines/warden.json'], dir);
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'warden.yaml'), 'baseline: ../baselines/warden.json\n');
    const configured = await scanJson('plan.json', '--config', 'config/warden.yaml');
    expect([configured.code, open(configured.report).length]).toEqual([0, 0]);

    writeFileSync(join(dir, 'config', 'warden.yaml'), 'baseline: gone.json\n');
    const missing = await runMain(['scan', 'plan.json', '--config', 'config/warden.yaml'], dir);
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: 'warden: baseline config/gone.json: no such file or directory\n' });
    const overridden = await scanJson('plan.json', '--config', 'config/warden.yaml', '--baseline', 'baselines/warden.json');
    expect(overridden.code).toBe(0);
  });

  it.each([
    ['nope.json', undefined, 'warden: baseline nope.json: no such file or directory\n'],
    ['b.json', '{ "fingerprints": [', 'warden: baseline b.json: not valid JSON: '],
    ['b.json', '{ "fingerprints": [] }', "warden: baseline b.json: not a warden baseline: must have required property 'baselineVersion'\n"],
  ])('a bad baseline (%s) stops the run with one line and exit 2', async (name, text, message) => {
    if (text !== undefined) writeFileSync(join(dir, name), text);
    const run = await runMain(['scan', 'plan.json', '--baseline', name], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a baseline that cannot be written is one line and exit 2; none is written when no input could be read', async () => {
    const unwritable = await runMain(['scan', 'plan.json', '--write-baseline', 'plan.json/b.json'], dir);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^warden: --write-baseline: plan\.json\/b\.json: [^\n]+\n$/);

    const unread = await runMain(['scan', 'missing.plan.json', '--write-baseline', 'b.json'], dir);
    expect(unread.code).toBe(2);
    expect(unread.stderr).toContain('warden: warning: no input could be read: baseline b.json not written\n');
    expect(() => readFileSync(join(dir, 'b.json'))).toThrow();
  });
});
