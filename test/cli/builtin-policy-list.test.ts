import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../hostile/built-cli.js';

const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'warden.js');
// What loads the CLI bundle (with its code cache): required only when the full CLI runs.
const CLI_LOADER = join(REPO, 'bin', 'load-cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Whether the process loaded the CLI bundle (the full path), from its require cache at exit. */
  loadedCli: boolean;
}

const REPORT_REQUIRED = join(REPO, 'test', 'support', 'report-required.cjs');

function run(args: string[], cwd: string): Run {
  const child = spawnSync(process.execPath, ['--require', REPORT_REQUIRED, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const required = JSON.parse(String(child.output[3])) as string[];
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, loadedCli: required.includes(CLI_LOADER) };
}

/** `warden ARGS` as users run it (bin/warden.js, which may take the fast path). */
const viaBin = (args: string[], cwd: string): Run => run([BIN, ...args], cwd);
/** The same command through the full CLI, never the fast path. */
const viaFullCli = (args: string[], cwd: string): Run =>
  run(['-e', `require(${JSON.stringify(CLI_LOADER)}).loadCli().cli.main(${JSON.stringify(args)}).then((code) => { process.exitCode = code; })`], cwd);

let noConfig: string;
let withConfig: string;

beforeAll(() => {
  ensureBuilt();
  // Outside the repository, so that no warden.yaml is found upward.
  noConfig = mkdtempSync(join(tmpdir(), 'warden-list-'));
  withConfig = mkdtempSync(join(tmpdir(), 'warden-list-config-'));
  writeFileSync(join(withConfig, 'warden.yaml'), 'failOn: high\n');
}, 180_000);
afterAll(() => {
  rmSync(noConfig, { recursive: true, force: true });
  rmSync(withConfig, { recursive: true, force: true });
});

describe('`warden policies` for the built-in catalog (bin/warden.js fast path)', () => {
  // Every output format `warden policies` has (console by default, console, json), spelled each way commander takes it, with and without --framework.
  const listings = [
    ['policies'],
    ['policies', '--format', 'console'],
    ['policies', '-f', 'json'],
    ['policies', '--format=json'],
    ['policies', '--framework', 'cis'],
    ['policies', '--framework=fsbp', '--framework', 'pci', '--format', 'json'],
    ['policies', '-f', 'console', '--framework', 'hipaa'],
  ];

  it.each(listings)('prints the same bytes as the full CLI, without loading it: warden %s', (...args) => {
    const fast = viaBin(args, noConfig);
    const full = viaFullCli(args, noConfig);
    expect(fast.loadedCli).toBe(false);
    expect(full.loadedCli).toBe(true);
    expect(fast.code).toBe(0);
    expect(fast.stdout).toMatch(/^(ID +SEVERITY|\[|\{\n  "policies")/);
    expect({ ...fast, loadedCli: undefined }).toEqual({ ...full, loadedCli: undefined });
  });

  it.each([
    ['policies', '--format', 'yaml'],
    ['policies', '--framework', 'no-such-framework'],
    ['policies', '--format', 'json', '--format', 'console'],
    ['policies', '--policy-dir', '.'],
    ['policies', '--help'],
    ['policies', 'show', 'sg-open-ingress'],
  ])('leaves errors and every other flag to the full CLI: warden %s', (...args) => {
    const fast = viaBin(args, noConfig);
    expect(fast.loadedCli).toBe(true);
    expect({ ...fast, loadedCli: undefined }).toEqual({ ...viaFullCli(args, noConfig), loadedCli: undefined });
  });

  it('leaves a run with a warden.yaml (which may name policy folders) to the full CLI', () => {
    const fast = viaBin(['policies', '--format', 'json'], withConfig);
    expect(fast.loadedCli).toBe(true);
    expect(fast.code).toBe(0);
    expect(fast.stdout).toBe(viaBin(['policies', '--format', 'json'], noConfig).stdout);
  });
});
