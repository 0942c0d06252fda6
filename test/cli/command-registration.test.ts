import { describe, expect, it } from 'vitest';
import { runMain } from '../support/run-main.js';

// main() sets up only the command it is asked for (start-up cost); help and unknown commands must still see them all.
describe('command registration', () => {
  it('`warden --help` lists every command, in order', async () => {
    const run = await runMain(['--help']);
    expect(run.code).toBe(0);
    expect([...run.stdout.matchAll(/^ {2}(\w[\w-]*)/gm)].map((m) => m[1])).toEqual(['scan', 'audit', 'policies', 'test', 'serve', 'audit-log', 'inventory', 'merge', 'help']);
  });

  it('an unknown command is an error that suggests the nearest one', async () => {
    const run = await runMain(['polices']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^warden: error: unknown command 'polices'\n\(Did you mean policies\?\)\n$/);
  });

  it('`warden audit` still takes the output and gating options of scan', async () => {
    const run = await runMain(['audit', '--help']);
    expect(run.stdout).toContain('--fail-on <severity>');
    expect(run.stdout).toContain('--baseline');
    expect(run.stdout).not.toContain('--var-file');
  });
});
