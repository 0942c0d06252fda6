import { Unknown, isUnknown } from '../../model/unknown.js';
import { isSensitive } from '../../model/sensitive.js';
import { setEntry, type Value, type ValueObject } from '../../model/value.js';

/**
 * Limits on what a declarative policy's JSONPath walks. jsonpath-plus and the Unknown walk recurse
 * per level, so a value nested 100 000 levels deep (a hostile plan) overflows the stack, and a huge
 * one makes every `$..x` slow. Real Terraform values are a few levels deep and small.
 */
export const MAX_DOCUMENT_DEPTH = 100;
export const MAX_DOCUMENT_NODES = 100_000;

/**
 * The value as JSONPath policies see it: itself when within the limits (the common case, nothing
 * copied); otherwise a copy cut at the limits, each cut an Unknown saying why, so that a policy whose
 * path reaches it answers `unknown` instead of deciding on part of the value.
 */
export function boundedValue(value: Value): Value {
  if (isWithin(value, 0, { left: MAX_DOCUMENT_NODES })) return value;
  return copyWithin(value, 0, { left: MAX_DOCUMENT_NODES });
}

function isWithin(value: Value, depth: number, budget: { left: number }): boolean {
  if (--budget.left < 0) return false;
  if (value === null || typeof value !== 'object' || isUnknown(value) || isSensitive(value)) return true;
  if (depth >= MAX_DOCUMENT_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isWithin(item, depth + 1, budget)) return false;
    return true;
  }
  for (const key in value) if (!isWithin(value[key]!, depth + 1, budget)) return false;
  return true;
}

const TOO_DEEP = new Unknown(`nested more than ${MAX_DOCUMENT_DEPTH} levels deep: not read by JSONPath policies`);
const TOO_LARGE = new Unknown(`more than ${MAX_DOCUMENT_NODES} values in this resource: the rest is not read by JSONPath policies`);

function copyWithin(value: Value, depth: number, budget: { left: number }): Value {
  budget.left--;
  if (value === null || typeof value !== 'object' || isUnknown(value) || isSensitive(value)) return value;
  if (depth >= MAX_DOCUMENT_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    const out: Value[] = [];
    for (const item of value) {
      if (budget.left <= 0) {
        out.push(TOO_LARGE);
        break;
      }
      out.push(copyWithin(item, depth + 1, budget));
    }
    return out;
  }
  const out: ValueObject = {};
  for (const key of Object.keys(value)) {
    if (budget.left <= 0) {
      setEntry(out, key, TOO_LARGE);
      break;
    }
    setEntry(out, key, copyWithin(value[key]!, depth + 1, budget));
  }
  return out;
}
