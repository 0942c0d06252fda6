import { createHash } from 'node:crypto';
import { TimeLimitError } from './evaluation-pool.js';
import type { EvaluationOutcome } from './evaluation.js';
import type { ServeContext } from './serve-context.js';

/** Why an evaluation gave no decision, as an HTTP status and one line. */
export interface Refusal {
  status: 400 | 500 | 503;
  reason: string;
  retryAfter?: number;
}

export type Evaluated = { ok: true; outcome: Extract<EvaluationOutcome, { ok: true }>; policySet: string } | ({ ok: false } & Refusal);

/**
 * One evaluation as every endpoint runs it: admitted within the concurrency bound, run on a worker
 * within the time limit, measured, and recorded in the audit log (on disk before a deny is answered).
 */
export async function evaluateOnce(context: ServeContext, text: string, input: string, meta: { requestId: string; caller: string; endpoint: string }): Promise<Evaluated> {
  const { metrics, admission, limits } = context;
  if (!admission.tryEnter()) {
    metrics.errors.inc({ kind: 'overloaded' });
    return { ok: false, status: 503, reason: `busy: ${admission.capacity} evaluations running or queued`, retryAfter: 1 };
  }
  const stop = metrics.latency.startTimer();
  const { set, pool } = context.active.current;
  const base = { requestId: meta.requestId, caller: meta.caller, endpoint: meta.endpoint, inputDigest: createHash('sha256').update(text).digest('hex'), policySet: set.digest };
  try {
    const outcome = await pool.run({ text, input }, limits.timeoutMs);
    if (!outcome.ok) {
      metrics.errors.inc({ kind: 'input' });
      await context.audit?.append({ ...base, decision: 'error', reason: outcome.reason }, false);
      return { ok: false, status: 400, reason: outcome.reason };
    }
    metrics.decisions.inc({ decision: outcome.decision });
    await context.audit?.append({ ...base, decision: outcome.decision, bySeverity: outcome.bySeverity, failing: outcome.failing }, outcome.decision === 'deny');
    return { ok: true, outcome, policySet: set.digest };
  } catch (error) {
    const timedOut = error instanceof TimeLimitError;
    metrics.errors.inc({ kind: timedOut ? 'timeout' : 'internal' });
    const reason = timedOut ? error.message : 'internal error during evaluation';
    if (!timedOut) context.log(`evaluation ${meta.requestId} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    // The audit write itself may be what failed: a second failure is only logged.
    await context.audit?.append({ ...base, decision: 'error', reason }, false).catch(() => context.log('audit log: write failed'));
    return timedOut ? { ok: false, status: 503, reason, retryAfter: 5 } : { ok: false, status: 500, reason };
  } finally {
    stop();
    admission.leave();
  }
}
