import { isUnknown } from '../../../model/unknown.js';
import { isValueObject, mergeEntries, setEntry, type Value, type ValueObject } from '../../../model/value.js';
import { EvalError } from '../eval/eval-error.js';
import { NeedsKnown, asBool, asList, asNumber, asObject, asString, requireKnown, sortedKeys, typeName, valuesEqual } from '../eval/values.js';
import { spendElements } from '../eval/work-budget.js';
import { arity, type HclFunction } from './function-signature.js';

/** Sets are lists without duplicates here (Terraform orders set elements; policies read them as lists). */
function distinct(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const item of list) {
    requireKnown(item);
    if (!out.some((seen) => valuesEqual(seen, item))) out.push(item);
  }
  return out;
}

function toSet(list: Value[]): Value[] {
  const items = distinct(list);
  return items.every((item) => typeof item === 'string') ? [...(items as string[])].sort() : items;
}

function flatten(list: Value[]): Value[] {
  return list.flatMap((item) => {
    if (isUnknown(item)) throw new NeedsKnown(item);
    return Array.isArray(item) ? flatten(item) : [item];
  });
}

function range(args: Value[]): Value[] {
  arity(args, 1, 3);
  const numbers = args.map((arg) => asNumber(arg));
  const [start, end, step] = numbers.length === 1 ? [0, numbers[0]!, 1] : [numbers[0]!, numbers[1]!, numbers[2] ?? (numbers[0]! <= numbers[1]! ? 1 : -1)];
  if (step === 0) throw new EvalError('step must not be zero');
  const out: number[] = [];
  for (let n = start; step > 0 ? n < end : n > end; n += step) {
    out.push(n);
    if (out.length > 1024) throw new EvalError('more than 1024 elements');
  }
  return out;
}

export const collectionFunctions: Record<string, HclFunction> = {
  merge: (args) => {
    const out: ValueObject = {};
    for (const arg of args) {
      if (arg === null) continue;
      mergeEntries(out, asObject(arg, 'each argument'));
    }
    return out;
  },
  concat: (args) => args.flatMap((arg) => asList(arg, 'each argument')),
  lookup: (args) => {
    arity(args, 2, 3);
    const map = asObject(args[0], 'the first argument');
    const key = asString(args[1], 'the key');
    if (Object.hasOwn(map, key)) return map[key]!;
    if (args.length === 3) return args[2]!;
    throw new EvalError(`no key "${key}" and no default`);
  },
  element: (args) => {
    arity(args, 2);
    const list = asList(args[0]);
    if (list.length === 0) throw new EvalError('cannot use element() on an empty list');
    const i = Math.trunc(asNumber(args[1]));
    return list[((i % list.length) + list.length) % list.length]!;
  },
  length: (args) => {
    arity(args, 1);
    const value = args[0];
    if (typeof value === 'string') return [...value].length;
    if (Array.isArray(value)) return value.length;
    if (isValueObject(value)) return Object.keys(value).length;
    throw new EvalError(`cannot take the length of a ${typeName(value)}`);
  },
  keys: (args) => (arity(args, 1), sortedKeys(asObject(args[0]))),
  values: (args) => {
    arity(args, 1);
    const map = asObject(args[0]);
    return sortedKeys(map).map((key) => map[key]!);
  },
  contains: (args) => {
    arity(args, 2);
    const list = asList(args[0]);
    requireKnown(args[1]!);
    if (list.some((item) => valuesEqual(item, args[1]))) return true;
    for (const item of list) if (isUnknown(item)) throw new NeedsKnown(item);
    return false;
  },
  distinct: (args) => (arity(args, 1), distinct(asList(args[0]))),
  flatten: (args) => (arity(args, 1), flatten(asList(args[0]))),
  coalesce: (args) => {
    for (const arg of args) {
      if (isUnknown(arg)) throw new NeedsKnown(arg);
      if (arg !== null && arg !== '') return arg;
    }
    throw new EvalError('no non-null, non-empty argument');
  },
  coalescelist: (args) => {
    for (const arg of args) if (asList(arg).length > 0) return arg;
    throw new EvalError('no non-empty list argument');
  },
  compact: (args) => {
    arity(args, 1);
    return asList(args[0]).filter((item) => {
      if (isUnknown(item)) throw new NeedsKnown(item);
      return item !== null && item !== '';
    });
  },
  slice: (args) => {
    arity(args, 3);
    const list = asList(args[0]);
    const [from, to] = [asNumber(args[1]), asNumber(args[2])];
    if (from < 0 || to > list.length || from > to) throw new EvalError(`invalid slice ${from}..${to} of a list of ${list.length}`);
    return list.slice(from, to);
  },
  sort: (args) => {
    arity(args, 1);
    return asList(args[0])
      .map((item) => asString(item, 'each element'))
      .sort();
  },
  reverse: (args) => (arity(args, 1), [...asList(args[0])].reverse()),
  range,
  zipmap: (args) => {
    arity(args, 2);
    const [keys, values] = [asList(args[0]), asList(args[1])];
    if (keys.length !== values.length) throw new EvalError('the key and value lists must have the same length');
    const out: ValueObject = {};
    keys.forEach((key, i) => {
      setEntry(out, asString(key, 'each key'), values[i]!);
    });
    return out;
  },
  setunion: (args) => toSet(args.flatMap((arg) => asList(arg))),
  setintersection: (args) => {
    const [first = [], ...rest] = args.map((arg) => distinct(asList(arg)));
    return toSet(first.filter((item) => rest.every((other) => other.some((o) => valuesEqual(o, item)))));
  },
  setsubtract: (args) => {
    arity(args, 2);
    const remove = distinct(asList(args[1]));
    return toSet(distinct(asList(args[0])).filter((item) => !remove.some((r) => valuesEqual(r, item))));
  },
  setproduct: (args) => {
    // Counted before it is built: ten lists of ten elements make ten billion.
    spendElements(args.reduce<number>((product, arg) => product * asList(arg).length, 1) * Math.max(args.length, 1), 'setproduct()');
    let out: Value[][] = [[]];
    for (const arg of args) out = out.flatMap((prefix) => asList(arg).map((item) => [...prefix, item]));
    return out;
  },
  one: (args) => {
    arity(args, 1);
    const list = asList(args[0]);
    if (list.length > 1) throw new EvalError(`the list has ${list.length} elements, at most one allowed`);
    return list[0] ?? null;
  },
  index: (args) => {
    arity(args, 2);
    requireKnown(args[1]!);
    const i = asList(args[0]).findIndex((item) => valuesEqual(item, args[1]));
    if (i < 0) throw new EvalError('the value is not in the list');
    return i;
  },
  alltrue: (args) => (arity(args, 1), asList(args[0]).every((item) => asBool(item))),
  anytrue: (args) => (arity(args, 1), asList(args[0]).some((item) => asBool(item))),
  sum: (args) => {
    arity(args, 1);
    const list = asList(args[0]);
    if (list.length === 0) throw new EvalError('cannot sum an empty list');
    return list.reduce<number>((total, item) => total + asNumber(item), 0);
  },
  chunklist: (args) => {
    arity(args, 2);
    const [list, size] = [asList(args[0]), asNumber(args[1])];
    // A fractional size (Terraform wants a whole number) would loop list.length / size times.
    if (!Number.isInteger(size)) throw new EvalError(`the chunk size must be a whole number, not ${size}`);
    if (size <= 0) return [list];
    const out: Value[][] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  },
  transpose: (args) => {
    arity(args, 1);
    const map = asObject(args[0]);
    const grouped = new Map<string, string[]>();
    for (const key of sortedKeys(map)) {
      for (const item of asList(map[key])) {
        const name = asString(item);
        const keys = grouped.get(name);
        if (keys) keys.push(key);
        else grouped.set(name, [key]);
      }
    }
    const out: ValueObject = {};
    for (const [name, keys] of grouped) setEntry(out, name, keys);
    return out;
  },
  matchkeys: (args) => {
    arity(args, 3);
    const [values, keys, search] = [asList(args[0]), asList(args[1]), asList(args[2])];
    if (values.length !== keys.length) throw new EvalError('the values and keys lists must have the same length');
    return values.filter((_, i) => search.some((s) => valuesEqual(s, keys[i])));
  },
  tolist: (args) => {
    arity(args, 1);
    if (args[0] === null) return null;
    return asList(args[0]);
  },
  toset: (args) => {
    arity(args, 1);
    if (args[0] === null) return null;
    return toSet(asList(args[0]));
  },
  tomap: (args) => {
    arity(args, 1);
    if (args[0] === null) return null;
    return asObject(args[0]);
  },
};
