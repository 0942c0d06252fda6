import { isSensitive } from '../../../model/sensitive.js';
import { UnknownAttribute, UnknownText, attributeReferenceOf, withoutPartialKnowledge } from '../../../model/partly-known.js';
import { Unknown, isUnknown } from '../../../model/unknown.js';
import { isValueObject, ownEntry, setEntry, type Value, type ValueObject } from '../../../model/value.js';
import { callFunction } from '../functions/call-function.js';
import type { Expr, Span, Step, TemplatePart } from '../syntax/ast.js';
import type { SourceFile } from '../syntax/source-file.js';
import { EvalError } from './eval-error.js';
import { ResourceValue } from './resource-value.js';
import { evaluationStep, spendElements } from './work-budget.js';
import { NeedsKnown, asBool, asList, asNumber, asString, firstUnknown, hideSensitiveIn, markSensitive, sortedKeys, typeName, valuesEqual } from './values.js';

/** Resolves the names a module defines (`var`, `local`, `module`, resources, `path` …) with the steps that follow them. */
export interface NameResolver {
  /** The value of `name` followed by `steps`; undefined when the name is not defined in this scope. */
  resolve(name: string, steps: readonly Step[], context: EvalContext, span: Span): Value | undefined;
}

export interface EvalContext {
  readonly file: SourceFile;
  readonly names: NameResolver;
  /** Local names: for-expression variables, `count`, `each`, a dynamic block's iterator. */
  readonly bindings?: ReadonlyMap<string, Value>;
  /** Collects the addresses of the resources the expression refers to. */
  readonly refs?: { add(address: string): void };
}

/**
 * Evaluates an expression statically. Anything that cannot be known yields an Unknown with its
 * reason; an expression Terraform would reject throws EvalError (callers turn that into an Unknown
 * at the attribute it belongs to).
 */
export function evaluate(expr: Expr, context: EvalContext): Value {
  evaluationStep();
  try {
    return evaluateExpr(expr, context);
  } catch (error) {
    if (error instanceof NeedsKnown) return error.unknown;
    if (error instanceof EvalError && !error.where) throw new EvalError(error.message, { file: context.file, span: expr.span });
    throw error;
  }
}

/**
 * A partly known value (`aws_s3_bucket.b.arn`, model/partly-known.ts) stays one only as itself: through
 * names (locals, variables, module outputs, `each`), collections, a conditional's branch and a template
 * that adds text around it. What a splat, a function, a `for` or an operator makes of it is another
 * value (withoutPartialKnowledge, in those cases: a wrapper around every expression cost a call each).
 */
function evaluateExpr(expr: Expr, context: EvalContext): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template':
      return template(expr.parts, context);
    case 'tuple':
      return expr.items.map((item) => evaluate(item, context));
    case 'object':
      return object(expr, context);
    case 'variable':
      return resolveName(expr.name, [], context, expr.span);
    case 'traversal':
      if (expr.target.kind === 'variable') return resolveName(expr.target.name, expr.steps, context, expr.span);
      return applySteps(evaluate(expr.target, context), expr.steps, context);
    case 'splat':
      return withoutPartialKnowledge(splat(evaluate(expr.target, context), expr.steps, context));
    case 'call':
      return withoutPartialKnowledge(call(expr, context));
    case 'for':
      return withoutPartialKnowledge(forExpression(expr, context));
    case 'conditional': {
      const condition = evaluate(expr.condition, context);
      if (isUnknown(condition)) return withoutPartialKnowledge(condition);
      const sensitive = isSensitive(condition);
      const chosen = asBool(sensitive ? (condition.reveal() as Value) : condition, 'the condition') ? expr.then : expr.else;
      return markSensitive(evaluate(chosen, context), sensitive);
    }
    case 'unary': {
      const operand = evaluate(expr.operand, context);
      return withoutPartialKnowledge(withRevealed([operand], ([value]) => (expr.op === '-' ? -asNumber(value, 'the operand of -') : !asBool(value, 'the operand of !'))));
    }
    case 'binary':
      return withoutPartialKnowledge(binary(expr.op, expr.left, expr.right, context));
  }
}

/** Looks a name up in the local bindings, then in the module scope. */
export function resolveName(name: string, steps: readonly Step[], context: EvalContext, span: Span): Value {
  const bound = context.bindings?.get(name);
  if (bound !== undefined) return applySteps(bound, steps, context);
  const resolved = context.names.resolve(name, steps, context, span);
  if (resolved === undefined) throw new EvalError(`unknown name "${name}"`, { file: context.file, span });
  return resolved;
}

/** Applies `.attr` and `[key]` steps to a value. */
export function applySteps(start: Value, steps: readonly Step[], context: EvalContext): Value {
  let value = start;
  let sensitive = false;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (isSensitive(value)) {
      sensitive = true;
      value = value.reveal() as Value;
    }
    if (step.kind === 'attr') {
      // Reading an attribute of a resource, however the object was reached (`each.value.id`), refers to it.
      if (value instanceof ResourceValue) context.refs?.add(value.address);
      value = attribute(value, step.name);
    } else {
      const key = evaluate(step.key, context);
      if (isUnknown(key)) return withoutPartialKnowledge(key);
      value = isSensitive(key) ? guarded([key.reveal() as Value], () => index(value, key.reveal() as Value)) : index(value, key);
    }
    if (isUnknown(value) && !(value instanceof ResourceValue)) {
      // Steps left: a part of the unknown value, no longer the attribute itself.
      if (i < steps.length - 1) value = withoutPartialKnowledge(value);
      break;
    }
  }
  return markSensitive(value, sensitive);
}

function attribute(value: Value, name: string): Value {
  if (value instanceof ResourceValue) return value.attribute(name);
  if (isUnknown(value)) return value;
  if (isValueObject(value)) {
    const found = ownEntry(value, name);
    if (found === undefined) throw new EvalError(`no attribute "${name}" (the object has ${Object.keys(value).slice(0, 8).join(', ') || 'none'})`);
    return found;
  }
  if (value === null) throw new EvalError(`cannot read attribute "${name}" of null`);
  throw new EvalError(`cannot read attribute "${name}" of a ${typeName(value)}`);
}

function index(value: Value, key: Value): Value {
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) {
    const i = asNumber(key, 'a list index');
    if (!Number.isInteger(i) || i < 0 || i >= value.length) throw new EvalError(`index ${i} is out of range (the list has ${value.length} elements)`);
    return value[i]!;
  }
  if (isValueObject(value)) {
    const name = asString(key, 'a map key');
    const found = ownEntry(value, name);
    if (found === undefined) throw new EvalError(`no element "${name}" in the map`);
    return found;
  }
  throw new EvalError(`cannot index a ${typeName(value)}`);
}

function splat(target: Value, steps: readonly Step[], context: EvalContext): Value {
  if (target === null) return [];
  if (isSensitive(target)) return markSensitive(splat(target.reveal() as Value, steps, context), true);
  if (Array.isArray(target)) return target.map((item) => applySteps(item, steps, context));
  if (isUnknown(target) && !(target instanceof ResourceValue)) return target;
  return [applySteps(target, steps, context)];
}

function template(parts: readonly TemplatePart[], context: EvalContext): Value {
  // A template that is only one interpolation ("${x}") yields the value itself, not its string form.
  if (parts.length === 1 && parts[0]!.kind === 'interpolation') return evaluate(parts[0]!.expr, context);
  const state: RenderState = { sensitive: false };
  const text = renderParts(parts, context, state);
  if (isUnknown(text)) return attributeInText(parts, text) ?? textWithKnownStart(text, state) ?? withoutPartialKnowledge(text);
  spendElements(textElements(text), 'a string template');
  return markSensitive(text, state.sensitive);
}

/**
 * `"${aws_s3_bucket.b.arn}/*"`, `"arn:aws:s3:::${aws_s3_bucket.b.id}/*"`: one attribute known only after
 * apply between literal text stays an UnknownAttribute with that text around it, so policies still know
 * whose it is. `unknown` is what rendering stopped at, which with one interpolation is that one's value.
 */
function attributeInText(parts: readonly TemplatePart[], unknown: Unknown): UnknownAttribute | undefined {
  const reference = attributeReferenceOf(unknown);
  if (!reference || reference.prefix !== '' || reference.suffix !== '') return undefined;
  let prefix = '';
  let suffix = '';
  let interpolations = 0;
  for (const part of parts) {
    if (part.kind === 'interpolation') interpolations++;
    else if (part.kind !== 'text') return undefined;
    else if (interpolations === 0) prefix += part.text;
    else suffix += part.text;
  }
  return interpolations === 1 ? new UnknownAttribute(unknown.reason, { ...reference, prefix, suffix }) : undefined;
}

/**
 * `"arn:aws:iam::${local.account}:root"`: the text rendered before what is not known is the known start
 * of the string. Never for a template that revealed a sensitive value: the start could hold part of it.
 */
function textWithKnownStart(unknown: Unknown, state: RenderState): UnknownText | undefined {
  if (state.sensitive || !state.knownPrefix) return undefined;
  return new UnknownText(unknown.reason, state.knownPrefix);
}

interface RenderState {
  sensitive: boolean;
  /** When rendering stopped at an Unknown: the text rendered before it, this level's and the nested ones'. */
  knownPrefix?: string;
}

function renderParts(parts: readonly TemplatePart[], context: EvalContext, state: RenderState): string | Unknown {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    if (part.kind === 'interpolation') {
      let value = evaluate(part.expr, context);
      if (isSensitive(value)) {
        state.sensitive = true;
        value = value.reveal() as Value;
      }
      if (isUnknown(value)) return stopAt(value, out, state);
      if (value === null) throw new EvalError('cannot interpolate null into a string', { file: context.file, span: part.expr.span });
      out += asString(value, 'an interpolated value');
    } else if (part.kind === 'if') {
      const condition = evaluate(part.condition, context);
      if (isUnknown(condition)) return stopAt(condition, out, state);
      const rendered = renderParts(asBool(condition, 'the %{if} condition') ? part.then : part.else, context, state);
      if (isUnknown(rendered)) return stopAt(rendered, out + (state.knownPrefix ?? ''), state);
      out += rendered;
    } else {
      const collection = evaluate(part.collection, context);
      if (isUnknown(collection)) return stopAt(collection, out, state);
      const items = entries(collection);
      spendElements(items.length, 'a %{for} directive');
      for (const [key, item] of items) {
        const bindings = new Map(context.bindings ?? []);
        bindings.set(part.valueVar, item);
        if (part.keyVar) bindings.set(part.keyVar, key);
        const rendered = renderParts(part.body, { ...context, bindings }, state);
        if (isUnknown(rendered)) return stopAt(rendered, out + (state.knownPrefix ?? ''), state);
        out += rendered;
      }
    }
  }
  return out;
}

function stopAt(unknown: Unknown, rendered: string, state: RenderState): Unknown {
  state.knownPrefix = rendered;
  return unknown;
}

function object(expr: Extract<Expr, { kind: 'object' }>, context: EvalContext): Value {
  const out: ValueObject = {};
  // As in Terraform, a sensitive key makes the whole object sensitive: its keys are part of its value.
  let sensitive = false;
  for (const item of expr.items) {
    let key: Value = item.name ?? evaluate(item.key, context);
    if (isUnknown(key)) return new Unknown(`a key of the object is unknown: ${key.reason}`);
    if (isSensitive(key)) {
      sensitive = true;
      key = key.reveal() as Value;
    }
    setEntry(out, asString(key, 'an object key'), evaluate(item.value, context));
  }
  return markSensitive(out, sensitive);
}

/** Elements of a collection with their keys: list index, map key (sorted) or set element. */
export function entries(collection: Value): [Value, Value][] {
  if (Array.isArray(collection)) return collection.map((item, i) => [i, item]);
  if (isValueObject(collection)) return sortedKeys(collection).map((key) => [key, collection[key]!]);
  if (collection === null) throw new EvalError('cannot iterate over null');
  throw new EvalError(`cannot iterate over a ${typeName(collection)}`);
}

function forExpression(expr: Extract<Expr, { kind: 'for' }>, context: EvalContext): Value {
  const evaluated = evaluate(expr.collection, context);
  if (isUnknown(evaluated)) return evaluated;
  // A sensitive collection, or any sensitive key, makes the result sensitive (as Terraform marks it).
  let sensitive = isSensitive(evaluated);
  const collection = isSensitive(evaluated) ? (evaluated.reveal() as Value) : evaluated;
  const list: Value[] = [];
  const map: ValueObject = {};
  const groups = new Map<string, Value[]>();
  const items = entries(collection);
  spendElements(items.length, 'a for expression');
  for (const [key, item] of items) {
    const bindings = new Map(context.bindings ?? []);
    bindings.set(expr.valueVar, item);
    if (expr.keyVar) bindings.set(expr.keyVar, key);
    const inner: EvalContext = { ...context, bindings };
    if (expr.condition) {
      const keep = evaluate(expr.condition, inner);
      if (isUnknown(keep)) return keep;
      if (!asBool(isSensitive(keep) ? (keep.reveal() as Value) : keep, 'the for condition')) continue;
    }
    const value = evaluate(expr.value, inner);
    if (!expr.key) {
      list.push(value);
      continue;
    }
    const keyValue = evaluate(expr.key, inner);
    if (isUnknown(keyValue)) return new Unknown(`a key of the for expression is unknown: ${keyValue.reason}`);
    if (isSensitive(keyValue)) sensitive = true;
    const name = asString(isSensitive(keyValue) ? (keyValue.reveal() as Value) : keyValue, 'a for expression key');
    if (expr.grouping) {
      const group = groups.get(name);
      if (group) group.push(value);
      else groups.set(name, [value]);
    } else {
      if (Object.hasOwn(map, name)) throw new EvalError(`duplicate key "${name}" in the for expression (add ... to group values)`);
      setEntry(map, name, value);
    }
  }
  if (!expr.key) return markSensitive(list, sensitive);
  if (expr.grouping) for (const [name, group] of groups) setEntry(map, name, group);
  return markSensitive(map, sensitive);
}

function call(expr: Extract<Expr, { kind: 'call' }>, context: EvalContext): Value {
  if (expr.name === 'try' || expr.name === 'can') return tryOrCan(expr, context);
  const args = expr.args.map((arg) => evaluate(arg, context));
  let expandedSensitive = false;
  if (expr.expandLast && args.length > 0) {
    const last = args.pop()!;
    if (isUnknown(last)) return last;
    // Expanding a sensitive list spreads its elements: the result is sensitive as the list was.
    expandedSensitive = isSensitive(last);
    args.push(...asList(isSensitive(last) ? (last.reveal() as Value) : last, 'the expanded argument'));
  }
  return markSensitive(callFunction(expr.name, args), expandedSensitive);
}

/** `try(a, b…)`: the first argument that evaluates without error; `can(x)`: whether x evaluates. */
function tryOrCan(expr: Extract<Expr, { kind: 'call' }>, context: EvalContext): Value {
  let lastError: EvalError | undefined;
  for (const arg of expr.args) {
    try {
      const value = evaluate(arg, context);
      if (expr.name === 'can') return isUnknown(value) ? value : true;
      return value;
    } catch (error) {
      if (!(error instanceof EvalError)) throw error;
      if (expr.name === 'can') return false;
      lastError = error;
    }
  }
  throw new EvalError(`no argument of try() could be evaluated${lastError ? `: ${lastError.message}` : ''}`);
}

function binary(op: Extract<Expr, { kind: 'binary' }>['op'], leftExpr: Expr, rightExpr: Expr, context: EvalContext): Value {
  const left = evaluate(leftExpr, context);
  if (op === '&&' || op === '||') {
    // A known deciding operand decides even when the other one is unknown.
    if (left === (op === '||')) return left;
    const right = evaluate(rightExpr, context);
    if (right === (op === '||')) return right;
    return withRevealed([left, right], ([a, b]) => (op === '&&' ? asBool(a, 'the left operand of &&') && asBool(b, 'the right operand of &&') : asBool(a, 'the left operand of ||') || asBool(b, 'the right operand of ||')));
  }
  const right = evaluate(rightExpr, context);
  if (op === '==' || op === '!=') {
    return withRevealed([left, right], ([a, b]) => {
      const unknown = firstUnknown(a) ?? firstUnknown(b);
      if (unknown) throw new NeedsKnown(unknown);
      return valuesEqual(a, b) === (op === '==');
    });
  }
  return withRevealed([left, right], ([a, b]) => {
    const x = asNumber(a, `the left operand of ${op}`);
    const y = asNumber(b, `the right operand of ${op}`);
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        if (y === 0) throw new EvalError('division by zero');
        return x / y;
      case '%':
        if (y === 0) throw new EvalError('modulo by zero');
        return x % y;
      case '>':
        return x > y;
      case '>=':
        return x >= y;
      case '<':
        return x < y;
      default:
        return x <= y;
    }
  });
}

/** Runs an operation on operands with their sensitive marks removed; the result is sensitive if any operand was. */
function withRevealed(operands: Value[], operation: (values: Value[]) => Value): Value {
  let sensitive = false;
  const values = operands.map((value) => {
    if (isSensitive(value)) {
      sensitive = true;
      return value.reveal() as Value;
    }
    return value;
  });
  for (const value of values) if (isUnknown(value)) return value;
  if (!sensitive) return operation(values);
  return markSensitive(guarded(operands.filter(isSensitive).map((o) => o.reveal() as Value), () => operation(values)), true);
}

/** Runs an operation on revealed sensitive values: an error it raises does not quote them. */
function guarded<T>(revealed: readonly Value[], operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof EvalError) throw hideSensitiveIn(error, revealed);
    throw error;
  }
}

/** Rendered text counts one element per 64 characters: doubling a string through locals is an explosion too. */
export function textElements(text: string): number {
  return text.length >> 6;
}
