import { Sensitive, isSensitive } from './sensitive.js';
import { Unknown, isUnknown } from './unknown.js';

export type Scalar = string | number | boolean | null;
/** A normalised attribute value: JSON, where any node may be Unknown or Sensitive. */
export type Value = Scalar | Unknown | Sensitive | Value[] | ValueObject;
/** An object-valued attribute (a block, a map). */
export interface ValueObject {
  [key: string]: Value;
}

/** True for a plain object value: not null, an array, an Unknown or a Sensitive. */
export function isValueObject(value: unknown): value is ValueObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value) && !isSensitive(value);
}

/**
 * Sets `key` as an own, enumerable data property. Map keys come from configurations, so `__proto__`
 * must be a key like any other: a plain assignment would call the prototype setter instead.
 */
export function setEntry<T>(object: Record<string, T>, key: string, value: NoInfer<T>): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** The value stored under `key`, or undefined: never a property inherited from Object.prototype (`constructor`, `toString`). */
export function ownEntry<T>(object: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A copy of the entries of every object in order, later keys winning (Object.assign, but `__proto__` is a key). */
export function mergeEntries(target: ValueObject, ...sources: ValueObject[]): ValueObject {
  for (const source of sources) for (const key of Object.keys(source)) setEntry(target, key, source[key]!);
  return target;
}

/** Reads a dotted/indexed path (`ingress.0.cidr_blocks`) from a value; a missing step gives undefined. */
export function valueAt(root: Value | undefined, path: string | readonly (string | number)[]): Value | undefined {
  if (typeof path !== 'string') {
    let current: Value | undefined = root;
    for (const step of path) {
      current = stepInto(current, step);
      if (current === undefined || isUnknown(current)) return current;
    }
    return current;
  }
  if (path === '') return root;
  // Walked in place rather than split: policies and views read attributes of every resource, mostly one step deep.
  let current: Value | undefined = root;
  let start = 0;
  for (;;) {
    const dot = path.indexOf('.', start);
    current = stepInto(current, dot < 0 ? (start === 0 ? path : path.slice(start)) : path.slice(start, dot));
    if (dot < 0 || current === undefined || isUnknown(current)) return current;
    start = dot + 1;
  }
}

/** One step of a path: an index into a list, or an own key of an object; an Unknown stays itself. */
function stepInto(current: Value | undefined, step: string | number): Value | undefined {
  if (current === undefined || current === null) return undefined;
  if (isUnknown(current)) return current;
  if (Array.isArray(current)) return current[Number(step)];
  if (isValueObject(current)) return ownEntry(current, String(step));
  return undefined;
}

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** A known string, or undefined for anything else (null, Unknown, Sensitive, other types). */
export function knownString(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Normalises a list-valued attribute: undefined/null → [], Unknown stays Unknown. */
export function listOf(value: Value | undefined): Value[] | Unknown {
  if (value === undefined || value === null) return [];
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) return value;
  return [value];
}

/** True when any node of the value is Unknown. */
export function containsUnknown(value: Value | undefined): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isValueObject(value)) return Object.values(value).some(containsUnknown);
  return false;
}
