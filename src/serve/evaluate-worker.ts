import { workerData } from 'node:worker_threads';
import { InputError } from '../engines/input-error.js';
import { toJsonDocument } from '../report/json/json-report.js';
import { decide, evaluateDocument } from '../scan/evaluate-document.js';
import type { EvaluationOutcome, EvaluationTask, WorkerSetup } from './evaluation.js';
import type { PolicySetModule } from './policy-set.js';

// A worker of the evaluation pool: it loads the policy set once (policies are code, which cannot be
// sent to a thread) and evaluates documents off the server's event loop.
const setup = workerData as WorkerSetup;
const { loadPolicySet } = (await import(setup.loaderUrl)) as PolicySetModule;
const set = await loadPolicySet(setup.source);

export default function evaluate(task: EvaluationTask): EvaluationOutcome {
  let result;
  try {
    result = evaluateDocument(task.text, task.input, set.settings, set.inventories);
  } catch (error) {
    if (error instanceof InputError) return { ok: false, reason: error.message };
    throw error;
  }
  const failing = result.findings.filter((f) => f.verdict === 'fail');
  return {
    ok: true,
    decision: decide(result, set.gate),
    // Compact: the document goes into an HTTP response, not a file a person reads.
    reportJson: JSON.stringify(toJsonDocument(result)),
    bySeverity: result.summary.bySeverity,
    failing: failing.map((f) => f.fingerprint),
    findings: result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, verdict: f.verdict, message: f.message, address: f.resource.address, fingerprint: f.fingerprint })),
  };
}
