/**
 * An array written to JSON one item at a time, each mapped as it is written: the findings of a large
 * scan are never all in their report shape at once. Serialised whole (JSON.stringify) it is the array.
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
 * `JSON.stringify(value, null, 2)` in pieces, byte for byte: the arrays, JsonSequences and plain
 * objects of the top `depth` levels are written member by member, everything below them (and any
 * value with its own toJSON) by JSON.stringify, re-indented to its place.
 */
export function* jsonPieces(value: unknown, depth: number, indent = ''): Generator<string> {
  if (depth > 0 && value instanceof JsonSequence) yield* arrayPieces(value.items, value.map, depth, indent);
  else if (depth > 0 && Array.isArray(value)) yield* arrayPieces(value, (item) => item, depth, indent);
  else if (depth > 0 && isPlainObject(value)) yield* objectPieces(value, depth, indent);
  else yield stringified(value, indent) ?? 'null';
}

function* arrayPieces<T>(items: readonly T[], map: (item: T) => unknown, depth: number, indent: string): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indent}  `;
  for (let i = 0; i < items.length; i++) {
    yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
    // As in JSON.stringify, an item that has no JSON form (undefined, a function) is null.
    yield* jsonPieces(map(items[i]!), depth - 1, inner);
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

/** JSON.stringify with two-space indentation, every line after the first moved in by `indent`. */
function stringified(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined || indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
