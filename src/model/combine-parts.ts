/** Helpers for joining the parts of one run split across machines (saved inventories, JSON reports). */

/** Parts that cannot be joined without losing or doubling something: `PART: why`, one line. */
export class PartsConflict extends Error {
  constructor(part: string, reason: string) {
    super(`${part}: ${reason}`);
    this.name = 'PartsConflict';
  }
}

/** Adds numbers at the same paths of two count records (API calls by service, operation, target); keeps what only one side has. */
export function addCounts<T>(a: T, b: T): T {
  if (typeof a === 'number' && typeof b === 'number') return (a + b) as T;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [key, value] of Object.entries(b as Record<string, unknown>)) out[key] = key in out ? addCounts(out[key], value) : value;
    return out as T;
  }
  return a ?? b;
}

/** Each item once (equal as JSON), in first-seen order: a gap or warning every part reported. */
export function uniqueItems<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
