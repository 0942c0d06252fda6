import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../engines/hcl/hcl-helpers.js';
import { schemaErrors, validateReport } from '../support/report-schemas.js';
import { runMain } from '../support/run-main.js';

// fixtures/modules-repo: a plan beside its sources, whose inline ignores suppress two findings.
const SOURCES = join(REPO, 'fixtures/modules-repo');
const away = mkdtempSync(join(tmpdir(), 'warden-away-'));
afterAll(() => rmSync(away, { recursive: true, force: true }));
// As `terraform show -json` writes it: one line.
writeFileSync(join(away, 'plan.json'), JSON.stringify(JSON.parse(readFileSync(join(SOURCES, 'plan.json'), 'utf8'))));

interface Report {
  coverage: { complete: boolean; notes?: string[] };
  findings: { verdict: string; location?: { file: string; startLine: number } }[];
}

describe('a plan scanned away from its .tf sources', () => {
  it('says once, on stderr and in the coverage, that inline ignores cannot be read and how to point --source-root at the sources', async () => {
    const run = await runMain(['scan', 'plan.json', '-f', 'json'], away);
    const note =
      "plan.json: the plan's .tf sources were not found (no .tf files beside it or in the working directory), so inline warden:ignore comments cannot be read and findings point into the plan file (all at plan.json:1: it is one line, as terraform show -json writes it); give --source-root DIR, the root module's directory, to read them";
    expect(run.stderr).toBe(`warden: note: ${note}\n`);
    const report = JSON.parse(run.stdout) as Report;
    expect(validateReport(report), schemaErrors(validateReport)).toBe(true);
    // A note, not a gap: the plan itself was read whole.
    expect(report.coverage).toMatchObject({ complete: true, notes: [note] });
    expect(report.findings.filter((f) => f.verdict === 'suppressed')).toEqual([]);
    expect(new Set(report.findings.map((f) => `${f.location?.file}:${f.location?.startLine}`))).toEqual(new Set(['plan.json:1']));

    const github = await runMain(['scan', 'plan.json', '-f', 'github'], away);
    expect(github.stdout).toMatch(/^::notice title=warden%3A not read::plan\.json: the plan's \.tf sources were not found/m);

    const console = await runMain(['scan', 'plan.json'], away);
    expect(console.stdout).toContain('Not read (the scan is still complete):\n  plan.json: the plan\'s .tf sources were not found');
  });

  it('is silent once --source-root finds them: the ignores suppress again, findings are at source lines', async () => {
    const run = await runMain(['scan', 'plan.json', '-f', 'json', '--source-root', SOURCES], away);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.coverage.notes).toBeUndefined();
    expect(report.findings.filter((f) => f.verdict === 'suppressed').length).toBe(2);
    expect(report.findings.every((f) => !f.location?.file.endsWith('plan.json'))).toBe(true);
  });
});
