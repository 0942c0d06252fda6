import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../support/run-main.js';
import { fixturePath, fixtureText, scratchDir } from './plan-fixtures.js';

// The CLI runs in-process (test/support/run-main.ts); scripts/corpus-check.ts runs the real binary.
const runCli = (args: string[]) => runMain(args);

interface JsonReport {
  inputs: { path: string; status: string; resources?: number; error?: string }[];
  findings: { verdict: string }[];
}

const scratch = scratchDir();
const previousCwd = process.cwd();
const BAD_INPUTS: Record<string, string | Uint8Array> = {
  'truncated.json': fixtureText('format-1.2-modules.json').slice(0, 5000),
  'extra-brace.json': `${fixtureText('format-0.2.json')}}`,
  'trailing-comma.json': '{"format_version":"1.2","resource_changes":[],}',
  'empty.json': '',
  'binary.json': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  'array.json': '[]',
  'state.tfstate': '{"version":4,"serial":1,"lineage":"5d6c1e9a-0f5b-4b6e-9d1e-3c2b1a0f9e8d","resources":[]}',
  'state-show.json': '{"format_version":"1.0","values":{"root_module":{}}}',
  'hcp.json': '{"plan_format_version":"1.1","resource_changes":[],"provider_format_version":"1.0","provider_schemas":{}}',
  'random.json': '{"hello":"world"}',
  'v2.json': '{"format_version":"2.0","resource_changes":[]}',
};
const EMPTY_PLAN = JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: {} }, applyable: false, complete: true, errored: false });

beforeAll(() => {
  for (const [name, content] of Object.entries(BAD_INPUTS)) scratch.write(name, content);
  scratch.write('no-changes.json', EMPTY_PLAN);
  scratch.write('warden.yaml', '{}\n');
  mkdirSync(join(scratch.dir, 'a-directory'));
  copyFileSync(fixturePath('format-1.2-modules.json'), join(scratch.dir, 'modules.json'));
  process.chdir(scratch.dir);
});
afterAll(() => {
  process.chdir(previousCwd);
  scratch.cleanup();
});

const BASE = ['scan', '--config', 'warden.yaml', '--format', 'json'];

describe('warden scan with bad inputs', () => {
  it('each bad input gets its own one-line error on stderr; the good ones are still scanned', async () => {
    const bad = [...Object.keys(BAD_INPUTS), 'a-directory', 'missing.json'];
    const run = await runCli([...BASE, 'modules.json', ...bad, 'no-changes.json']);
    // Fixture plans lie away from their sources: the note saying so is not an input error.
    const lines = run.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('warden: note: '));
    expect(lines).toHaveLength(bad.length);
    bad.forEach((name, i) => expect(lines[i]!.startsWith(`warden: ${name}:`), lines[i]).toBe(true));
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('internal error');

    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.inputs.map((i) => [i.path, i.status])).toEqual([
      ['modules.json', 'scanned'],
      ...bad.map((name) => [name, 'error']),
      ['no-changes.json', 'scanned'],
    ]);
    expect(report.inputs[0]!.resources).toBe(18);
    // DESIGN §5: failing findings → 1; otherwise an unreadable input makes the scan incomplete → 3.
    expect(run.code).toBe(report.findings.some((f) => f.verdict === 'fail') ? 1 : 3);
  });

  it('names the line and column of a JSON error', async () => {
    const run = await runCli([...BASE, 'trailing-comma.json', 'no-changes.json']);
    expect(run.stderr).toBe('warden: trailing-comma.json:1:47: not valid JSON: trailing comma before "}"\n');
  });

  it('exit 3 when an input could not be read and nothing failed; 0 with --allow-incomplete', async () => {
    expect((await runCli([...BASE, 'no-changes.json', 'hcp.json'])).code).toBe(3);
    expect((await runCli([...BASE, '--allow-incomplete', 'no-changes.json', 'hcp.json'])).code).toBe(0);
    expect((await runCli([...BASE, 'no-changes.json'])).code).toBe(0);
  });

  it('exit 2 when no input could be read at all, still with one line per input', async () => {
    const run = await runCli([...BASE, 'missing.json', 'a-directory', 'binary.json']);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('warden: missing.json: no such file or directory');
    // A directory is read as Terraform source; an empty one is its own one-line error.
    expect(lines[1]).toMatch(/^warden: a-directory: \S.*$/);
    expect(lines[2]).toBe('warden: binary.json: not a text file (binary content)');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.inputs.every((i) => i.status === 'error')).toBe(true);
  });

  it('the console format prints the same one-line errors and no stack', async () => {
    const run = await runCli(['scan', '--config', 'warden.yaml', 'state.tfstate', 'no-changes.json']);
    expect(run.stderr).toBe('warden: state.tfstate: a Terraform state file, not a plan: run `terraform show -json PLANFILE` on a saved plan\n');
    expect(run.code).toBe(3);
  });
});
