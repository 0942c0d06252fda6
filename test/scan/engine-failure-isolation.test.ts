import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../report/report-fixtures.js';
import { runMain } from '../support/run-main.js';

/**
 * A bug in an engine (an exception that is not an InputError) while reading one input: simulated by
 * making the loader throw a TypeError, with a stack, for any path named `engine-bug.json`.
 */
vi.mock('../../src/engines/load-input.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/engines/load-input.js')>();
  return {
    ...actual,
    loadInput: async (...args: Parameters<typeof actual.loadInput>) => {
      if (args[1].endsWith('engine-bug.json')) throw new TypeError("Cannot read properties of undefined (reading 'values')\n    at readPlan (load-plan.ts:1:1)");
      return actual.loadInput(...args);
    },
  };
});

const GOOD = 'fixtures/modules-repo/plan.json';

afterEach(() => {
  delete process.env['WARDEN_DEBUG'];
});

describe('an unexpected engine error on one input', () => {
  it('becomes a one-line input error while the other inputs are scanned', async () => {
    const run = await runMain(['scan', 'engine-bug.json', GOOD, '--format', 'json'], REPO_ROOT);
    expect(run.stderr).toBe(
      "warden: internal error while reading engine-bug.json: Cannot read properties of undefined (reading 'values') (set WARDEN_DEBUG=1 for details)\n",
    );
    const report = JSON.parse(run.stdout);
    expect(report.inputs.map((i: { path: string; status: string }) => [i.path, i.status])).toEqual([
      ['engine-bug.json', 'error'],
      [GOOD, 'scanned'],
    ]);
    expect(report.findings.length).toBeGreaterThan(0);
    // The good plan has failing findings: they decide the exit code.
    expect(run.code).toBe(1);
  });

  it('alone, exits 2 like any input that cannot be read', async () => {
    const run = await runMain(['scan', 'engine-bug.json'], REPO_ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints its stack with WARDEN_DEBUG=1, for a bug report', async () => {
    process.env['WARDEN_DEBUG'] = '1';
    const run = await runMain(['scan', 'engine-bug.json', '--quiet'], REPO_ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TypeError: Cannot read properties of undefined');
    expect(run.stderr).toContain('at readPlan');
  });
});
