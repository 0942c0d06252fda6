/** The warden package entry: the policy API that built-in and user policies are written against. */
export * from './api.js';
// For users' own test suites (vitest, node:test): run a policy's cases folder like `warden test` does.
export { policyCaseTests, runPolicyCases, runPolicyCase, listPolicyCases, formatCaseResult } from './testing/policy-cases.js';
export { readCaseTable, type CaseTable, type TableCase } from './testing/case-table.js';
export { runTableCase } from './testing/run-table-case.js';
export type { PolicyCase, PolicyCaseResult, ExpectedFinding, CaseKind } from './testing/policy-cases.js';
