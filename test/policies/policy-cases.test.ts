import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { builtinCasesDir } from '../../src/rules/loading/warden-package.js';
import type { LoadedPolicy } from '../../src/rules/loading/loaded-policy.js';
import { formsOf, runTableCase } from '../../src/testing/run-table-case.js';
import { formatCaseResult, listPolicyCases, runPolicyCase, type PolicyCaseResult } from '../../src/testing/policy-cases.js';
import { policyCaseTable } from '../../src/testing/policy-tests.js';

/**
 * Every built-in policy's cases, one test per case and form: the case table `policies/<id>.cases.yaml`
 * and any folder cases not yet converted. Adding a policy adds no test file here.
 */
const loaded: LoadedPolicy[] = builtinPolicies.map((policy) => ({ policy, origin: { kind: 'builtin', source: `built-in ${policy.id}`, casesDir: builtinCasesDir(policy.id) } }));

function check(result: PolicyCaseResult | undefined, name: string): void {
  if (!result) throw new Error(`${name}: no result`);
  if (!result.ok) throw new Error(formatCaseResult(result));
}

for (const policy of loaded) {
  const table = await policyCaseTable(policy);
  const folderCases = listPolicyCases(policy.origin.casesDir);
  describe(policy.policy.id, () => {
    it('has cases', () => {
      expect((table?.cases.length ?? 0) + folderCases.length).toBeGreaterThan(0);
    });
    for (const c of table?.cases ?? []) {
      // The forms of a case run together (a `same` case compares them); each form reports as its own test.
      let run: Promise<PolicyCaseResult[]> | undefined;
      const results = (): Promise<PolicyCaseResult[]> => (run ??= runTableCase(policy.policy, table!, c));
      for (const form of [...formsOf(c), ...(c.same ? ['same'] : [])]) {
        const name = `${c.name} [${form}]`;
        it(name, async () => check((await results()).find((r) => r.name === name), name));
      }
    }
    for (const policyCase of folderCases) {
      it(policyCase.name, async () => check(await runPolicyCase(policy.policy, policyCase), policyCase.name));
    }
  });
}
