import { REDACTED, Sensitive, isSensitive } from '../../../model/sensitive.js';
import { forEachScalar } from '../../../model/sensitive-marks.js';
import { Unknown, isUnknown } from '../../../model/unknown.js';
import { isValueObject, setEntry, type Value, type ValueObject } from '../../../model/value.js';
import { EvalError } from './eval-error.js';

/**
 * Raised inside a function or operator that needs a concrete value and met an Unknown; the caller
 * turns it into that Unknown as the result.
 */
export class NeedsKnown extends Error {
  constructor(readonly unknown: Unknown) {
    super(unknown.reason);
  }
}

export function typeName(value: Value | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'list';
  if (isUnknown(value)) return 'unknown';
  if (isSensitive(value)) return 'sensitive';
  return 'object';
}

/** The first Unknown anywhere inside a value. */
export function firstUnknown(value: Value | undefined): Unknown | undefined {
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  } else if (isValueObject(value)) {
    for (const key in value) {
      const found = firstUnknown(value[key]);
      if (found) return found;
    }
  }
  return undefined;
}

export function containsSensitive(value: Value | undefined): boolean {
  if (isSensitive(value)) return true;
  if (Array.isArray(value)) return value.some(containsSensitive);
  if (isValueObject(value)) {
    for (const key in value) if (containsSensitive(value[key])) return true;
  }
  return false;
}

/** The value with every Sensitive wrapper removed (for computing a result that is then marked sensitive as a whole). */
export function reveal(value: Value): Value {
  if (isSensitive(value)) return reveal(value.reveal() as Value);
  if (Array.isArray(value)) return value.map(reveal);
  if (isValueObject(value)) {
    const out: ValueObject = {};
    for (const key in value) setEntry(out, key, reveal(value[key]!));
    return out;
  }
  return value;
}

/** Throws NeedsKnown when the value (at any depth) is Unknown. */
export function requireKnown(value: Value): void {
  const unknown = firstUnknown(value);
  if (unknown) throw new NeedsKnown(unknown);
}

/** A number as Terraform prints it in a string (no trailing `.0`, no exponent for ordinary sizes). */
export function formatNumber(n: number): string {
  return String(n);
}

/** Terraform's automatic conversion to string (numbers and bools convert; null and collections do not). */
export function asString(value: Value | undefined, what = 'value'): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isUnknown(value)) throw new NeedsKnown(value);
  throw new EvalError(`${what} must be a string, not ${typeName(value)}`);
}

export function asNumber(value: Value | undefined, what = 'value'): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (isUnknown(value)) throw new NeedsKnown(value);
  throw new EvalError(`${what} must be a number, not ${typeName(value)}${typeof value === 'string' ? ` "${value}"` : ''}`);
}

export function asBool(value: Value | undefined, what = 'value'): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (isUnknown(value)) throw new NeedsKnown(value);
  throw new EvalError(`${what} must be a bool, not ${typeName(value)}`);
}

export function asList(value: Value | undefined, what = 'value'): Value[] {
  if (Array.isArray(value)) return value;
  if (isUnknown(value)) throw new NeedsKnown(value);
  throw new EvalError(`${what} must be a list, not ${typeName(value)}`);
}

export function asObject(value: Value | undefined, what = 'value'): ValueObject {
  if (isValueObject(value)) return value;
  if (isUnknown(value)) throw new NeedsKnown(value);
  throw new EvalError(`${what} must be a map or object, not ${typeName(value)}`);
}

/** Map and object keys in Terraform's iteration order (lexicographic). */
export function sortedKeys(object: ValueObject): string[] {
  return Object.keys(object).sort();
}

/** Deep equality as `==` sees it: same type and same value. */
export function valuesEqual(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]));
  if (isValueObject(a) && isValueObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && valuesEqual(a[key], b[key]));
  }
  return false;
}

/**
 * The error an operation on sensitive values raised, with those values taken out of its message:
 * it becomes the reason of an Unknown, which reports print. Terraform does not print them either.
 */
export function hideSensitiveIn(error: EvalError, sensitive: readonly Value[]): EvalError {
  const texts: string[] = [];
  for (const value of sensitive) forEachScalar(value, (scalar) => void texts.push(String(scalar)));
  let message = error.message;
  for (const text of texts.filter((t) => t !== '').sort((a, b) => b.length - a.length)) {
    message = message.split(JSON.stringify(text)).join(REDACTED).split(text).join(REDACTED);
  }
  return new EvalError(message, error.where);
}

/** Wraps a computed result as sensitive when any input was (an Unknown stays Unknown: there is nothing to hide). */
export function markSensitive(value: Value, sensitive: boolean): Value {
  return sensitive && !isSensitive(value) && !isUnknown(value) ? new Sensitive(value) : value;
}

