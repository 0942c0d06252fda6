import type { SavedInventory } from '../engines/live/load-saved-inventory.js';
import { loadDocumentText } from '../engines/load-document.js';
import type { JoinedInventory } from '../engines/request/inventory-join.js';
import { Inventory } from '../model/inventory.js';
import { createBaseline } from '../rules/baseline.js';
import type { Finding } from '../rules/finding.js';
import { toolInfo } from '../version.js';
import { applyBaseline } from './apply-baseline.js';
import { exitCodeFor, EXIT, type GateOptions } from './exit-code.js';
import { evaluateInventory, finishScan, type EvaluationSettings, type Evaluated } from './finish-scan.js';
import type { ScanResult } from './scan-result.js';

/** What the decision service answers: allow only when `warden scan` with the same gate would exit 0. */
export type Decision = 'allow' | 'deny';

/**
 * Evaluates one document sent to the decision service (a plan or a resource request) with the same
 * steps as `warden scan` on a plan file: load into an Inventory, run the policies, apply config
 * ignores and the unknown mode. Throws InputError for a document that cannot be read.
 *
 * A request that joins a saved inventory is evaluated together with that estate, and the findings the
 * estate already had without the request are reported as baselined: the decision is about what the
 * request adds (a new rule that exposes an existing database denies; an old finding elsewhere does not).
 */
export function evaluateDocument(text: string, input: string, settings: EvaluationSettings, known?: ReadonlyMap<string, SavedInventory>): ScanResult {
  const document = loadDocumentText(text, input, known);
  const evaluated: Evaluated = { findings: [], passes: [], gaps: [] };
  const { join } = document;
  const inventory = join ? new Inventory([...join.existing.resources, ...document.inventory.resources], input, document.inventory.configuration) : document.inventory;
  evaluateInventory(inventory, settings, evaluated);
  if (join) evaluated.gaps.push(...join.gaps);
  const details = document.kind === 'request' ? { document: 'resource request', ...(join ? { joins: join.label } : {}) } : document.details;
  const { resources } = document.inventory;
  const awsResources = resources.filter((r) => r.type.startsWith('aws_')).length;
  const inputs = [{ path: input, kind: 'plan' as const, status: 'scanned' as const, resources: resources.length, awsResources, details }];
  const result = finishScan('scan', { ...evaluated, inputs }, settings);
  return join ? applyBaseline(result, createBaseline(findingsWithout(join, settings), toolInfo(), '')) : result;
}

/** The findings of the joined estate alone, once per estate and policy set (a saved inventory serves many requests). */
const estateFindings = new WeakMap<EvaluationSettings, WeakMap<Inventory, Finding[]>>();

function findingsWithout(join: JoinedInventory, settings: EvaluationSettings): Finding[] {
  let bySettings = estateFindings.get(settings);
  if (!bySettings) estateFindings.set(settings, (bySettings = new WeakMap()));
  let findings = bySettings.get(join.existing);
  if (!findings) {
    const alone: Evaluated = { findings: [], passes: [], gaps: [] };
    evaluateInventory(join.existing, { ...settings, passMode: 'omit' }, alone);
    findings = alone.findings;
    bySettings.set(join.existing, findings);
  }
  return findings;
}

/** A wrong configuration never ends in allow: an incomplete evaluation (a policy failed) denies too. */
export function decide(result: ScanResult, gate: GateOptions): Decision {
  return exitCodeFor(result, { ...gate, allowIncomplete: false }) === EXIT.ok ? 'allow' : 'deny';
}
