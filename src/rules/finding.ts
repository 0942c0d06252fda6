import type { Location } from '../model/location.js';
import type { SourceKind } from '../model/resource.js';
import type { Severity } from './severity.js';

/** Every verdict, in report order. */
export const VERDICTS = ['fail', 'unknown', 'suppressed', 'pass'] as const;
/** `fail`, `unknown` (a decisive input is Unknown), `suppressed` (ignored with a reason), `pass`. */
export type Verdict = (typeof VERDICTS)[number];

/** One fact that led to a verdict: the attribute path and the value found there (sensitive values redacted). */
export interface Evidence {
  path: string;
  value: unknown;
  note?: string;
}

/** One hop of a witness path (e.g. internet → igw → route table → … → DB:port). */
export interface TraceStep {
  /** What this hop is, e.g. `internet gateway`, `route 0.0.0.0/0 → igw`. */
  label: string;
  resource?: { type: string; address: string };
  location?: Location;
  detail?: string;
}

export interface Suppression {
  kind: 'inline' | 'config' | 'baseline';
  reason?: string;
  until?: string;
  by?: string;
}

/** The resource a finding is about, as reporters name it. */
export interface FindingResource {
  type: string;
  address: string;
  /** The Name tag, else the block name or live id (display-name.ts); absent in findings made elsewhere (merged reports, tests). */
  name?: string;
  source: SourceKind;
  input: string;
}

/** One verdict of one policy on one resource (or one element of it), as every reporter receives it. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  verdict: Verdict;
  message: string;
  /** The id of the policy's message template the message was made from, when the policy reported by id. */
  messageId?: string;
  /** For `unknown`: the input that could not be decided. */
  reason?: string;
  resource: FindingResource;
  location?: Location;
  evidence: Evidence[];
  remediation: string;
  fingerprint: string;
  suppression?: Suppression;
  trace?: TraceStep[];
}
