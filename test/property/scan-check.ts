import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { schemaErrors, validateReport, validateSarif } from '../support/report-schemas.js';
import { runMain } from '../support/run-main.js';

/** The parts of a JSON report the properties look at. */
export interface ReportDoc {
  inputs: { path: string; status: 'scanned' | 'error'; resources?: number; error?: string }[];
  coverage: { complete: boolean; gaps: { scope: string; message: string }[] };
  findings: { ruleId: string; verdict: string; resource: { address: string } }[];
}

export interface CheckedScan {
  code: number;
  stderr: string[];
  report: ReportDoc;
}

/**
 * `warden scan PATHS --format json --report sarif=…` in-process, from `dir`, and what must hold for
 * every input whatever it holds: no exception escapes, the exit code is a defined one, stderr is
 * lines of `warden: …` without stacks or internal errors, each input in error has a one-line reason,
 * and both reports validate against their schemas.
 */
export async function scanAndCheck(dir: string, paths: readonly string[], extraArgs: readonly string[] = []): Promise<CheckedScan> {
  const sarifFile = join(dir, 'report.sarif');
  rmSync(sarifFile, { force: true });
  const run = await runMain(['scan', ...paths, '--format', 'json', '--report', `sarif=${sarifFile}`, ...extraArgs], dir);
  expect([0, 1, 2, 3]).toContain(run.code);
  const stderr = run.stderr.split('\n').filter((line) => line !== '');
  for (const line of stderr) {
    expect(line).toMatch(/^warden: /);
    expect(line).not.toMatch(/internal error/);
  }
  const report = JSON.parse(run.stdout) as ReportDoc;
  expect(validateReport(report), schemaErrors(validateReport)).toBe(true);
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as unknown;
  expect(validateSarif(sarif), schemaErrors(validateSarif)).toBe(true);
  for (const input of report.inputs) {
    if (input.status === 'error') expect(input.error).toMatch(/^[^\n\r\u2028\u2029]+$/);
  }
  // One line per input in error, not more (warnings are separate lines and say so).
  const errorLines = stderr.filter((line) => !line.startsWith('warden: warning: '));
  expect(errorLines.length).toBeLessThanOrEqual(report.inputs.length + report.coverage.gaps.length);
  return { code: run.code, stderr, report };
}
