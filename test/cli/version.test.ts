import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../hostile/built-cli.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
const node = (args: string[], cwd = REPO): string => execFileSync(process.execPath, args, { cwd, encoding: 'utf8' });
const git = (...args: string[]): string => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();

beforeAll(() => ensureBuilt(), 180_000);

describe('warden --version', () => {
  it('prints the version and the commit the build was made from', () => {
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '' ? '+dirty' : '';
    const expected = `${version} (commit ${git('rev-parse', '--short=12', 'HEAD')}${dirty})\n`;
    // ensureBuilt rebuilds only for newer sources: record the commit as the build would now.
    node(['scripts/write-build-commit.mjs']);
    expect(node(['bin/warden.js', '--version'])).toBe(expected);
    expect(node(['bin/warden.js', '-V'])).toBe(expected);
    // The full CLI (any other argument list reaches commander) says the same.
    expect(node(['-e', "require('./bin/load-cli.js').loadCli().cli.main(['--version'])"])).toBe(expected);
  });

  it('a build outside a git work tree (a source download) prints the version alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-nogit-'));
    try {
      for (const path of ['package.json', 'bin', 'dist/cli', 'scripts/write-build-commit.mjs']) cpSync(join(REPO, path), join(dir, path), { recursive: true });
      node(['scripts/write-build-commit.mjs'], dir);
      expect(existsSync(join(dir, 'dist/cli/build-commit.txt'))).toBe(false);
      expect(node(['bin/warden.js', '--version'], dir)).toBe(`${version}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
