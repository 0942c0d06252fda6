import { hash } from 'node:crypto';

/**
 * A finding's identity across runs: rule + resource identity + the offending element (e.g. the rule's
 * protocol/ports/CIDR). Never line numbers, so it survives reformatting, moves and re-ordering.
 * One-shot `hash` rather than a Hash object per finding: a large plan yields 100k findings.
 */
export function fingerprint(ruleId: string, resourceIdentity: string, element: string): string {
  return hash('sha256', `${ruleId}\u0000${resourceIdentity}\u0000${element}`, 'hex').slice(0, 32);
}
