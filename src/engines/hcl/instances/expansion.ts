import { isSensitive } from '../../../model/sensitive.js';
import { Unknown, isUnknown } from '../../../model/unknown.js';
import { isValueObject, type Value } from '../../../model/value.js';
import { formatIndex } from '../../plan/module-address.js';
import type { EvalContext } from '../eval/evaluator.js';
import { firstUnknown, sortedKeys } from '../eval/values.js';
import type { Attribute } from '../syntax/ast.js';
import { BudgetExceeded, ELEMENTS_PER_INSTANCE, spendElements } from '../eval/work-budget.js';
import { evaluateExpression } from './evaluate-body.js';

/** The instances `count` / `for_each` create: their keys and the `count`/`each` values seen inside. */
export interface InstanceKey {
  /** Undefined for a block without count/for_each, or when the expansion is unknown. */
  index: string | number | undefined;
  /** `[0]`, `["a"]`, `[*]` (unknown expansion) or ''. */
  suffix: string;
  bindings: Map<string, Value>;
  unknownExpansion?: Unknown;
}

/** Evaluates a block's `count` or `for_each` into its instance keys, in Terraform's order. */
export function expandInstances(what: string, count: Attribute | undefined, forEach: Attribute | undefined, context: EvalContext): InstanceKey[] {
  if (count) {
    const value = evaluateExpression(count, { ...context, file: count.file });
    const reason = problem(value, 'count', what, count);
    if (reason) return [unknownInstance(reason, 'count')];
    const over = overBudget(value as number, what, 'count');
    if (over) return [unknownInstance(over, 'count')];
    return Array.from({ length: value as number }, (_, i) => ({ index: i, suffix: formatIndex(i), bindings: new Map([['count', { index: i }]]) }));
  }
  if (forEach) {
    const value = evaluateExpression(forEach, { ...context, file: forEach.file });
    const reason = problem(value, 'for_each', what, forEach);
    if (reason) return [unknownInstance(reason, 'each')];
    const over = overBudget(Array.isArray(value) ? value.length : Object.keys(value as object).length, what, 'for_each');
    if (over) return [unknownInstance(over, 'each')];
    const pairs: [string, Value][] = Array.isArray(value)
      ? [...new Set(value as string[])].sort().map((key) => [key, key])
      : sortedKeys(value as Record<string, Value>).map((key) => [key, (value as Record<string, Value>)[key]!]);
    return pairs.map(([key, item]) => ({ index: key, suffix: formatIndex(key), bindings: new Map([['each', { key, value: item }]]) }));
  }
  return [{ index: undefined, suffix: '', bindings: new Map() }];
}

/** Spends the instances from the element budget; when they do not fit, the expansion is unknown (the budget records the gap). */
function overBudget(instances: number, what: string, kind: string): Unknown | undefined {
  try {
    spendElements(instances * ELEMENTS_PER_INSTANCE, `the ${kind} of ${what} (${instances} instances)`);
    return undefined;
  } catch (error) {
    if (error instanceof BudgetExceeded && error.kind === 'elements') return new Unknown(error.message);
    throw error;
  }
}

/** Why a count/for_each value cannot be expanded, or undefined when it can. */
function problem(value: Value, kind: 'count' | 'for_each', what: string, attr: Attribute): Unknown | undefined {
  const where = (): string => {
    const { line, column } = attr.file.position(attr.span.start);
    return `${attr.file.path}:${line}:${column}`;
  };
  if (isUnknown(value)) return new Unknown(`the ${kind} of ${what} is not known statically: ${value.reason}`);
  if (isSensitive(value)) return new Unknown(`the ${kind} of ${what} is sensitive`);
  if (kind === 'count') {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return undefined;
    return new Unknown(`${where()}: the count of ${what} must be a whole number, not ${JSON.stringify(value)}`);
  }
  if (Array.isArray(value)) {
    const unknown = firstUnknown(value);
    if (unknown) return new Unknown(`the for_each of ${what} is not known statically: ${unknown.reason}`);
    if (value.every((item) => typeof item === 'string')) return undefined;
    return new Unknown(`${where()}: the for_each of ${what} must be a map or a set of strings`);
  }
  if (isValueObject(value)) return undefined;
  return new Unknown(`${where()}: the for_each of ${what} must be a map or a set of strings`);
}

function unknownInstance(reason: Unknown, binding: 'count' | 'each'): InstanceKey {
  const bindings = new Map<string, Value>([[binding, binding === 'count' ? { index: reason } : { key: reason, value: reason }]]);
  return { index: undefined, suffix: '[*]', bindings, unknownExpansion: reason };
}
