import type { EvaluationOutcome } from './evaluation.js';

/** Outcomes sent per result: HCP Terraform shows a bounded list; the message gives the full counts. */
const MAX_OUTCOMES = 100;

type Decided = Extract<EvaluationOutcome, { ok: true }>;

const LEVEL: Record<string, 'error' | 'warning' | 'info'> = { critical: 'error', high: 'error', medium: 'warning', low: 'info', info: 'info' };

/**
 * The JSON:API body HCP Terraform expects at `task_result_callback_url`: `passed` or `failed`, a
 * one-line message, a link, and one outcome per failing or unknown finding with Status and
 * Severity tags.
 */
export function taskResultBody(outcome: Decided, link: string | undefined): unknown {
  const reported = outcome.findings.filter((f) => f.verdict === 'fail' || f.verdict === 'unknown');
  const counts = Object.entries(outcome.bySeverity)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(', ');
  const message = outcome.decision === 'allow' ? `warden: allowed${counts ? ` (${counts} below the gate)` : ''}` : `warden: denied (${counts || 'incomplete evaluation'})`;
  return {
    data: {
      type: 'task-results',
      attributes: { status: outcome.decision === 'allow' ? 'passed' : 'failed', message, ...(link ? { url: link } : {}) },
      relationships: {
        outcomes: {
          data: reported.slice(0, MAX_OUTCOMES).map((f) => ({
            type: 'task-result-outcomes',
            attributes: {
              // The fingerprint: the same finding keeps its id from run to run.
              'outcome-id': `${f.ruleId}-${f.fingerprint}`,
              description: `${f.ruleId}: ${f.address}`.slice(0, 200),
              body: f.message,
              tags: {
                Status: [{ label: f.verdict === 'fail' ? 'Failed' : 'Unknown', level: f.verdict === 'fail' ? 'error' : 'warning' }],
                Severity: [{ label: f.severity, level: LEVEL[f.severity] ?? 'info' }],
              },
            },
          })),
        },
      },
    },
  };
}

/** The result when the run could not be evaluated: failed, never passed (a wrong setup must not pass a run). */
export function taskErrorBody(reason: string): unknown {
  return { data: { type: 'task-results', attributes: { status: 'failed', message: `warden could not evaluate the run: ${reason}`.slice(0, 500) } } };
}
