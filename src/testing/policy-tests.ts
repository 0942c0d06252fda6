import { dirname, join } from 'node:path';
import type { LoadedPolicy } from '../rules/loading/loaded-policy.js';
import { caseTableName, readCaseTable, type CaseTable } from './case-table.js';
import { listPolicyCases, runInlinePolicyCase, runPolicyCase, type PolicyCaseResult } from './policy-cases.js';
import { runTableCase } from './run-table-case.js';

/** The outcome of one policy's cases under `warden test`. */
export interface PolicyTestOutcome {
  policyId: string;
  source: string;
  casesDir: string;
  results: PolicyCaseResult[];
  /** Why the policy could not be tested at all (no cases, a malformed case table or cases folder); counts as one failure. */
  problem?: string;
}

/** Where a policy's case table lies: `<id>.cases.yaml` beside the policy, next to its `<id>/cases` folder. */
export function caseTableFile(loaded: LoadedPolicy): string {
  return join(dirname(dirname(loaded.origin.casesDir)), caseTableName(loaded.policy.id));
}

/** The policy's case table, if it has one; a malformed table throws CaseTableError. */
export function policyCaseTable(loaded: LoadedPolicy): Promise<CaseTable | undefined> {
  return readCaseTable(caseTableFile(loaded), loaded.policy.id);
}

/**
 * Runs a policy against its case table (`<id>.cases.yaml`), its cases folder and its inline
 * examples. A policy without any case fails: its examples are its documentation and its tests, and a
 * policy without them must not pass.
 */
export async function runPolicyTests(loaded: LoadedPolicy): Promise<PolicyTestOutcome> {
  const { policy, origin } = loaded;
  const outcome: PolicyTestOutcome = { policyId: policy.id, source: origin.source, casesDir: origin.casesDir, results: [] };
  let table: CaseTable | undefined;
  let cases;
  try {
    table = await policyCaseTable(loaded);
    cases = listPolicyCases(origin.casesDir);
  } catch (error) {
    outcome.problem = error instanceof Error ? error.message : String(error);
    return outcome;
  }
  for (const c of table?.cases ?? []) outcome.results.push(...(await runTableCase(policy, table!, c)));
  for (const policyCase of cases) outcome.results.push(await runPolicyCase(policy, policyCase));
  for (const example of loaded.examples ?? []) outcome.results.push(runInlinePolicyCase(policy, example));
  if (outcome.results.length === 0) {
    const inline = origin.kind === 'file' && /\.policy\.(ya?ml|json)$/.test(origin.source) ? ' or inline examples' : '';
    outcome.problem = `no cases: add ${caseTableFile(loaded)} (or ${origin.casesDir}/{pass,fail,unknown}/*.json)${inline}`;
  }
  return outcome;
}
