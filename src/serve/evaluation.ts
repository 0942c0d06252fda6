import type { Severity } from '../rules/severity.js';
import type { Decision } from '../scan/evaluate-document.js';
import type { PolicySource } from './policy-set.js';

/** What a worker needs to load the policy set itself: the loader module's URL and where the policies are. */
export interface WorkerSetup {
  loaderUrl: string;
  source: PolicySource;
}

export interface EvaluationTask {
  /** The body as sent: a plan or a resource request, JSON text. */
  text: string;
  /** The name findings and errors use for it (`request`, or the run id). */
  input: string;
}

/** The outcome of one evaluation, as plain data: it crosses from the worker thread. */
export type EvaluationOutcome =
  | {
      ok: true;
      decision: Decision;
      /** The JSON report (schemas/warden-report.schema.json), serialised in the worker. */
      reportJson: string;
      /** Counts of failing findings by severity, and the fingerprints of the failing ones: for the audit log. */
      bySeverity: Record<Severity, number>;
      failing: string[];
      findings: { ruleId: string; severity: Severity; verdict: string; message: string; address: string; fingerprint: string }[];
    }
  /** The document could not be read: the same one-line reason `warden scan` prints. */
  | { ok: false; reason: string };
