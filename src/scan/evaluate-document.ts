import { loadDocumentText } from '../engines/load-document.js';
import { exitCodeFor, EXIT, type GateOptions } from './exit-code.js';
import { evaluateInventory, finishScan, type EvaluationSettings, type Evaluated } from './finish-scan.js';
import type { ScanResult } from './scan-result.js';

/** What the decision service answers: allow only when `warden scan` with the same gate would exit 0. */
export type Decision = 'allow' | 'deny';

/**
 * Evaluates one document sent to the decision service (a plan or a resource request) with the same
 * steps as `warden scan` on a plan file: load into an Inventory, run the policies, apply config
 * ignores and the unknown mode. Throws InputError for a document that cannot be read.
 */
export function evaluateDocument(text: string, input: string, settings: EvaluationSettings): ScanResult {
  const document = loadDocumentText(text, input);
  const evaluated: Evaluated = { findings: [], passes: [], gaps: [] };
  evaluateInventory(document.inventory, settings, evaluated);
  const details = document.kind === 'request' ? { document: 'resource request' } : document.details;
  const { resources } = document.inventory;
  const awsResources = resources.filter((r) => r.type.startsWith('aws_')).length;
  const inputs = [{ path: input, kind: 'plan' as const, status: 'scanned' as const, resources: resources.length, awsResources, details }];
  return finishScan('scan', { ...evaluated, inputs }, settings);
}

/** A wrong configuration never ends in allow: an incomplete evaluation (a policy failed) denies too. */
export function decide(result: ScanResult, gate: GateOptions): Decision {
  return exitCodeFor(result, { ...gate, allowIncomplete: false }) === EXIT.ok ? 'allow' : 'deny';
}
