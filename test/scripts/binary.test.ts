import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../hostile/built-cli.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BINARY = join(REPO, 'dist', 'bin', `warden-${process.platform}-${process.arch}`);
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Why the single binary cannot be built on this machine, if it cannot: the only reasons to skip. */
function cannotBuild(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `the binary is built for Linux x64 only (this is ${process.platform}-${process.arch})`;
  if (!readFileSync(process.execPath).includes(SEA_FUSE)) return `${process.execPath} has no single-executable fuse (not an official Node build)`;
  return undefined;
}
const skipReason = cannotBuild();

const mtime = (path: string): number => (existsSync(path) ? statSync(path).mtimeMs : 0);

describe.skipIf(skipReason !== undefined)(`the single binary${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  // A folder on PATH with nothing in it: no node, no npm, nothing else warden could lean on.
  const emptyPath = mkdtempSync(join(tmpdir(), 'warden-nopath-'));
  const work = mkdtempSync(join(tmpdir(), 'warden-binary-'));

  beforeAll(() => {
    ensureBuilt();
    // Rebuilt when the CLI or the recorded commit is newer than it (building takes a few seconds).
    if (mtime(BINARY) < Math.max(mtime(join(REPO, 'dist/cli/warden.cjs')), mtime(join(REPO, 'dist/cli/build-commit.txt')))) {
      execFileSync(process.execPath, [join(REPO, 'scripts/build-binary.mjs')], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    }
  }, 300_000);
  afterAll(() => {
    rmSync(emptyPath, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const binary = (args: string[]) => spawnSync(BINARY, args, { cwd: work, env: { PATH: emptyPath, NO_COLOR: '1' }, encoding: 'utf8' });
  const packaged = (args: string[]) => spawnSync(process.execPath, [join(REPO, 'bin/warden.js'), ...args], { cwd: work, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });

  it('runs with a PATH that has no node on it', () => {
    expect(spawnSync('node', ['--version'], { env: { PATH: emptyPath } }).error).toMatchObject({ code: 'ENOENT' });
    const run = binary(['--version']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(packaged(['--version']).stdout);
  });

  it.each([
    ['the bundled example plan', 'fixtures/modules-repo/plan.json'],
    ['its .tf sources', 'fixtures/modules-repo'],
    ['a source tree with a syntax error (the embedded grammar judges it)', 'fixtures/syntax-error'],
  ])('writes the same JSON report as the package, byte for byte: %s', (_label, input) => {
    const args = ['scan', join(REPO, input), '--format', 'json'];
    const fromBinary = binary(args);
    const fromPackage = packaged(args);
    expect(fromBinary.status).toBe(1);
    expect(fromBinary.stderr).toBe(fromPackage.stderr);
    expect(fromBinary.status).toBe(fromPackage.status);
    expect(fromBinary.stdout.length).toBeGreaterThan(1000);
    expect(fromBinary.stdout === fromPackage.stdout).toBe(true);
  });

  it('lists the built-in policies it carries, as the package does', () => {
    expect(binary(['policies', '--format', 'json']).stdout).toBe(packaged(['policies', '--format', 'json']).stdout);
  });
});
