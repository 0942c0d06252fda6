import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { builtinCasesDir } from '../../src/rules/loading/warden-package.js';
import { runPolicyTests } from '../../src/testing/policy-tests.js';
import { runMain } from '../support/run-main.js';

describe('built-in policies report by message id', () => {
  it('warden policies show --format json lists the message templates by id', async () => {
    const run = await runMain(['policies', 'show', 'state-backend-unlocked', '--format', 'json']);
    expect((JSON.parse(run.stdout) as { messages?: Record<string, string> }).messages).toMatchObject({ locked: 'the S3 state backend locks the state ({{how}})' });
  });

  for (const policy of builtinPolicies) {
    it(`${policy.id}: every finding of its cases names one of its declared messages`, async () => {
      const declared = Object.keys(policy.messages ?? {});
      expect(declared.length).toBeGreaterThan(0);
      const outcome = await runPolicyTests({ policy, origin: { kind: 'builtin', source: `built-in ${policy.id}`, casesDir: builtinCasesDir(policy.id) } });
      const findings = outcome.results.flatMap((r) => r.findings);
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) expect(declared, `${finding.resource.address}: ${finding.message}`).toContain(finding.messageId);
    });
  }
});
