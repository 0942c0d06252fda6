import { isUnknown, Unknown } from './unknown.js';
import type { Value } from './value.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days from `then` to `now`, both ISO times; `now` is the audit's collection time (a record's
 * `collected_at`), never the clock at scan time, so a saved inventory scanned later gives the same
 * verdicts. Unknown when `now` is, or either is not a time.
 */
export function daysBetween(then: string, now: Value): number | Unknown {
  if (isUnknown(now)) return now;
  const end = typeof now === 'string' ? Date.parse(now) : NaN;
  const start = Date.parse(then);
  if (Number.isNaN(end)) return new Unknown('the collection time of the audit is not recorded');
  if (Number.isNaN(start)) return new Unknown(`"${then}" is not a time`);
  return Math.floor((end - start) / DAY_MS);
}
