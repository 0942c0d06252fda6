import { afterEach, describe, expect, it, vi } from 'vitest';
import { readActionInputs } from '../../src/action/action-inputs.js';

/** Sets the runner's INPUT_* variables for one read. */
function readWith(env: Record<string, string>): ReturnType<typeof readActionInputs> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return readActionInputs();
}
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('action inputs', () => {
  it('reads INPUT_<NAME> with hyphens kept, and splits path on newlines and spaces', () => {
    const inputs = readWith({
      INPUT_PATH: 'infra/network\ninfra/db  modules ',
      'INPUT_FAIL-ON': 'high',
      'INPUT_WORKING-DIRECTORY': 'terraform',
      INPUT_ANNOTATIONS: 'False',
    });
    expect(inputs).toMatchObject({
      paths: ['infra/network', 'infra/db', 'modules'],
      failOn: 'high',
      workingDirectory: 'terraform',
      annotations: false,
      summary: true,
      sarifFile: 'warden.sarif',
    });
    expect(inputs.plan).toBeUndefined();
    // Code policies from the pull request's warden.yaml stay off unless the workflow says otherwise.
    expect(inputs.allowCodePolicies).toBe(false);
    expect(readWith({ 'INPUT_ALLOW-CODE-POLICIES': 'true' }).allowCodePolicies).toBe(true);
  });

  it('rejects a boolean input that is not true or false', () => {
    expect(() => readWith({ INPUT_SUMMARY: 'yes' })).toThrow('summary: "yes" is not true or false');
  });
});
