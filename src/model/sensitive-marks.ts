import { Sensitive, isSensitive } from './sensitive.js';
import { isUnknown } from './unknown.js';
import { isValueObject, type Value, type ValueObject } from './value.js';

/**
 * Which parts of a resource's values Terraform marked sensitive, in the shape of Terraform's own
 * `after_sensitive` / `sensitive_values`: `true` marks a whole value, a list or an object marks parts
 * of it, anything else marks nothing. The values themselves stay real so that policies compare what
 * is there (marking a value sensitive never changes a verdict); the marks say what no output prints.
 */
export type SensitiveMarks = boolean | readonly SensitiveMarks[] | { readonly [key: string]: SensitiveMarks };

/** The marks one step down (a list index or an object key). */
function marksBelow(marks: unknown, step: string | number): unknown {
  if (typeof marks !== 'object' || marks === null) return undefined;
  if (Array.isArray(marks)) {
    const index = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : -1;
    return index >= 0 ? marks[index] : undefined;
  }
  return Object.hasOwn(marks, step) ? (marks as Record<string, unknown>)[String(step)] : undefined;
}

/** The marks of the value at `path` (dotted, or steps): `true` when it or a value holding it is marked. */
export function marksAt(marks: unknown, path: string | readonly (string | number)[]): unknown {
  const steps = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path;
  let current = marks;
  for (const step of steps) {
    if (current === true) return true;
    current = marksBelow(current, step);
    if (typeof current !== 'object' || current === null) return current === true;
  }
  return current;
}

/** True when the value at `path`, or a value holding it, is marked sensitive. */
export function isMarkedSensitive(marks: unknown, path: string | readonly (string | number)[]): boolean {
  return marksAt(marks, path) === true;
}

/** True when the marks mark anything at all (Terraform writes `{}` or `false` for nothing). */
export function marksAnything(marks: unknown): boolean {
  if (marks === true) return true;
  if (typeof marks !== 'object' || marks === null) return false;
  // Called for every resource of a plan: no array of the values is made to look through them.
  if (Array.isArray(marks)) {
    for (const item of marks) if (marksAnything(item)) return true;
    return false;
  }
  for (const key in marks) if (Object.hasOwn(marks, key) && marksAnything((marks as Record<string, unknown>)[key])) return true;
  return false;
}

/** Calls `visit` with every scalar (string, number) under a marked path: the texts no output may show. */
export function forEachMarkedScalar(value: unknown, marks: unknown, visit: (scalar: string | number) => void): void {
  if (marks === true) {
    forEachScalar(value, visit);
    return;
  }
  if (typeof marks !== 'object' || marks === null || typeof value !== 'object' || value === null) return;
  if (isSensitive(value)) {
    forEachScalar(value, visit);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => forEachMarkedScalar(item, marksBelow(marks, i), visit));
    return;
  }
  for (const key of Object.keys(marks)) {
    if (Object.hasOwn(value, key)) forEachMarkedScalar((value as Record<string, unknown>)[key], marksBelow(marks, key), visit);
  }
}

/** Every string and number inside a value, Sensitive wrappers opened. Booleans and nulls say nothing secret. */
export function forEachScalar(value: unknown, visit: (scalar: string | number) => void): void {
  if (typeof value === 'string' || typeof value === 'number') visit(value);
  else if (isSensitive(value)) forEachScalar(value.reveal(), visit);
  else if (Array.isArray(value)) for (const item of value) forEachScalar(item, visit);
  else if (typeof value === 'object' && value !== null && !isUnknown(value)) for (const key in value) forEachScalar((value as Record<string, unknown>)[key], visit);
}

/**
 * Takes the Sensitive wrappers out of a value (an HCL evaluation result) and says where they were:
 * the real value for policies to compare, the marks for reporters. Unchanged parts are not copied.
 */
export function unwrapSensitive(value: Value): { value: Value; marks: SensitiveMarks } {
  if (isSensitive(value)) return { value: unwrapSensitive(value.reveal() as Value).value, marks: true };
  if (Array.isArray(value)) {
    let marks: SensitiveMarks[] | undefined;
    const out = value.map((item, i) => {
      const inner = unwrapSensitive(item);
      if (inner.marks !== false) (marks ??= [])[i] = inner.marks;
      return inner.value;
    });
    if (!marks) return { value, marks: false };
    for (let i = 0; i < out.length; i++) marks[i] ??= false;
    return { value: out, marks };
  }
  if (isValueObject(value)) {
    let marks: Record<string, SensitiveMarks> | undefined;
    let out: ValueObject | undefined;
    for (const key in value) {
      const inner = unwrapSensitive(value[key]!);
      if (inner.marks === false) continue;
      setOwn((marks ??= {}), key, inner.marks);
      setOwn((out ??= { ...value }), key, inner.value);
    }
    return marks ? { value: out!, marks } : { value, marks: false };
  }
  return { value, marks: false };
}

/** Wraps every marked part of a value in Sensitive: for a copy that leaves the engine to be printed. */
export function wrapMarked(value: unknown, marks: unknown): unknown {
  if (marks === true) return value === null || value === undefined || isSensitive(value) ? value : new Sensitive(value);
  if (typeof marks !== 'object' || marks === null || typeof value !== 'object' || value === null || isUnknown(value) || isSensitive(value)) return value;
  if (Array.isArray(value)) return value.map((item, i) => wrapMarked(item, marksBelow(marks, i)));
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(marks)) if (Object.hasOwn(out, key)) setOwn(out, key, wrapMarked(out[key], marksBelow(marks, key)));
  return out;
}

/** Sets an own property, even one named `__proto__` (a plain assignment would replace the prototype). */
function setOwn(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
