import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMain, stderrBesidesNotes } from '../support/run-main.js';

const PLAN = fileURLToPath(new URL('../fixtures/policies/mixed-plan.json', import.meta.url));

describe('flag values in any case', () => {
  it('accepts --fail-on HIGH like --fail-on high', async () => {
    const lower = await runMain(['scan', PLAN, '--fail-on', 'high', '-f', 'json']);
    const upper = await runMain(['scan', PLAN, '--fail-on', 'HIGH', '-f', 'json']);
    expect(stderrBesidesNotes(upper.stderr)).toBe('');
    expect(upper.code).toBe(lower.code);
    expect(upper.stdout).toBe(lower.stdout);
    const mixed = await runMain(['scan', PLAN, '--fail-on', 'Critical', '-q']);
    expect(mixed.code).toBe(0);
  });

  it('accepts --format, --report and --unknown in capitals; a wrong value is still named as given', async () => {
    const json = await runMain(['scan', PLAN, '--format', 'JSON', '--unknown', 'Fail']);
    expect(stderrBesidesNotes(json.stderr)).toBe('');
    expect(JSON.parse(json.stdout)).toHaveProperty('schemaVersion');
    const wrong = await runMain(['scan', PLAN, '--fail-on', 'HIGHEST']);
    expect(wrong).toMatchObject({ code: 2, stderr: 'warden: --fail-on: "HIGHEST" is not one of critical, high, medium, low, none\n' });
  });
});
