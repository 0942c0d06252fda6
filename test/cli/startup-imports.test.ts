import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../hostile/built-cli.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ESM_HOOK = fileURLToPath(new URL('../support/record-imports.mjs', import.meta.url));
const REQUIRE_REPORT = fileURLToPath(new URL('../support/report-required.cjs', import.meta.url));

/**
 * The files the built CLI loads for `args`, run in an empty folder (or with `files` copied into it):
 * CommonJS files from the require cache, ES modules through a loader hook (Node's own `node:` modules
 * left out). Paths are relative to the repository (DESIGN §7: start-up time is bounded by what is loaded, not timed here).
 */
function filesLoadedBy(args: string[], files: string[] = []): { status: number | null; stdout: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'warden-imports-'));
  const log = join(dir, 'modules.txt');
  try {
    for (const file of files) copyFileSync(join(REPO, file), join(dir, file.split('/').pop()!));
    const run = spawnSync(process.execPath, ['--import', ESM_HOOK, '--require', REQUIRE_REPORT, join(REPO, 'bin/warden.js'), ...args], {
      cwd: dir,
      env: { ...process.env, WARDEN_IMPORT_LOG: log, NO_COLOR: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const esm = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).filter((url) => !url.startsWith('node:')).map((url) => fileURLToPath(url)) : [];
    const cjs = JSON.parse(String(run.output[3])) as string[];
    const loaded = [...new Set([...cjs, ...esm])].filter((path) => path !== REQUIRE_REPORT).map((path) => path.replace(REPO, ''));
    return { status: run.status, stdout: run.stdout, files: loaded.sort() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(() => ensureBuilt(), 180_000);

describe('what start-up loads', () => {
  it('`warden --version` loads nothing of warden but bin/warden.js and package.json', () => {
    const run = filesLoadedBy(['--version']);
    expect(run.status).toBe(0);
    expect(run.files).toEqual(['bin/warden.js', 'package.json']);
  });

  it('`warden policies` (built-ins only) loads the small listing file, not the CLI', () => {
    const run = filesLoadedBy(['policies']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('sg-open-ingress');
    expect(run.files).toEqual(['bin/warden.js', 'dist/cli/policy-list.cjs']);
  });

  // bin/load-cli.js reads the bundle and compiles it with its code cache: it is not a module of its own.
  it('a plan without .tf sources loads the CLI bundle alone: no parser, policy loader or AWS SDK from node_modules', () => {
    const run = filesLoadedBy(['scan', 'plan.json'], ['fixtures/modules-repo/plan.json']);
    expect(run.status).toBe(1);
    expect(run.files).toEqual(['bin/load-cli.js', 'bin/warden.js']);
  });

  it('a plan with .tf sources loads nothing more: the direct HCL reader reads them (tree-sitter only for files outside its subset)', () => {
    const run = filesLoadedBy(['scan', `${REPO}fixtures/modules-repo/plan.json`]);
    expect(run.status).toBe(1);
    expect(run.files).toEqual(['bin/load-cli.js', 'bin/warden.js']);
  });

  it('a source tree with a syntax error adds the HCL parser (its CommonJS build), which judges the error', () => {
    const run = filesLoadedBy(['scan', `${REPO}fixtures/syntax-error`]);
    expect(run.status).toBe(1); // a failing finding in the good file outranks the gap
    expect(run.files).toEqual(['bin/load-cli.js', 'bin/warden.js', 'node_modules/web-tree-sitter/tree-sitter.cjs']);
  });
});
