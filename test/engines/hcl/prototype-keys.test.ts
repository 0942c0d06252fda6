import { describe, expect, it } from 'vitest';
import { evaluateOutputs } from './hcl-helpers.js';

/** Keys that name parts of a JavaScript object's prototype: in HCL they are ordinary map keys. */
const KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];

/** A map with exactly `key` → "v", whatever the key: own property, plain data, no prototype change. */
function expectOwnEntry(value: unknown, key: string, entry: unknown = 'v'): void {
  expect(typeof value).toBe('object');
  const object = value as Record<string, unknown>;
  expect(Object.keys(object)).toEqual([key]);
  expect(Object.getOwnPropertyDescriptor(object, key)?.value).toEqual(entry);
  expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
}

describe('prototype-named keys are ordinary map keys', () => {
  for (const key of KEYS) {
    it(`"${key}" in object literals, for expressions, merge, zipmap, tomap, jsondecode, transpose`, async () => {
      const q = JSON.stringify(key);
      const out = await evaluateOutputs({
        literal: `{ ${q} = "v" }`,
        computedKey: `{ (local.k) = "v" }`,
        forMap: `{ for k in [local.k] : k => "v" }`,
        forGroup: `{ for k in [local.k] : k => "v"... }`,
        merge: `merge({}, { (local.k) = "v" })`,
        zipmap: `zipmap([local.k], ["v"])`,
        tomap: `tomap({ (local.k) = "v" })`,
        jsondecode: `jsondecode(${JSON.stringify(JSON.stringify({ [key]: 'v' }))})`,
        transpose: `transpose({ v = [local.k] })`,
        yamldecode: `yamldecode(${JSON.stringify(`"${key}": v`)})`,
      }, `locals {\n  k = ${q}\n}\n`);
      for (const name of ['literal', 'computedKey', 'forMap', 'merge', 'zipmap', 'tomap', 'jsondecode', 'yamldecode']) expectOwnEntry(out[name], key);
      expectOwnEntry(out.forGroup, key, ['v']);
      expectOwnEntry(out.transpose, key, ['v']);
    });

    it(`"${key}" read with lookup, keys, values, index and attribute access, present or absent`, async () => {
      const q = JSON.stringify(key);
      const out = await evaluateOutputs({
        present: `lookup(local.m, local.k, "default")`,
        absent: `lookup({ a = 1 }, local.k, "default")`,
        keys: `keys(local.m)`,
        values: `values(local.m)`,
        index: `local.m[local.k]`,
        absentIndex: `try({ a = 1 }[local.k], "missing")`,
        absentAttr: `try({ a = 1 }.${key}, "missing")`,
        contains: `contains(keys({ a = 1 }), local.k)`,
        length: `length(local.m)`,
      }, `locals {\n  k = ${q}\n  m = { ${q} = "v" }\n}\n`);
      expect(out).toEqual({ present: 'v', absent: 'default', keys: [key], values: ['v'], index: 'v', absentIndex: 'missing', absentAttr: 'missing', contains: false, length: 1 });
    });
  }

  it('merge keeps a later __proto__ over an earlier one and leaves Object.prototype alone', async () => {
    const out = await evaluateOutputs({ merged: `merge({ "__proto__" = { polluted = true } }, { "__proto__" = "b", x = 1 })` });
    expect(out.merged).toEqual(JSON.parse('{"__proto__":"b","x":1}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
