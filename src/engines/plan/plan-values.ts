import { Sensitive } from '../../model/sensitive.js';
import { Unknown } from '../../model/unknown.js';
import type { Value, ValueObject } from '../../model/value.js';

/**
 * Folds a resource change's `after_unknown` and `after_sensitive` masks into its `after` value:
 * unknown leaves become Unknown (with the attribute path in the reason) and sensitive ones Sensitive.
 * The `after` tree is rewritten in place: plans can hold hundreds of thousands of resources and a
 * copy of each would double the memory a scan needs.
 */
export function applyPlanMasks(after: unknown, unknownMask: unknown, sensitiveMask: unknown, address: string): ValueObject {
  const root = (typeof after === 'object' && after !== null && !Array.isArray(after) ? after : {}) as ValueObject;
  const path: (string | number)[] = [];
  const why = (): Unknown => new Unknown(`${address}${path.length ? '.' + path.join('.') : ''} is known only after apply`);

  const visit = (value: unknown, unknown: unknown, sensitive: unknown): Value => {
    if (unknown === true) return why();
    if (sensitive === true) return new Sensitive(value);
    if (!isMask(unknown) && !isMask(sensitive)) return value as Value;
    if (Array.isArray(value) || (Array.isArray(unknown) && (value === null || value === undefined))) {
      const list = (Array.isArray(value) ? value : []) as Value[];
      const length = Math.max(list.length, Array.isArray(unknown) ? unknown.length : 0);
      for (let i = 0; i < length; i++) {
        path.push(i);
        list[i] = visit(list[i], maskAt(unknown, i), maskAt(sensitive, i));
        path.pop();
      }
      return list;
    }
    if (typeof value === 'object' && value !== null) {
      const object = value as ValueObject;
      const keys = new Set([...Object.keys(object), ...(isObjectMask(unknown) ? Object.keys(unknown) : [])]);
      for (const key of keys) {
        path.push(key);
        const next = visit(object[key], maskAt(unknown, key), maskAt(sensitive, key));
        if (next !== undefined) object[key] = next;
        path.pop();
      }
      return object;
    }
    if ((value === null || value === undefined) && isObjectMask(unknown) && Object.values(unknown).some((v) => v === true)) {
      // An object that is partly unknown and absent from `after` (Terraform omits it): keep the unknown parts.
      const object: ValueObject = {};
      for (const [key, mask] of Object.entries(unknown)) {
        path.push(key);
        if (mask === true) object[key] = why();
        path.pop();
      }
      return object;
    }
    return value as Value;
  };

  visit(root, unknownMask, sensitiveMask);
  return root;
}

function isMask(mask: unknown): boolean {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.length > 0;
  return isObjectMask(mask) && Object.keys(mask).length > 0;
}

function isObjectMask(mask: unknown): mask is Record<string, unknown> {
  return typeof mask === 'object' && mask !== null && !Array.isArray(mask);
}

function maskAt(mask: unknown, key: string | number): unknown {
  if (Array.isArray(mask)) return typeof key === 'number' ? mask[key] : undefined;
  if (isObjectMask(mask)) return mask[key];
  return undefined;
}
