import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const HOOK = fileURLToPath(new URL('../support/record-imports.mjs', import.meta.url));

/** The modules the built CLI loads for `args` (DESIGN §7: start-up time is bounded by what is loaded, not timed here). */
function modulesLoadedBy(args: string[]): { status: number | null; stdout: string; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'warden-imports-'));
  const log = join(dir, 'modules.txt');
  try {
    const run = spawnSync(process.execPath, ['--import', HOOK, join(REPO, 'bin/warden.js'), ...args], {
      cwd: dir,
      env: { ...process.env, WARDEN_IMPORT_LOG: log, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    const modules = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
    // The entry point may pass the hook twice (its format is detected first): each module counts once.
    return { status: run.status, stdout: run.stdout, modules: [...new Set(modules.map((url) => url.replace(`file://${REPO}`, '')))] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The built CLI (bin/warden.js runs dist/): `npm test` builds before it runs the tests.
describe.skipIf(!existsSync(join(REPO, 'dist/src/cli/main.js')))('what start-up loads', () => {
  it('`warden --version` loads nothing of warden but bin/warden.js', () => {
    const run = modulesLoadedBy(['--version']);
    expect(run.status).toBe(0);
    expect(run.modules.filter((m) => !m.startsWith('node:'))).toEqual(['bin/warden.js']);
  });

  it('`warden policies` loads no parser, validator, network graph, engine, AWS SDK or policy loader', () => {
    const run = modulesLoadedBy(['policies']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('sg-open-ingress');
    // Built-ins are listed from the build's catalog: no policy module (or the API they import) is loaded.
    expect(run.modules.filter((m) => m.startsWith('dist/policies/'))).toEqual(['dist/policies/catalog.js']);
    expect(run.modules).not.toContain('dist/src/api.js');
    // Only the policies command's definition: scan, audit and test are not set up.
    expect(run.modules.filter((m) => m.startsWith('dist/src/cli/register-'))).toEqual(['dist/src/cli/register-policies.js']);
    const heavy = run.modules.filter((m) =>
      /node_modules\/(yaml|ajv|ajv-formats|jiti|web-tree-sitter|@tree-sitter-grammars|@aws-sdk|ipaddr\.js)\/|dist\/src\/(network\/(?!engine-ports)|engines\/(plan|hcl|live\/collect)\/)|dist\/src\/rules\/(loading\/load-|runner|policy-options)/.test(m),
    );
    expect(heavy).toEqual([]);
  });
});
