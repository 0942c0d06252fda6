/** The three kinds of case: what a case shows the policy doing. */
export const CASE_KINDS = ['pass', 'fail', 'unknown'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * A case held in memory rather than in a file (examples written inside a declarative policy): the
 * same plan document a case file holds, with its `warden_expect` and optional `warden_options`.
 * Loading produces it; the case harness (src/testing) runs it.
 */
export interface InlinePolicyCase {
  name: string;
  kind: CaseKind;
  /** Where the case is written, for messages (`policies/no-public-buckets.yaml: examples[2]`). */
  source: string;
  plan: unknown;
}
