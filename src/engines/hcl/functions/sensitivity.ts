import { Sensitive, isSensitive } from '../../../model/sensitive.js';
import type { Value } from '../../../model/value.js';
import { containsSensitive } from '../eval/values.js';
import { arity, type HclFunction } from './function-signature.js';

/**
 * Terraform's functions about the sensitive mark itself: they see their argument's mark, so they run
 * before the other functions' arguments are revealed. `sensitive(x)` marks x (a policy still compares
 * the value; only reports hide it), `nonsensitive(x)` takes the mark off, `issensitive(x)` asks.
 */
export const sensitivityFunctions: Record<string, HclFunction> = {
  sensitive(args) {
    const value = only(args);
    return isSensitive(value) ? value : new Sensitive(value);
  },
  nonsensitive(args) {
    const value = only(args);
    return isSensitive(value) ? (value.reveal() as Value) : value;
  },
  issensitive(args) {
    return containsSensitive(only(args));
  },
};

/** The one argument each of them takes. */
function only(args: Value[]): Value {
  arity(args, 1);
  return args[0]!;
}
