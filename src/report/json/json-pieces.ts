/**
 * An array written to JSON a batch at a time, its items mapped as they are written: the findings of
 * a large scan are never all in their report shape at once. Serialised whole (JSON.stringify) it is
 * the mapped array.
 */
export class JsonSequence<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
  ) {}

  toJSON(): unknown[] {
    return this.items.map(this.map);
  }
}

/**
 * Items serialised by one JSON.stringify call: as fast as one call for everything, at a bounded
 * size. Small enough that a batch's text (~50 KB of SARIF results) stays under V8's large-object
 * size (128 KB): it is made in the young generation, not mapped afresh, and is still in the cache
 * when it is tested for hazards and encoded. 256 (400 KB) cost ~15% more in the SARIF and JSON reports.
 */
const BATCH = 32;

/**
 * `JSON.stringify(value, null, 2)` in pieces, byte for byte. The plain objects and arrays of the top
 * `depth` levels are written member by member; the arrays (and JsonSequences) of the last level a
 * batch of items at a time; everything else by JSON.stringify, re-indented to its place.
 */
export function* jsonPieces(value: unknown, depth: number, indent = ''): Generator<string> {
  if (depth > 0 && value instanceof JsonSequence) yield* arrayPieces(value.items, value.map, depth, indent);
  else if (depth > 0 && Array.isArray(value)) yield* arrayPieces(value, undefined, depth, indent);
  else if (depth > 0 && isPlainObject(value)) yield* objectPieces(value, depth, indent);
  else yield stringified(value, indent) ?? 'null';
}

function* arrayPieces<T>(items: readonly T[], map: ((item: T) => unknown) | undefined, depth: number, indent: string): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indent}  `;
  yield `[\n${inner}`;
  for (let start = 0; start < items.length; start += depth > 1 ? 1 : BATCH) {
    if (start > 0) yield `,\n${inner}`;
    if (depth > 1) {
      // As in JSON.stringify, an item that has no JSON form (undefined, a function) is null.
      yield* jsonPieces(map ? map(items[start]!) : items[start], depth - 1, inner);
    } else {
      const batch = items.slice(start, start + BATCH);
      yield batchText(map ? batch.map(map) : batch, indent.length / 2);
    }
  }
  yield `\n${indent}]`;
}

function* objectPieces(object: Record<string, unknown>, depth: number, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const key of Object.keys(object)) {
    const value = object[key];
    const descends = depth > 1 && (value instanceof JsonSequence || Array.isArray(value) || isPlainObject(value));
    const text = descends ? undefined : stringified(value, inner);
    // As in JSON.stringify, a member without a JSON form (undefined, a function) is left out.
    if (!descends && text === undefined) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    if (descends) yield* jsonPieces(value, depth - 1, inner);
    else yield text!;
  }
  yield first ? '{}' : `\n${indent}}`;
}

/**
 * The items of an array at `level` (its indentation in steps of two spaces), separated as
 * JSON.stringify separates them: stringified inside `level` enclosing arrays, so that they come out
 * indented for their place, and cut out (a slice, not a copy) of what encloses them.
 */
function batchText(items: readonly unknown[], level: number): string {
  let wrapped: unknown = items;
  for (let i = 0; i < level; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each enclosing level i opens with `[\n` and 2i spaces and closes with `\n`, 2(i-1) spaces and `]`.
  let head = 0;
  let tail = 0;
  for (let i = 1; i <= level + 1; i++) {
    head += 2 + 2 * i;
    tail += 2 + 2 * (i - 1);
  }
  return text.slice(head, text.length - tail);
}

/** JSON.stringify with two-space indentation, every line after the first moved in by `indent`. */
function stringified(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined || indent === '' || !text.includes('\n') ? text : text.split('\n').join(`\n${indent}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
