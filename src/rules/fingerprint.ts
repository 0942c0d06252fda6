import { createHash } from 'node:crypto';

/**
 * A finding's identity across runs: rule + resource identity + the offending element (e.g. the rule's
 * protocol/ports/CIDR). Never line numbers, so it survives reformatting, moves and re-ordering.
 */
export function fingerprint(ruleId: string, resourceIdentity: string, element: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${resourceIdentity}\u0000${element}`).digest('hex').slice(0, 32);
}
