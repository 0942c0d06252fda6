import { Sensitive } from '../../model/sensitive.js';
import { Unknown } from '../../model/unknown.js';
import { setEntry, type Value, type ValueObject } from '../../model/value.js';

/**
 * Folds a resource change's `after_unknown` and `after_sensitive` masks into its `after` value:
 * unknown leaves become Unknown (with the attribute path in the reason) and sensitive ones Sensitive.
 * The after-state is read without its sensitive mask (the resource carries it as marks, and policies
 * compare the real values); `before`, which only JSONPath policies see, is wrapped.
 * The `after` tree is rewritten in place: plans can hold hundreds of thousands of resources and a
 * copy of each would double the memory a scan needs. Only the paths the masks name are visited: a
 * mask is a small sketch of the value (mostly empty containers), the value itself can be large.
 */
export function applyPlanMasks(after: unknown, unknownMask: unknown, sensitiveMask: unknown, address: string): ValueObject {
  const root = (typeof after === 'object' && after !== null && !Array.isArray(after) ? after : {}) as ValueObject;
  // Most resources of a large plan are unchanged, with empty masks: no walk state is made for them.
  if (isMask(unknownMask) || isMask(sensitiveMask)) visit({ address, path: [] }, root, unknownMask, sensitiveMask);
  return root;
}

/** Where the walk is, for the reason of an Unknown. */
interface Walk {
  address: string;
  path: (string | number)[];
  /** `address.`, made once per resource for the reasons of its top-level unknowns. */
  prefix?: string;
}

function unknownAt(walk: Walk): Unknown {
  // Nearly every unknown is a top-level attribute (a plan has 100k of them): its reason is made
  // without joining a path, which costs several times more than the Unknown itself.
  if (walk.path.length === 1) return new Unknown(`${(walk.prefix ??= `${walk.address}.`)}${walk.path[0]!} is known only after apply`);
  return new Unknown(`${walk.address}${walk.path.length ? '.' + walk.path.join('.') : ''} is known only after apply`);
}

function visit(walk: Walk, value: unknown, unknown: unknown, sensitive: unknown): Value {
  if (unknown === true) return unknownAt(walk);
  if (sensitive === true) return new Sensitive(value);
  if (!isMask(unknown) && !isMask(sensitive)) return value as Value;
  if (Array.isArray(value) || (Array.isArray(unknown) && (value === null || value === undefined))) {
    const list = (Array.isArray(value) ? value : []) as Value[];
    const length = Math.max(Array.isArray(unknown) ? unknown.length : 0, Array.isArray(sensitive) ? Math.min(sensitive.length, list.length) : 0);
    for (let i = 0; i < length; i++) {
      walk.path.push(i);
      const next = visit(walk, list[i], maskAt(unknown, i), maskAt(sensitive, i));
      if (next !== undefined || i < list.length) list[i] = next;
      walk.path.pop();
    }
    return list;
  }
  if (typeof value === 'object' && value !== null) {
    const object = value as ValueObject;
    const unknownKeys = isObjectMask(unknown) ? unknown : undefined;
    if (unknownKeys) {
      for (const key in unknownKeys) visitKey(walk, object, key, unknownKeys[key], maskAt(sensitive, key));
    }
    if (isObjectMask(sensitive)) {
      for (const key in sensitive) {
        if (!(unknownKeys && Object.hasOwn(unknownKeys, key)) && Object.hasOwn(object, key)) visitKey(walk, object, key, undefined, sensitive[key]);
      }
    }
    return object;
  }
  if ((value === null || value === undefined) && isObjectMask(unknown) && Object.values(unknown).some((v) => v === true)) {
    // An object that is partly unknown and absent from `after` (Terraform omits it): keep the unknown parts.
    const object: ValueObject = {};
    for (const [key, mask] of Object.entries(unknown)) {
      walk.path.push(key);
      if (mask === true) setEntry(object, key, unknownAt(walk));
      walk.path.pop();
    }
    return object;
  }
  return value as Value;
}

function visitKey(walk: Walk, object: ValueObject, key: string, unknown: unknown, sensitive: unknown): void {
  if (!isMask(unknown) && !isMask(sensitive)) return; // nothing to change below this key
  walk.path.push(key);
  const next = visit(walk, Object.hasOwn(object, key) ? object[key] : undefined, unknown, sensitive);
  if (next !== undefined) setEntry(object, key, next);
  walk.path.pop();
}

/** True for `true` and for a non-empty list or object mask (an empty one changes nothing). */
function isMask(mask: unknown): boolean {
  if (mask === true) return true;
  if (typeof mask !== 'object' || mask === null) return false;
  if (Array.isArray(mask)) return mask.length > 0;
  for (const _key in mask) return true;
  return false;
}

function isObjectMask(mask: unknown): mask is Record<string, unknown> {
  return typeof mask === 'object' && mask !== null && !Array.isArray(mask);
}

function maskAt(mask: unknown, key: string | number): unknown {
  if (typeof mask !== 'object' || mask === null) return undefined;
  if (Array.isArray(mask)) return typeof key === 'number' ? mask[key] : undefined;
  return Object.hasOwn(mask, key) ? (mask as Record<string, unknown>)[key] : undefined;
}
