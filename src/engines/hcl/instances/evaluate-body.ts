import type { SourceLocation } from '../../../model/location.js';
import { Sensitive, isSensitive } from '../../../model/sensitive.js';
import { Unknown, isUnknown } from '../../../model/unknown.js';
import { isValueObject, ownEntry, setEntry, type Value, type ValueObject } from '../../../model/value.js';
import { attribute, blocks, traversalText } from '../config/module-config.js';
import { EvalError } from '../eval/eval-error.js';
import { entries, evaluate, type EvalContext } from '../eval/evaluator.js';
import { ResourceValue } from '../eval/resource-value.js';
import { BudgetExceeded, spendElements } from '../eval/work-budget.js';
import type { Attribute, Block, Body, Expr } from '../syntax/ast.js';

/** The evaluated configuration of a block, with where each attribute is written and what it refers to. */
export interface EvaluatedBody {
  values: ValueObject;
  /** Dotted attribute path (`ingress.0.cidr_blocks`) → where it is written. */
  locations: Record<string, SourceLocation>;
  /** Dotted attribute path → addresses of the resources its expression refers to. */
  references: Record<string, string[]>;
  /** Dotted attribute paths whose expression is a constant string written in the code (see Resource.literalAttributes). */
  literals: string[];
}

/** Arguments that configure Terraform itself, not the resource. */
const META_ATTRIBUTES = new Set(['count', 'for_each', 'provider', 'depends_on']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);

/** Records the resources each attribute refers to, under the attribute's path (one collector per block). */
class ReferenceCollector {
  path = '';

  constructor(readonly references: Record<string, string[]>) {}

  add(address: string): void {
    const list = (this.references[this.path] ??= []);
    if (!list.includes(address)) list.push(address);
  }
}

/** Evaluates a resource (or provider/backend) block body: attributes, nested blocks as lists, `dynamic` blocks expanded. */
export function evaluateBlockBody(body: Body, context: EvalContext): EvaluatedBody {
  const out: EvaluatedBody = { values: {}, locations: {}, references: {}, literals: [] };
  const refs = new ReferenceCollector(out.references);
  out.values = evaluateBody(body, { file: context.file, names: context.names, ...(context.bindings ? { bindings: context.bindings } : {}), refs }, '', out, true);
  return out;
}

function evaluateBody(body: Body, context: EvalContext & { refs: ReferenceCollector }, prefix: string, out: EvaluatedBody, top: boolean): ValueObject {
  const values: ValueObject = {};
  for (const item of body.items) {
    if (item.kind === 'attribute') {
      if (top && META_ATTRIBUTES.has(item.name)) continue;
      const path = prefix + item.name;
      context.refs.path = path;
      setEntry(values, item.name, evaluateAttribute(item, context));
      out.locations[path] = locationOf(item);
      if (isConstantString(item.value)) out.literals.push(path);
      else addNestedLiterals(item, item.value, path, out);
    } else if (item.type === 'dynamic') {
      expandDynamic(item, values, context, prefix, out);
    } else {
      if (top && META_BLOCKS.has(item.type)) continue;
      const list = listAt(values, item.type);
      const path = `${prefix}${item.type}.${list.length}`;
      out.locations[path] = locationOf(item);
      out.locations[prefix + item.type] ??= locationOf(item);
      list.push(evaluateBody(item.body, context, `${path}.`, out, false));
    }
  }
  return values;
}

/**
 * The constant strings inside a map or list written in the code (`variables = { KEY_ID = "AKIA…" }`):
 * as literal as a top-level string, each with its own line. Keys that are not plain names or strings are skipped.
 */
function addNestedLiterals(attr: Attribute, expr: Expr, path: string, out: EvaluatedBody): void {
  const entries: [string, Expr, number][] =
    expr.kind === 'tuple'
      ? expr.items.map((value, i) => [String(i), value, value.span.start])
      : expr.kind === 'object'
        ? expr.items.flatMap((item): [string, Expr, number][] => {
            const key = item.name ?? (item.key.kind === 'literal' && typeof item.key.value === 'string' ? item.key.value : undefined);
            return key === undefined || key.includes('.') ? [] : [[key, item.value, item.key.span.start]];
          })
        : [];
  for (const [key, value, start] of entries) {
    const at = `${path}.${key}`;
    if (isConstantString(value)) {
      out.literals.push(at);
      out.locations[at] ??= attr.file.location(start, value.span.end);
    } else addNestedLiterals(attr, value, at, out);
  }
}

/** A string written in the code: a quoted literal, or a template/heredoc made only of text. */
export function isConstantString(expr: Expr): boolean {
  if (expr.kind === 'literal') return typeof expr.value === 'string';
  return expr.kind === 'template' && expr.parts.every((part) => part.kind === 'text');
}

/** `dynamic "ingress" { for_each = …; iterator = rule; content { … } }` → one `ingress` block per element. */
function expandDynamic(block: Block, values: ValueObject, context: EvalContext & { refs: ReferenceCollector }, prefix: string, out: EvaluatedBody): void {
  const name = block.labels[0];
  const content = blocks(block.body, 'content')[0];
  const forEach = attribute(block.body, 'for_each');
  if (!name || !content || !forEach) return;
  const iteratorExpr = attribute(block.body, 'iterator')?.value;
  const iterator = (iteratorExpr && traversalText(iteratorExpr)) ?? name;
  const list = listAt(values, name);
  out.locations[prefix + name] ??= locationOf(block);
  const collection = evaluateExpression(forEach, { file: context.file, names: context.names, ...(context.bindings ? { bindings: context.bindings } : {}) });
  if (isUnknown(collection)) {
    out.locations[`${prefix}${name}.${list.length}`] = locationOf(block);
    list.push(new Unknown(`the for_each of dynamic "${name}" is not known statically: ${collection.reason}`));
    return;
  }
  // Terraform expands a sensitive for_each here (unlike a resource's) and marks every block it makes.
  const sensitive = isSensitive(collection);
  let items: [Value, Value][];
  try {
    items = entries(isSensitive(collection) ? (collection.reveal() as Value) : collection);
    spendElements(items.length, `dynamic "${name}"`);
  } catch (error) {
    if (!(error instanceof EvalError) && !isElementBudget(error)) throw error;
    list.push(new Unknown(`${locationText(forEach)}: ${(error as Error).message}`));
    return;
  }
  for (const [key, value] of items) {
    const bindings = new Map(context.bindings ?? []);
    bindings.set(iterator, { key, value });
    const path = `${prefix}${name}.${list.length}`;
    out.locations[path] = locationOf(content);
    const generated = evaluateBody(content.body, { ...context, bindings }, `${path}.`, out, false);
    list.push(sensitive ? new Sensitive(generated) : generated);
  }
}

/** An attribute's value; an expression Terraform would reject becomes an Unknown saying why and where. */
export function evaluateAttribute(attr: Attribute, context: EvalContext): Value {
  return settle(evaluateExpression(attr, context));
}

/**
 * Like evaluateAttribute, but resource objects stay as they are: `for_each = aws_s3_bucket.logs`
 * gives each instance `each.value` as the bucket, whose attributes (and reference) are then known.
 */
export function evaluateExpression(attr: Attribute, context: EvalContext): Value {
  try {
    return evaluate(attr.value, context);
  } catch (error) {
    if (error instanceof EvalError) return new Unknown(error.describe());
    // An explosion stops here: the attribute is unknown, the budget keeps the gap for the input.
    if (isElementBudget(error)) return new Unknown(`${locationText(attr)}: ${error.message}`);
    throw error;
  }
}

/** Replaces resource objects that ended up inside a value by plain Unknowns (they hold evaluator state). */
function settle(value: Value): Value {
  if (value instanceof ResourceValue) return new Unknown(value.reason);
  if (Array.isArray(value)) {
    let copy: Value[] | undefined;
    value.forEach((item, i) => {
      const settled = settle(item);
      if (settled !== item) (copy ??= [...value])[i] = settled;
    });
    return copy ?? value;
  }
  if (isValueObject(value)) {
    let copy: ValueObject | undefined;
    for (const key in value) {
      const item = value[key]!;
      const settled = settle(item);
      if (settled !== item) setEntry((copy ??= { ...value }), key, settled);
    }
    return copy ?? value;
  }
  return value;
}

function listAt(values: ValueObject, name: string): Value[] {
  const existing = ownEntry(values, name);
  if (Array.isArray(existing)) return existing;
  const list: Value[] = [];
  setEntry(values, name, list);
  return list;
}

const locations = new WeakMap<Attribute | Block, SourceLocation>();

/** Where a block or attribute is written (computed once: every count/for_each instance shares it). */
export function locationOf(item: Attribute | Block): SourceLocation {
  let location = locations.get(item);
  if (!location) {
    location = item.file.location(item.span.start, item.span.end);
    locations.set(item, location);
  }
  return location;
}

function locationText(attr: Attribute): string {
  const { line, column } = attr.file.position(attr.span.start);
  return `${attr.file.path}:${line}:${column}`;
}

function isElementBudget(error: unknown): error is BudgetExceeded {
  return error instanceof BudgetExceeded && error.kind === 'elements';
}
