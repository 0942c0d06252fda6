/**
 * A policy that could not be loaded: a file that does not compile or exports nothing usable,
 * invalid metadata, a duplicate id. Reported as one line; the other policies still run.
 */
export interface PolicyLoadProblem {
  /** The file (with `:line` where known) or `package NAME`. */
  source: string;
  /** The policy's id, when it got far enough to have one. */
  policyId?: string;
  message: string;
}

/** `policies/tls.ts: policy lb-tls: severity must be one of critical, high, medium, low, info`. */
export function describeLoadProblem(problem: PolicyLoadProblem): string {
  return `${problem.source}: ${problem.policyId ? `policy ${problem.policyId}: ` : ''}${problem.message}`;
}
