import type { Value } from '../../../model/value.js';
import { EvalError } from '../eval/eval-error.js';
import { asList, asNumber, asString, requireKnown } from '../eval/values.js';
import { spendElements } from '../eval/work-budget.js';
import { arity, type HclFunction } from './function-signature.js';
import { formatValue } from './format.js';
import { allMatches, firstMatch, replaceAll } from './terraform-regex.js';

const str = (value: Value | undefined): string => asString(value, 'the argument');

export const stringFunctions: Record<string, HclFunction> = {
  format: (args) => {
    arity(args, 1, Infinity);
    args.slice(1).forEach(requireKnown);
    return formatValue(str(args[0]), args.slice(1));
  },
  formatlist: (args) => {
    arity(args, 1, Infinity);
    const lists = args.slice(1).filter(Array.isArray) as Value[][];
    const length = lists.length > 0 ? lists[0]!.length : 1;
    if (lists.some((list) => list.length !== length)) throw new EvalError('all list arguments must have the same length');
    return Array.from({ length }, (_, i) => formatValue(str(args[0]), args.slice(1).map((arg) => (Array.isArray(arg) ? arg[i]! : arg))));
  },
  join: (args) => {
    arity(args, 2, Infinity);
    return args.slice(1).flatMap((list) => asList(list).map(str)).join(str(args[0]));
  },
  split: (args) => {
    arity(args, 2);
    const text = str(args[1]);
    return text === '' ? [] : text.split(str(args[0]));
  },
  lower: (args) => (arity(args, 1), str(args[0]).toLowerCase()),
  upper: (args) => (arity(args, 1), str(args[0]).toUpperCase()),
  title: (args) => (arity(args, 1), str(args[0]).replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())),
  trimspace: (args) => (arity(args, 1), str(args[0]).trim()),
  trim: (args) => {
    arity(args, 2);
    const cut = new Set(str(args[1]));
    const chars = [...str(args[0])];
    let start = 0;
    let end = chars.length;
    while (start < end && cut.has(chars[start]!)) start++;
    while (end > start && cut.has(chars[end - 1]!)) end--;
    return chars.slice(start, end).join('');
  },
  trimprefix: (args) => {
    arity(args, 2);
    const [text, prefix] = [str(args[0]), str(args[1])];
    return text.startsWith(prefix) ? text.slice(prefix.length) : text;
  },
  trimsuffix: (args) => {
    arity(args, 2);
    const [text, suffix] = [str(args[0]), str(args[1])];
    return suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  },
  replace: (args) => {
    arity(args, 3);
    const [text, search, replacement] = [str(args[0]), str(args[1]), str(args[2])];
    if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
      return replaceAll(search.slice(1, -1), text, replacement);
    }
    const parts = text.split(search);
    // Counted before it is built: a long replacement for each of many occurrences is gigabytes.
    spendElements(Math.floor(((parts.length - 1) * replacement.length) / 64), 'replace()');
    return parts.join(replacement);
  },
  substr: (args) => {
    arity(args, 3);
    const chars = [...str(args[0])];
    let offset = asNumber(args[1]);
    const length = asNumber(args[2]);
    if (offset < 0) offset = chars.length + offset;
    return chars.slice(offset, length < 0 ? undefined : offset + length).join('');
  },
  chomp: (args) => (arity(args, 1), str(args[0]).replace(/(\r\n|\n|\r)+$/, '')),
  indent: (args) => {
    arity(args, 2);
    const text = str(args[1]);
    const width = asNumber(args[0]);
    spendElements(Math.floor(((text.split('\n').length - 1) * width) / 64), `indent(${width})`);
    const pad = ' '.repeat(width);
    return text.replace(/\n/g, `\n${pad}`);
  },
  strrev: (args) => (arity(args, 1), [...str(args[0])].reverse().join('')),
  startswith: (args) => (arity(args, 2), str(args[0]).startsWith(str(args[1]))),
  endswith: (args) => (arity(args, 2), str(args[0]).endsWith(str(args[1]))),
  strcontains: (args) => (arity(args, 2), str(args[0]).includes(str(args[1]))),
  regex: (args) => {
    arity(args, 2);
    const match = firstMatch(str(args[0]), str(args[1]));
    if (match === undefined) throw new EvalError(`pattern "${str(args[0])}" does not match`);
    return match;
  },
  regexall: (args) => {
    arity(args, 2);
    return allMatches(str(args[0]), str(args[1]));
  },
  tostring: (args) => {
    arity(args, 1);
    return args[0] === null ? null : str(args[0]);
  },
};
