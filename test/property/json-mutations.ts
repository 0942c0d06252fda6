import fc from 'fast-check';
import { edgeNumber, oddString } from './hostile-values.js';

/**
 * Damage done to a parsed JSON document before it is written back: the slot (`at`, modulo the
 * number of slots in a depth-first walk) loses its value, gets a value of another type, is nested
 * hundreds of levels deep, or its key is repeated with another value (the later one wins in
 * JSON.parse, as in Terraform's own reader).
 */
export type JsonMutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'nest'; at: number; depth: number; shape: 'array' | 'object' }
  | { kind: 'duplicate-key'; at: number; value: unknown };

/** How the damaged document becomes text: pretty or on one line, perhaps with a BOM, perhaps cut short. */
export interface TextDamage {
  indent: boolean;
  bom: boolean;
  /** Keep this fraction of the text. */
  truncateAt?: number;
}

/** Strings that the serializer turns into raw JSON text: numbers JSON can spell but a double cannot hold. */
const RAW = '\u0000raw:';
const DUPLICATE = '\u0000dup:';
const HUGE_NUMBER_TEXTS = ['1e400', '-1e400', '123456789012345678901234567890', '1E-400', '-0.0', '0.0000000000000000000000000001'];

const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  oddString,
  edgeNumber,
  fc.boolean(),
  fc.constantFrom(...HUGE_NUMBER_TEXTS).map((text) => `${RAW}${text}`),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant('x'.repeat(100_000)),
);

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: replacement }) },
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 2, max: 800 }), shape: fc.constantFrom('array' as const, 'object' as const) }),
  fc.record({ kind: fc.constant('duplicate-key' as const), at: fc.nat(), value: replacement }),
);

export const textDamage: fc.Arbitrary<TextDamage> = fc.record(
  {
    indent: fc.boolean(),
    bom: fc.boolean(),
    truncateAt: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }),
  },
  { requiredKeys: ['indent', 'bom'] },
);

type Container = Record<string, unknown> | unknown[];

/** Every (container, key) below the root, depth first. */
function slots(root: unknown): [Container, string | number][] {
  const found: [Container, string | number][] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        found.push([node, i]);
        stack.push(child);
      });
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        found.push([node as Record<string, unknown>, key]);
        stack.push(child);
      }
    }
  }
  return found;
}

function nest(value: unknown, depth: number, shape: 'array' | 'object'): unknown {
  let nested = value;
  for (let i = 0; i < depth; i++) nested = shape === 'array' ? [nested] : { n: nested };
  return nested;
}

/** A damaged copy of `document`. */
export function mutateJson(document: unknown, mutations: readonly JsonMutation[]): unknown {
  const root = structuredClone(document);
  for (const mutation of mutations) {
    const all = slots(root);
    if (all.length === 0) break;
    const [container, key] = all[mutation.at % all.length]!;
    const record = container as Record<string | number, unknown>;
    switch (mutation.kind) {
      case 'delete':
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete record[key];
        break;
      case 'replace':
        record[key] = mutation.value;
        break;
      case 'nest':
        record[key] = nest(record[key], mutation.depth, mutation.shape);
        break;
      case 'duplicate-key':
        // Arrays have no keys: the duplicate goes into the nearest object slot instead.
        if (!Array.isArray(container)) record[`${DUPLICATE}${key}`] = mutation.value;
        break;
    }
  }
  return root;
}

/** The document as file text, with its raw numbers and duplicate keys spelled out. */
export function damagedText(document: unknown, damage: TextDamage): string {
  let text = JSON.stringify(document, null, damage.indent ? 2 : undefined)
    .replace(/"\\u0000raw:([^"]*)"/g, '$1')
    .replace(/"\\u0000dup:/g, '"');
  if (damage.truncateAt !== undefined) text = text.slice(0, Math.floor(text.length * damage.truncateAt));
  return damage.bom ? `\uFEFF${text}` : text;
}
