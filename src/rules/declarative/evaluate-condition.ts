import { containsUnknown, isValueObject, type Value } from '../../model/value.js';
import { isSensitive } from '../../model/sensitive.js';
import { re2Pattern } from '../../model/re2-pattern.js';
import { isUnknown, type Unknown } from '../../model/unknown.js';
import { OPERATORS, type Condition, type LeafCondition, type Operator } from './declarative-document.js';
import { queryPath, type PathMatch } from './jsonpath-query.js';

/** Three-valued: a condition holds, does not, or cannot be decided because a value it needs is Unknown. */
export type Truth = true | false | 'unknown';

/** The outcome of a condition, with what it looked at. */
export interface ConditionResult {
  truth: Truth;
  /** Values that made leaves hold (the offending values, for a failing resource). */
  evidence: PathMatch[];
  /** Unknowns that left a leaf undecided. */
  unknowns: { pointer: string; value: Unknown }[];
}


/**
 * Evaluates a condition over a resource document with Kleene logic: `all` is false as soon as one
 * part is false, `any` true as soon as one is true, and otherwise an undecided part makes the whole
 * undecided. A leaf holds when some selected value satisfies its operator.
 */
export function evaluateCondition(condition: Condition, document: unknown): ConditionResult {
  if ('all' in condition) return combine(condition.all.map((c) => evaluateCondition(c, document)), false);
  if ('any' in condition) return combine(condition.any.map((c) => evaluateCondition(c, document)), true);
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, document);
    return { ...inner, truth: inner.truth === 'unknown' ? 'unknown' : !inner.truth };
  }
  return evaluateLeaf(condition, document);
}

/** `decisive` is the value that settles the combination (true for any, false for all). */
function combine(parts: ConditionResult[], decisive: boolean): ConditionResult {
  const evidence = parts.flatMap((p) => p.evidence);
  const unknowns = parts.flatMap((p) => p.unknowns);
  if (parts.some((p) => p.truth === decisive)) {
    return { truth: decisive, evidence: parts.filter((p) => p.truth === decisive).flatMap((p) => p.evidence), unknowns: [] };
  }
  if (parts.some((p) => p.truth === 'unknown')) return { truth: 'unknown', evidence, unknowns };
  return { truth: !decisive, evidence, unknowns: [] };
}

function evaluateLeaf(leaf: LeafCondition, document: unknown): ConditionResult {
  const operator = operatorOf(leaf);
  const { matches, unknowns } = queryPath(document, leaf.path);
  const present = matches.filter((m) => m.value !== null && m.value !== undefined);
  if (operator === 'exists') {
    if (present.length > 0) return { truth: leaf.exists === true, evidence: present, unknowns: [] };
    if (unknowns.length > 0) return { truth: 'unknown', evidence: [], unknowns };
    return { truth: leaf.exists === false, evidence: [], unknowns: [] };
  }
  const satisfying: PathMatch[] = [];
  const undecided = [...unknowns];
  for (const match of matches) {
    const value = isSensitive(match.value) ? match.value.reveal() : match.value;
    // A structured value with an Unknown inside cannot be compared as a whole.
    if ((operator === 'equals' || operator === 'in') && containsUnknown(value as Value)) {
      undecided.push({ pointer: match.pointer, value: firstUnknown(value as Value)! });
      continue;
    }
    if (satisfies(operator, leaf, value)) satisfying.push(match);
  }
  if (satisfying.length > 0) return { truth: true, evidence: satisfying, unknowns: [] };
  if (undecided.length > 0) return { truth: 'unknown', evidence: [], unknowns: undecided };
  return { truth: false, evidence: matches, unknowns: [] };
}

export function operatorOf(leaf: LeafCondition): Operator {
  const found = OPERATORS.find((op) => op in leaf);
  if (!found) throw new Error(`condition on ${leaf.path} has no operator`);
  return found;
}

function satisfies(operator: Exclude<Operator, 'exists'>, leaf: LeafCondition, value: unknown): boolean {
  switch (operator) {
    case 'equals':
      return deepEqual(value, leaf.equals);
    case 'in':
      return (leaf.in ?? []).some((candidate) => deepEqual(value, candidate));
    case 'matches': {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false;
      // RE2: a policy file is data from the repository, and its pattern must not be able to hang the scan.
      return re2Pattern(leaf.matches!).matcher(String(value)).find();
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (Number.isNaN(number)) return false;
      const bound = leaf[operator]!;
      return operator === 'gt' ? number > bound : operator === 'gte' ? number >= bound : operator === 'lt' ? number < bound : number <= bound;
    }
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (isSensitive(a)) return deepEqual(a.reveal(), b);
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function firstUnknown(value: Value): Unknown | undefined {
  if (isUnknown(value)) return value;
  const children = Array.isArray(value) ? value : isValueObject(value) ? Object.values(value) : [];
  for (const child of children) {
    const found = firstUnknown(child);
    if (found) return found;
  }
  return undefined;
}
