import { REDACTED } from '../../../model/sensitive.js';
import { Unknown, isUnknown } from '../../../model/unknown.js';
import { isValueObject, type Value } from '../../../model/value.js';
import { EvalError } from '../eval/eval-error.js';
import { NeedsKnown, containsSensitive, markSensitive, reveal } from '../eval/values.js';
import { spendElements } from '../eval/work-budget.js';
import { collectionFunctions } from './collections.js';
import { encodingFunctions } from './encoding.js';
import { networkFunctions } from './network.js';
import { numberFunctions } from './numbers.js';
import { sensitivityFunctions } from './sensitivity.js';
import type { HclFunction } from './function-signature.js';
import { stringFunctions } from './strings.js';


const FUNCTIONS: Record<string, HclFunction> = {
  ...stringFunctions,
  ...collectionFunctions,
  ...numberFunctions,
  ...encodingFunctions,
  ...networkFunctions,
};

/**
 * Calls a built-in function. An argument that is wholly unknown makes the result unknown; a
 * sensitive argument makes the result sensitive; a function warden does not evaluate (files,
 * time, randomness, provider functions) gives an Unknown naming it.
 */
export function callFunction(name: string, args: Value[]): Value {
  if (Object.hasOwn(sensitivityFunctions, name)) return withArgumentErrors(name, () => sensitivityFunctions[name]!(args));
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!fn) return new Unknown(`${name}() is not evaluated statically`);
  for (const arg of args) if (isUnknown(arg)) return arg;
  const sensitive = args.some(containsSensitive);
  try {
    const result = fn(sensitive ? args.map(reveal) : args);
    spendElements(resultElements(result), `${name}()`);
    return markSensitive(result, sensitive);
  } catch (error) {
    if (error instanceof NeedsKnown) return error.unknown;
    // A parser's message may quote part of a sensitive argument, which no substitution would find.
    if (error instanceof EvalError) throw new EvalError(`${name}(): ${sensitive ? `cannot be evaluated on its ${REDACTED} argument` : error.message}`);
    throw error;
  }
}

/** Names the function in an argument error (`abs(): …`). */
function withArgumentErrors(name: string, run: () => Value): Value {
  try {
    return run();
  } catch (error) {
    if (error instanceof EvalError) throw new EvalError(`${name}(): ${error.message}`);
    throw error;
  }
}

/** What a function made, for the element budget: list elements, map keys, 64-character blocks of text. */
function resultElements(result: Value): number {
  if (Array.isArray(result)) return result.length;
  if (typeof result === 'string') return result.length >> 6;
  if (isValueObject(result)) return Object.keys(result).length;
  return 0;
}
