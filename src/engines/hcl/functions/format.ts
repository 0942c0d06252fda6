import type { Value } from '../../../model/value.js';
import { EvalError } from '../eval/eval-error.js';
import { asBool, asNumber, asString, formatNumber } from '../eval/values.js';
import { spendElements } from '../eval/work-budget.js';
import { jsonText } from './encoding.js';

const VERB = /%([-+ 0#]*)(\d+|\*)?(?:\.(\d+))?([a-zA-Z%])/g;

/** Terraform's `format`: printf-style verbs %s %d %f %e %g %t %q %v %x %X %o %b and %%. */
export function formatValue(spec: string, args: Value[]): string {
  let next = 0;
  const out = spec.replace(VERB, (_whole, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) throw new EvalError(`not enough arguments for "${spec}"`);
    const arg = args[next++]!;
    const text = convert(verb, arg, precision === undefined ? undefined : Number(precision), flags);
    return pad(text, width === undefined || width === '*' ? 0 : Number(width), flags);
  });
  if (next < args.length) throw new EvalError(`too many arguments for "${spec}"`);
  return out;
}

function convert(verb: string, arg: Value, precision: number | undefined, flags: string): string {
  switch (verb) {
    case 's':
      return precision === undefined ? asString(arg) : [...asString(arg)].slice(0, precision).join('');
    case 'v':
      return typeof arg === 'string' || typeof arg === 'number' || typeof arg === 'boolean' ? asString(arg) : jsonText(arg);
    case 'q':
      return JSON.stringify(asString(arg));
    case 'd': {
      const n = asNumber(arg);
      if (!Number.isInteger(n)) throw new EvalError(`%d needs a whole number, got ${n}`);
      return withSign(String(Math.abs(n)), n < 0, flags);
    }
    case 'f':
    case 'F': {
      const n = asNumber(arg);
      return withSign(Math.abs(n).toFixed(precision ?? 6), n < 0, flags);
    }
    case 'e':
    case 'E': {
      const n = asNumber(arg);
      const text = Math.abs(n).toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      return withSign(verb === 'E' ? text.toUpperCase() : text, n < 0, flags);
    }
    case 'g':
    case 'G':
      return formatNumber(asNumber(arg));
    case 't':
      return asBool(arg) ? 'true' : 'false';
    case 'x':
    case 'X': {
      const value = typeof arg === 'string' ? Buffer.from(arg).toString('hex') : Math.trunc(asNumber(arg)).toString(16);
      return verb === 'X' ? value.toUpperCase() : value;
    }
    case 'o':
      return Math.trunc(asNumber(arg)).toString(8);
    case 'b':
      return Math.trunc(asNumber(arg)).toString(2);
    default:
      throw new EvalError(`unsupported format verb %${verb}`);
  }
}

function withSign(digits: string, negative: boolean, flags: string): string {
  if (negative) return `-${digits}`;
  if (flags.includes('+')) return `+${digits}`;
  if (flags.includes(' ')) return ` ${digits}`;
  return digits;
}

function pad(text: string, width: number, flags: string): string {
  if (text.length >= width) return text;
  spendElements(Math.floor(width / 64), `a format width of ${width}`);
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[+-]?\d/.test(text)) {
    const sign = /^[+-]/.test(text) ? text[0]! : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}
