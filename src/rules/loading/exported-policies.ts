/**
 * The policy-like values a module exports: its default export and named exports, each a policy or
 * an array of policies (a pack). Other exports (helpers, constants) are ignored. A value counts as
 * policy-like when it was made by definePolicy or has an id and a check function, so that a plain
 * object with a mistake in it is reported rather than silently skipped.
 */
export function exportedPolicyCandidates(namespace: unknown): object[] {
  const found: object[] = [];
  const seen = new Set<object>();
  const add = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) add(item);
      return;
    }
    if (!isPolicyLike(value) || seen.has(value)) return;
    seen.add(value);
    found.push(value);
  };
  if (typeof namespace !== 'object' || namespace === null) return found;
  const exports = namespace as Record<string, unknown>;
  // Default first: a file that exports `default` and names the same policy lists it once, in that order.
  if ('default' in exports) {
    const fallback = exports['default'];
    add(fallback);
    // CommonJS `module.exports = { a, b }` arrives as a default object: look one level into it.
    if (typeof fallback === 'object' && fallback !== null && !Array.isArray(fallback) && !isPolicyLike(fallback)) {
      for (const value of Object.values(fallback)) add(value);
    }
  }
  for (const [name, value] of Object.entries(exports)) if (name !== 'default') add(value);
  return found;
}

function isPolicyLike(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record['kind'] === 'warden-policy' || (typeof record['id'] === 'string' && 'check' in record);
}
