import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJiti } from 'jiti';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCacheDir } from '../../src/rules/loading/compile-cache-dir.js';
import { importPolicyFile } from '../../src/rules/loading/import-policy-module.js';

/**
 * jiti's default compile cache is `<temp dir>/jiti`, shared by every user and job on a machine. A
 * cached file is used when its last line names the source's hash, which anyone who has the source
 * (a pull request) can compute: another job can plant code there that the next import runs.
 */
let root: string;
const saved = { ...process.env };

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'warden-cache-attack-'));
});
afterAll(() => {
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

function policySource(id: string): string {
  return `export default { id: '${id}', check() {} };\n`;
}

describe('the compile cache of policy files', () => {
  it('is not the shared <temp dir>/jiti, even when another job filled it first', async () => {
    // The shared temp dir of this machine, as jiti's default would find it.
    const sharedTemp = join(root, 'tmp');
    mkdirSync(sharedTemp);
    process.env['TMPDIR'] = sharedTemp;
    process.env['CI'] = 'true';
    const policy = join(root, 'repo', 'policies', 'benign.ts');
    mkdirSync(join(root, 'repo', 'policies'), { recursive: true });
    writeFileSync(policy, policySource('benign'));

    // The other job: compiles the same source into the shared folder, then swaps the code but keeps the hash line.
    const shared = join(sharedTemp, 'jiti');
    const load = (): Promise<{ default: { id: string } }> => createJiti(import.meta.url, { fsCache: shared, moduleCache: false }).import(policy);
    expect((await load()).default.id).toBe('benign');
    for (const name of readdirSync(shared)) {
      const file = join(shared, name);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('benign', 'planted'));
    }
    // The planted file is what a loader on the shared folder now runs.
    expect((await load()).default.id).toBe('planted');

    const namespace = (await importPolicyFile(policy)) as { default: { id: string } };
    expect(namespace.default.id).toBe('benign');
  });

  it('is a fresh folder of mode 0700 for each run in CI', () => {
    const env = { CI: 'true' };
    const first = compileCacheDir(env);
    const second = compileCacheDir(env);
    expect(first).not.toBe(second);
    expect(statSync(first).mode & 0o777).toBe(0o700);
    expect(compileCacheDir({ JENKINS_URL: 'https://ci.example/' })).not.toBe(first);
  });

  // XDG_CACHE_HOME names the user cache folder on Linux only.
  it.runIf(process.platform === 'linux')('is the user cache folder outside CI, unless others can write to it', () => {
    const cacheHome = join(root, 'xdg');
    process.env['XDG_CACHE_HOME'] = cacheHome;
    const outsideCi = { CI: 'false' };
    const userCache = join(cacheHome, 'warden', 'jiti');
    expect(compileCacheDir(outsideCi)).toBe(userCache);
    expect(statSync(userCache).mode & 0o777).toBe(0o700);
    chmodSync(userCache, 0o777);
    const instead = compileCacheDir(outsideCi);
    expect(instead).not.toBe(userCache);
    expect(statSync(instead).mode & 0o777).toBe(0o700);
  });
});
