import { describe, expect, it } from 'vitest';
import { readActionInputs } from '../../src/action/action-inputs.js';

describe('action inputs', () => {
  it('reads INPUT_<NAME> with hyphens kept, and splits path on newlines and spaces', () => {
    const inputs = readActionInputs({
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
    expect(readActionInputs({ 'INPUT_ALLOW-CODE-POLICIES': 'true' }).allowCodePolicies).toBe(true);
  });

  it('rejects a boolean input that is not true or false', () => {
    expect(() => readActionInputs({ INPUT_SUMMARY: 'yes' })).toThrow('summary: "yes" is not true or false');
  });
});
