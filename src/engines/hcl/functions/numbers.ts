import type { Value } from '../../../model/value.js';
import { EvalError } from '../eval/eval-error.js';
import { asBool, asList, asNumber, asString } from '../eval/values.js';
import { arity, type HclFunction } from './function-signature.js';

const num = (value: Value | undefined): number => asNumber(value, 'the argument');

/** min/max take numbers as separate arguments (or an expanded list). */
function numbers(args: Value[]): number[] {
  if (args.length === 0) throw new EvalError('expects at least one argument');
  return args.flatMap((arg) => (Array.isArray(arg) ? asList(arg).map(num) : [num(arg)]));
}

export const numberFunctions: Record<string, HclFunction> = {
  abs: (args) => (arity(args, 1), Math.abs(num(args[0]))),
  ceil: (args) => (arity(args, 1), Math.ceil(num(args[0]))),
  floor: (args) => (arity(args, 1), Math.floor(num(args[0]))),
  max: (args) => Math.max(...numbers(args)),
  min: (args) => Math.min(...numbers(args)),
  pow: (args) => (arity(args, 2), num(args[0]) ** num(args[1])),
  signum: (args) => (arity(args, 1), Math.sign(num(args[0]))),
  log: (args) => (arity(args, 2), Math.log(num(args[0])) / Math.log(num(args[1]))),
  parseint: (args) => {
    arity(args, 2);
    const base = num(args[1]);
    const text = asString(args[0]);
    const parsed = parseInt(text, base);
    if (Number.isNaN(parsed) || !new RegExp(`^[-+]?[0-9a-z]+$`, 'i').test(text)) throw new EvalError(`cannot parse "${text}" as a base ${base} integer`);
    return parsed;
  },
  tonumber: (args) => {
    arity(args, 1);
    return args[0] === null ? null : num(args[0]);
  },
  tobool: (args) => {
    arity(args, 1);
    return args[0] === null ? null : asBool(args[0]);
  },
};
