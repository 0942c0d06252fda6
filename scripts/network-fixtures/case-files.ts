import { join } from 'node:path';
import { buildPlan, type Json } from './plan-builder.js';
import type { Expected, NetworkCase } from './network-cases.js';

export const POLICY_SEVERITY = { 'db-internet-reachable': 'critical', 'db-publicly-accessible': 'medium' } as const;
export type NetworkPolicyId = keyof typeof POLICY_SEVERITY;

/** The harness folder a case goes to for one policy (`fail`, `unknown` or `pass`). */
export function caseKind(expected: Expected): 'fail' | 'unknown' | 'pass' {
  return expected === 'none' ? 'pass' : expected;
}

export function expectedFor(c: NetworkCase, policy: NetworkPolicyId): Expected {
  return policy === 'db-internet-reachable' ? c.reachable : c.publiclyAccessible;
}

/** `<root>/<policy>/<kind>/<name>.json`: where the generator writes a case's plan. */
export function casePath(root: string, c: NetworkCase, policy: NetworkPolicyId): string {
  return join(root, policy, caseKind(expectedFor(c, policy)), `${c.name}.json`);
}

/** The plan, with the policy's expected findings in `warden_expect` (a folder case, as src/testing/policy-cases.ts reads it). */
export function caseText(c: NetworkCase, policy: NetworkPolicyId): string {
  const expected = expectedFor(c, policy);
  const expect: Json[] = expected === 'none' ? [] : [{ verdict: expected, severity: POLICY_SEVERITY[policy], address: c.database }];
  return `${JSON.stringify(buildPlan(c.specs, { header: { warden_expect: expect } }), null, 2)}\n`;
}
