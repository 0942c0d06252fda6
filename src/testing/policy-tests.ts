import type { LoadedPolicy } from '../rules/loading/loaded-policy.js';
import { listPolicyCases, runInlinePolicyCase, runPolicyCase, type PolicyCaseResult } from './policy-cases.js';

/** The outcome of one policy's cases under `warden test`. */
export interface PolicyTestOutcome {
  policyId: string;
  source: string;
  casesDir: string;
  results: PolicyCaseResult[];
  /** Why the policy could not be tested at all (no cases, a malformed cases folder); counts as one failure. */
  problem?: string;
}

/**
 * Runs a policy against its cases folder and its inline examples. A policy without any case fails:
 * its examples are its documentation and its tests, and a policy without them must not pass.
 */
export async function runPolicyTests(loaded: LoadedPolicy): Promise<PolicyTestOutcome> {
  const { policy, origin } = loaded;
  const outcome: PolicyTestOutcome = { policyId: policy.id, source: origin.source, casesDir: origin.casesDir, results: [] };
  let cases;
  try {
    cases = listPolicyCases(origin.casesDir);
  } catch (error) {
    outcome.problem = error instanceof Error ? error.message : String(error);
    return outcome;
  }
  for (const policyCase of cases) outcome.results.push(await runPolicyCase(policy, policyCase));
  for (const example of loaded.examples ?? []) outcome.results.push(runInlinePolicyCase(policy, example));
  if (outcome.results.length === 0) {
    outcome.problem = `no cases: add ${origin.casesDir}/{pass,fail,unknown}/*.json${origin.kind === 'file' && /\.policy\.(ya?ml|json)$/.test(origin.source) ? ' or inline examples' : ''}`;
  }
  return outcome;
}
