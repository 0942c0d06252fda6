import { plural } from './format-value.js';
import type { ScanResult } from '../scan/scan-result.js';

/** How much a run looked at: every reporter's summary says it, so that "no findings" from nothing scanned is never mistaken for a clean bill. */
export interface RunScope {
  policies: number;
  /** Resources in the inputs that were read. */
  resources: number;
  /** Inputs read in which no AWS resource was recognised (a wrong file, another provider, an empty module). */
  withoutAwsResources: string[];
}

export function runScope(result: ScanResult): RunScope {
  const scanned = result.inputs.filter((input) => input.status === 'scanned');
  return {
    policies: result.policies.length,
    resources: scanned.reduce((sum, input) => sum + (input.resources ?? 0), 0),
    withoutAwsResources: scanned.filter((input) => input.awsResources === 0).map((input) => input.path),
  };
}

/** `11 policies ran on 42 resources`. */
export function scopeText(scope: RunScope): string {
  return `${plural(scope.policies, 'policy', 'policies')} ran on ${plural(scope.resources, 'resource')}`;
}

/** `0 AWS resources recognised in plan.json: nothing for the AWS policies to check`. */
export function noAwsResourcesText(input: string): string {
  return `0 AWS resources recognised in ${input}: nothing for the AWS policies to check`;
}
