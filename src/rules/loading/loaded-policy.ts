import type { InlinePolicyCase } from './inline-policy-case.js';
import type { Policy } from '../policy.js';

/** Where a policy was defined: for error messages, duplicate-id reports and `warden test`. */
export interface PolicyOrigin {
  kind: 'builtin' | 'file' | 'package';
  /** The defining file (as the user gave its directory), or `package NAME`. */
  source: string;
  /** Where its cases live (`<dir>/<id>/cases/{pass,fail,unknown}/*.json`), whether or not the folder exists. */
  casesDir: string;
}

/** A policy together with where it came from and any examples written inline (declarative policies). */
export interface LoadedPolicy {
  policy: Policy;
  origin: PolicyOrigin;
  examples?: InlinePolicyCase[];
}
