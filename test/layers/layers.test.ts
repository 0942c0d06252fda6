import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../engines/hcl/hcl-helpers.js';

const DEPCRUISE = join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(REPO, '.dependency-cruiser.cjs');

function cruise(cwd: string, ...flags: string[]): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', 'policies', '--config', CONFIG, '--output-type', 'err', ...flags], { cwd, encoding: 'utf8' });
  return { code: run.status, output: run.stdout + run.stderr };
}

describe('the layers of DESIGN §9 (dependency-cruiser)', () => {
  it('hold in this repository', () => {
    const { code, output } = cruise(REPO);
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  it('catch each kind of violation (a tree that breaks every rule once)', () => {
    const { code, output } = cruise(join(REPO, 'test/fixtures/layers'));
    const broken = new Set([...output.matchAll(/error ([a-z-]+):/g)].map((m) => m[1]));
    expect([...broken].sort()).toEqual([
      'engines-build-the-model',
      'model-imports-only-model',
      'network-reads-the-model',
      'no-cycles',
      'only-the-top-imports-the-cli',
      'policies-use-the-public-api',
      'report-formats-do-not-import-the-dispatcher',
      'reports-read-scan-results',
      'rules-know-no-input-format',
    ]);
    expect(code).not.toBe(0);
  });
});
