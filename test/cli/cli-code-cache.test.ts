import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../hostile/built-cli.js';

const LOADER = join(import.meta.dirname, '..', '..', 'bin', 'load-cli.js');

beforeAll(() => ensureBuilt(), 180_000);

describe('the CLI bundle’s code cache (bin/load-cli.js, scripts/write-cli-code-cache.mjs)', () => {
  // V8 rejects a cache silently (another V8, other flags, another source): the start-up gain would be lost unnoticed.
  it('is accepted by V8 when bin/warden.js loads the bundle', () => {
    const run = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(LOADER)}).loadCli().script.cachedDataRejected))`], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('false');
  });
});
