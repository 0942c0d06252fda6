import type { Finding, Verdict } from '../rules/finding.js';
import { severityRank } from '../rules/severity.js';

const VERDICT_ORDER: Record<Verdict, number> = { fail: 0, unknown: 1, suppressed: 2, pass: 3 };

/** What the report order reads: a finding, or a pass recorded without a fingerprint (PassRecord). */
export type Ordered = Pick<Finding, 'ruleId' | 'severity' | 'verdict' | 'resource' | 'location'> & { fingerprint?: string };

/**
 * The sort fields of one item, read once instead of in every one of the n log n comparisons, with
 * the item itself: one object per item rather than a key and a wrapper (a large plan sorts 137k).
 */
interface OrderKey<T> {
  item: T;
  input: string;
  file: string;
  /** Line, then verdict, then severity (worst first), as one number. */
  rank: number;
  ruleId: string;
  address: string;
  /** The fingerprint; the resource type for a pass recorded without one. */
  last: string;
}

/** A stable order for every output: by input, file position, verdict, severity, then rule and resource. */
export function sortFindings<T extends Ordered>(items: T[]): void {
  const keyed = items.map(orderKey);
  keyed.sort(compareKeys);
  for (let i = 0; i < keyed.length; i++) items[i] = keyed[i]!.item;
}

/** Two lists, each already in that order, walked as one list in that order (findings and counted passes). */
export function* mergeInOrder<A extends Ordered, B extends Ordered>(first: readonly A[], second: readonly B[]): Generator<A | B> {
  let i = 0;
  let j = 0;
  // Compared in place, without an order key per item: a large plan merges 100k+ passes here.
  while (i < first.length && j < second.length) {
    if (compareItems(first[i]!, second[j]!) <= 0) yield first[i++]!;
    else yield second[j++]!;
  }
  for (; i < first.length; i++) yield first[i]!;
  for (; j < second.length; j++) yield second[j]!;
}

function orderKey<T extends Ordered>(item: T): OrderKey<T> {
  return { item, input: item.resource.input, file: fileOf(item), rank: rankOf(item), ruleId: item.ruleId, address: item.resource.address, last: lastOf(item) };
}

/** The same order as compareKeys(orderKey(a), orderKey(b)), read from the items themselves. */
function compareItems(a: Ordered, b: Ordered): number {
  return (
    cmp(a.resource.input, b.resource.input) ||
    cmp(fileOf(a), fileOf(b)) ||
    rankOf(a) - rankOf(b) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.resource.address, b.resource.address) ||
    cmp(lastOf(a), lastOf(b))
  );
}

function fileOf(item: Ordered): string {
  return item.location?.kind === 'source' ? item.location.file : '';
}

/** Line, then verdict, then severity (worst first), as one number. */
function rankOf(item: Ordered): number {
  const line = item.location?.kind === 'source' ? item.location.startLine ?? 0 : 0;
  // Severity rank is 1–5 and verdicts 0–3: 64 per line keeps the three apart.
  return line * 64 + VERDICT_ORDER[item.verdict] * 8 + (8 - severityRank(item.severity));
}

function lastOf(item: Ordered): string {
  return item.fingerprint ?? item.resource.type;
}

function compareKeys(a: OrderKey<unknown>, b: OrderKey<unknown>): number {
  return cmp(a.input, b.input) || cmp(a.file, b.file) || a.rank - b.rank || cmp(a.ruleId, b.ruleId) || cmp(a.address, b.address) || cmp(a.last, b.last);
}

function cmp(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
