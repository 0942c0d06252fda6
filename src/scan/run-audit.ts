import { buildInventories } from '../engines/live/build-inventories.js';
import type { LiveAuditOptions, LiveCollection } from '../engines/live/collect-live.js';
import { evaluateInventory, finishScan, type EvaluationSettings, type Evaluated } from './finish-scan.js';
import { policyReads } from './policy-reads.js';
import type { CoverageGap, InputSummary, ScanResult } from './scan-result.js';

export interface AuditRequest extends EvaluationSettings {
  live: LiveAuditOptions;
  /** Called with what was read before the policies run (`--save-inventory`). */
  onCollected?: (collection: LiveCollection) => void;
}

/**
 * `warden audit`: reads the live estate, then runs the policies on each (account, region) as `scan`
 * does on a file. Every (account, region) is an input; one where nothing at all could be read (and an
 * account that could not be entered) is an input in error, so that an audit that read nothing exits 2.
 */
export async function runAudit(request: AuditRequest): Promise<ScanResult> {
  const { collectLive } = await import('../engines/live/collect-live.js');
  // Only what the selected policies read is fetched (--only, --skip, --framework narrow the calls).
  // A caller's readsType (--save-inventory: everything) wins, with every attribute of what it reads.
  const reads = policyReads(request.policies);
  const narrowing = request.live.readsType ? {} : { ...(reads.readsType ? { readsType: reads.readsType } : {}), ...(reads.readsAttribute ? { readsAttribute: reads.readsAttribute } : {}) };
  const collection = await collectLive({ ...request.live, ...narrowing });
  request.onCollected?.(collection);
  const evaluated: Evaluated = { findings: [], passes: [], gaps: [...reads.gaps, ...collection.gaps] };
  const inputs: InputSummary[] = [];
  // A target with nothing read is in error only when something failed there: a narrowed audit may make no call in it.
  const failedAt = new Set(collection.gaps.map((g) => g.target));
  const unread = new Map(
    collection.recording.targets.filter((t) => Object.keys(t.responses).length === 0 && failedAt.has(`${t.account}/${t.region}`)).map((t) => [`${t.account}/${t.region}`, t]),
  );
  for (const inventory of buildInventories(collection.recording)) {
    const failed = unread.has(inventory.input) && inventory.resources.length === 0;
    if (failed) {
      inputs.push({ path: inventory.input, kind: 'live', status: 'error', error: failureOf(inventory.input, collection.gaps) });
      continue;
    }
    evaluateInventory(inventory, request, evaluated);
    inputs.push({ path: inventory.input, kind: 'live', status: 'scanned', resources: inventory.resources.length, details: { source: collection.recording.source } });
  }
  for (const gap of collection.gaps) {
    if (gap.scope === 'account') inputs.push({ path: gap.target, kind: 'live', status: 'error', error: gap.message });
  }
  // Nothing was read at all (e.g. the aggregator query failed): each failure is an input in error.
  if (inputs.length === 0) for (const gap of collection.gaps) inputs.push({ path: gap.target, kind: 'live', status: 'error', error: gap.message });
  return finishScan('audit', { ...evaluated, inputs, apiCalls: collection.apiCalls }, request);
}

function failureOf(target: string, gaps: readonly CoverageGap[]): string {
  const mine = gaps.filter((g) => g.target === target).map((g) => g.message);
  return mine.length > 0 ? mine.join('; ') : `${target}: nothing could be read`;
}
