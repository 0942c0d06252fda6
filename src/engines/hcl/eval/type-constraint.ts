import { Sensitive, isSensitive } from '../../../model/sensitive.js';
import { isUnknown } from '../../../model/unknown.js';
import { isValueObject, ownEntry, setEntry, type Value, type ValueObject } from '../../../model/value.js';
import type { Expr } from '../syntax/ast.js';

/** A variable's `type` constraint, as far as conversion needs it. */
export type TypeSpec =
  | { kind: 'any' | 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; element: TypeSpec }
  | { kind: 'tuple'; elements: TypeSpec[] }
  | { kind: 'object'; attributes: Record<string, ObjectAttribute> };

interface ObjectAttribute {
  type: TypeSpec;
  optional: boolean;
  /** The `optional(type, default)` default, already evaluated. */
  default?: Value;
}

const ANY: TypeSpec = { kind: 'any' };

/** Reads a type expression (`list(object({ port = number, cidrs = optional(list(string), []) }))`). */
export function parseType(expr: Expr | undefined, constant: (expr: Expr) => Value): TypeSpec {
  if (!expr) return ANY;
  if (expr.kind === 'variable') return primitive(expr.name);
  if (expr.kind === 'literal' && typeof expr.value === 'string') return primitive(expr.value); // Terraform 0.11 "string"/"list"/"map"
  if (expr.kind !== 'call') return ANY;
  const [first] = expr.args;
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map':
      return { kind: expr.name, element: parseType(first, constant) };
    case 'tuple':
      return { kind: 'tuple', elements: first?.kind === 'tuple' ? first.items.map((item) => parseType(item, constant)) : [] };
    case 'object': {
      const attributes: Record<string, ObjectAttribute> = {};
      if (first?.kind === 'object') {
        for (const item of first.items) {
          const name = item.name ?? (item.key.kind === 'literal' ? String(item.key.value) : undefined);
          if (name === undefined) continue;
          const value = item.value;
          if (value.kind === 'call' && value.name === 'optional') {
            const type = parseType(value.args[0], constant);
            attributes[name] = value.args[1] ? { type, optional: true, default: convert(constant(value.args[1]), type) } : { type, optional: true };
          } else {
            attributes[name] = { type: parseType(value, constant), optional: false };
          }
        }
      }
      return { kind: 'object', attributes };
    }
    default:
      return ANY;
  }
}

function primitive(name: string): TypeSpec {
  switch (name) {
    case 'string':
    case 'number':
    case 'bool':
      return { kind: name };
    case 'list':
    case 'set':
    case 'map':
      return { kind: name, element: ANY };
    default:
      return ANY;
  }
}

/** True for string, number and bool: a `--var` value for such a variable is taken as a literal string. */
export function isPrimitive(type: TypeSpec): boolean {
  return type.kind === 'string' || type.kind === 'number' || type.kind === 'bool' || type.kind === 'any';
}

/**
 * Converts a value to a type the way Terraform does on assignment: numbers and bools from strings
 * and back, optional object attributes filled with their defaults. A value that does not convert is
 * kept as it is (Terraform would reject the configuration; policies see what was written).
 */
export function convert(value: Value, type: TypeSpec): Value {
  if (type.kind === 'any' || value === null || isUnknown(value)) return value;
  if (isSensitive(value)) return new Sensitive(convert(value.reveal() as Value, type));
  switch (type.kind) {
    case 'string':
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    case 'number':
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    case 'bool':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'list':
    case 'set':
      return Array.isArray(value) ? value.map((item) => convert(item, type.element)) : value;
    case 'tuple':
      return Array.isArray(value) ? value.map((item, i) => convert(item, type.elements[i] ?? ANY)) : value;
    case 'map': {
      if (!isValueObject(value)) return value;
      const out: ValueObject = {};
      for (const key of Object.keys(value)) setEntry(out, key, convert(value[key]!, type.element));
      return out;
    }
    case 'object': {
      if (!isValueObject(value) || Object.keys(type.attributes).length === 0) return value;
      const out: ValueObject = {};
      for (const [name, attribute] of Object.entries(type.attributes)) {
        const given = ownEntry(value, name);
        if (given !== undefined && given !== null) setEntry(out, name, convert(given, attribute.type));
        else if (attribute.optional) setEntry(out, name, attribute.default ?? null);
        else if (given === null) setEntry(out, name, null);
      }
      return out;
    }
  }
}
