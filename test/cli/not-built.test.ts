import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/', import.meta.url));
const checkout = mkdtempSync(join(tmpdir(), 'warden-unbuilt-'));
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

it('says in one line how to build a checkout that was never built, instead of a stack trace (exit 2)', () => {
  // A source checkout without dist/: what a newcomer has after `git clone` and before `npm ci`.
  mkdirSync(join(checkout, 'bin'));
  for (const file of ['warden.js', 'load-cli.js', 'package.json']) copyFileSync(join(BIN, file), join(checkout, 'bin', file));
  writeFileSync(join(checkout, 'package.json'), JSON.stringify({ version: '0.0.0' }));
  for (const args of [['scan', 'plan.json'], ['policies']]) {
    const run = spawnSync(process.execPath, [join(checkout, 'bin', 'warden.js'), ...args], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('warden: not built: dist/cli/warden.cjs is missing; run `npm ci` (or `npm run build`) in the warden checkout\n');
  }
});
