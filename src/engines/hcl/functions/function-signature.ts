import { EvalError } from '../eval/eval-error.js';
import type { Value } from '../../../model/value.js';

/** A Terraform function on plain values (no Sensitive wrappers; Unknowns only nested inside collections). */
export type HclFunction = (args: Value[]) => Value;

/** Checks the number of arguments. */
export function arity(args: Value[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new EvalError(`expects ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}`);
  }
}
