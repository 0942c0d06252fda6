import { resolve } from 'node:path';
import { InputError } from '../engines/input-error.js';
import { loadInput, resourceKey, type LoadedInput, type LoadOptions } from '../engines/load-input.js';
import type { Finding } from '../rules/finding.js';
import type { PassRecord } from '../rules/pass-record.js';
import { applyInlineIgnores, unknownRuleIgnores } from '../rules/suppressions.js';
import { displayPath } from './display-path.js';
import { evaluateInventory, finishScan, type EvaluationSettings, type Evaluated } from './finish-scan.js';
import { describeInternalError } from './internal-error.js';
import type { InputSummary, ScanResult } from './scan-result.js';

export { policyMeta } from './policy-meta.js';

export interface ScanRequest extends EvaluationSettings {
  paths: readonly string[];
  cwd: string;
  /** Every policy id loaded, selected or not: an inline ignore naming another id is a typo, warned of. */
  knownRuleIds?: readonly string[];
  /** Variable values and source locations for the engines. */
  load?: LoadOptions;
}

/** Drops the findings and passes added since `first`/`firstPass` that are neither about a resource of `only` nor located in its file. */
function keepOnly({ findings, passes }: Evaluated, first: number, firstPass: number, only: NonNullable<LoadedInput['only']>): void {
  const keep = (f: Finding | PassRecord): boolean => only.resources.has(resourceKey(f.resource)) || (f.location?.kind === 'source' && f.location.file === only.file);
  const kept = findings.splice(first).filter(keep);
  for (const finding of kept) findings.push(finding);
  const keptPasses = passes.splice(firstPass).filter(keep);
  for (const pass of keptPasses) passes.push(pass);
}

/** Loads every input (a bad one, or one an engine fails on, is recorded; the others are still scanned) and runs the policies on each. */
export async function runScan(request: ScanRequest): Promise<ScanResult> {
  const inputs: InputSummary[] = [];
  const evaluated: Evaluated = { findings: [], passes: [], gaps: [] };
  const { findings, passes, gaps } = evaluated;
  const warnings: string[] = [];
  const notes: string[] = [];
  const today = request.today ?? new Date().toISOString().slice(0, 10);
  for (const path of request.paths) {
    const display = displayPath(path, request.cwd);
    const first = findings.length;
    const firstPass = passes.length;
    const firstGap = gaps.length;
    try {
      const loaded = await loadInput(resolve(request.cwd, path), display, { cwd: request.cwd, ...request.load });
      const inventories = loaded.inventories ?? [loaded.inventory];
      for (const inventory of inventories) evaluateInventory(inventory, request, evaluated);
      if (loaded.only) keepOnly(evaluated, first, firstPass, loaded.only);
      gaps.push(...(loaded.gaps ?? []));
      if (findings.slice(first).some((f) => f.verdict === 'fail' || f.verdict === 'unknown')) notes.push(...(loaded.findingNotes ?? []));
      warnings.push(...(loaded.warnings ?? []), ...applyInlineIgnores(findings.slice(first), loaded.ignores ?? [], today));
      if (request.knownRuleIds) warnings.push(...unknownRuleIgnores(loaded.ignores ?? [], request.knownRuleIds));
      const all = inventories.flatMap((inventory) => inventory.resources);
      const counted = loaded.only ? all.filter((r) => loaded.only!.resources.has(resourceKey(r))) : all;
      const resources = counted.length;
      const awsResources = counted.filter((r) => r.type.startsWith('aws_')).length;
      inputs.push({ path: display, kind: loaded.kind, status: 'scanned', resources, awsResources, details: loaded.details });
    } catch (error) {
      // One input must not stop the others, even through a bug in an engine: what it added is dropped.
      findings.length = first;
      passes.length = firstPass;
      gaps.length = firstGap;
      const message = error instanceof InputError ? error.message : describeInternalError(error, display);
      inputs.push({ path: display, kind: 'unknown', status: 'error', error: message });
      gaps.push({ scope: 'input', target: display, message });
    }
  }
  return finishScan('scan', { ...evaluated, inputs, warnings, notes }, request);
}
