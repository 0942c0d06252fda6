import { isPartlyKnown } from '../partly-known.js';
import { encodedValueOf } from '../unknown-json.js';
import { Unknown, isUnknown } from '../unknown.js';
import { isSensitive } from '../sensitive.js';
import { isValueObject, type Value, type ValueObject } from '../value.js';
import type { Condition, Effect, PatternList, PolicyDocument, Principals, Statement } from './policy-document.js';

/**
 * A policy document from any source → the normalised model, or Unknown saying why it cannot be read:
 * - a JSON string (heredoc, `jsonencode`, a data source's `json`, a plan's known string);
 * - the same URL-encoded, as the IAM API returns documents (`%7B%22Version%22…`);
 * - an already decoded object (a live record, a value an engine decoded);
 * - an Unknown string that still carries the value it encodes (`jsonencode` of a value with parts
 *   known only after apply, model/unknown-json.ts): read as far as it is known.
 * An empty string is a document without statements (Terraform's unset `inline_policy.policy`).
 */
export function parsePolicyDocument(source: Value | undefined, what = 'the policy document'): PolicyDocument | Unknown {
  if (source === undefined || source === null) return { statements: [] };
  const encoded = encodedValueOf(source);
  if (encoded !== undefined) return normaliseDocument(encoded, what);
  if (isUnknown(source)) return source;
  if (isSensitive(source)) return parsePolicyDocument(source.reveal() as Value, what);
  if (typeof source === 'string') {
    const text = source.trim();
    if (text === '') return { statements: [] };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.startsWith('%') ? decodeURIComponent(text) : text);
    } catch {
      return new Unknown(`${what} is not valid JSON`);
    }
    return normaliseDocument(parsed as Value, what);
  }
  return normaliseDocument(source, what);
}

function normaliseDocument(value: Value, what: string): PolicyDocument | Unknown {
  if (isUnknown(value)) return value;
  if (!isValueObject(value)) return new Unknown(`${what} is not a JSON object`);
  const statements = member(value, 'Statement');
  const out: PolicyDocument = { statements: [] };
  if (statements === undefined || statements === null) return out;
  if (isUnknown(statements)) return { statements: [], unknown: statements };
  const list = Array.isArray(statements) ? statements : [statements];
  list.forEach((statement, index) => {
    if (isUnknown(statement)) out.unknown ??= statement;
    else if (isValueObject(statement)) out.statements.push(normaliseStatement(statement, index));
  });
  return out;
}

function normaliseStatement(raw: ValueObject, index: number): Statement {
  const statement: Statement = { index, effect: effectOf(member(raw, 'Effect')), conditions: conditionsOf(member(raw, 'Condition')) };
  const sid = member(raw, 'Sid');
  if (typeof sid === 'string' && sid !== '') statement.sid = sid;
  const lists = [
    ['Action', 'action'],
    ['NotAction', 'notAction'],
    ['Resource', 'resource'],
    ['NotResource', 'notResource'],
  ] as const;
  for (const [key, field] of lists) {
    const found = member(raw, key);
    if (found !== undefined && found !== null) statement[field] = patternList(found);
  }
  const principal = member(raw, 'Principal');
  if (principal !== undefined && principal !== null) statement.principal = principalsOf(principal);
  const notPrincipal = member(raw, 'NotPrincipal');
  if (notPrincipal !== undefined && notPrincipal !== null) statement.notPrincipal = principalsOf(notPrincipal);
  return statement;
}

/** A member by its AWS name, or by the same name in another case (documents written by hand). */
function member(object: ValueObject, key: string): Value | undefined {
  if (Object.hasOwn(object, key)) return object[key];
  const lower = key.toLowerCase();
  const found = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : object[found];
}

function effectOf(value: Value | undefined): Effect | Unknown {
  if (isUnknown(value)) return value;
  if (typeof value === 'string' && value.toLowerCase() === 'allow') return 'Allow';
  if (typeof value === 'string' && value.toLowerCase() === 'deny') return 'Deny';
  return new Unknown(`Effect is ${JSON.stringify(value ?? null)}, neither Allow nor Deny`);
}

/** A string or list of strings; numbers (an account id written as a number) are read as their text. */
export function patternList(value: Value): PatternList {
  // A partly known string alone (`Resource = aws_s3_bucket.b.arn`) is a list of one element.
  if (isUnknown(value) && !isPartlyKnown(value)) return { known: [], unknown: value };
  const out: PatternList = { known: [] };
  for (const item of Array.isArray(value) ? value : [value]) {
    if (isUnknown(item)) addUnknown(out, item);
    else if (isSensitive(item)) out.known.push(String(item.reveal()));
    else if (typeof item === 'string') out.known.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') out.known.push(String(item));
  }
  return out;
}

function addUnknown(list: PatternList, item: Unknown): void {
  list.unknown ??= item;
  (list.unknownItems ??= []).push(item);
}

function principalsOf(value: Value): Principals {
  if (isUnknown(value)) return { everyone: false, byType: new Map(), unknown: value };
  if (typeof value === 'string') return { everyone: value === '*', byType: new Map() };
  const out: Principals = { everyone: false, byType: new Map() };
  if (!isValueObject(value)) return out;
  for (const [written, values] of Object.entries(value)) {
    // `aws` and `AWS` are one type: a second spelling must not hide a "*" behind the first.
    const type = PRINCIPAL_TYPES.get(written.toLowerCase()) ?? written;
    const list = patternList(values);
    const existing = out.byType.get(type);
    if (existing) mergeInto(existing, list);
    else out.byType.set(type, list);
  }
  return out;
}

const PRINCIPAL_TYPES = new Map(['AWS', 'Federated', 'Service', 'CanonicalUser'].map((type) => [type.toLowerCase(), type]));

/** Adds a list's elements to another's; one not known as a whole makes the merged list not known as a whole. */
function mergeInto(into: PatternList, list: PatternList): void {
  into.known.push(...list.known);
  if (!list.unknown || (into.unknown && !into.unknownItems)) return;
  if (!list.unknownItems) {
    into.unknown = list.unknown;
    delete into.unknownItems;
    return;
  }
  into.unknown ??= list.unknown;
  (into.unknownItems ??= []).push(...list.unknownItems);
}

const SET_QUALIFIERS = ['ForAnyValue', 'ForAllValues'] as const;

function conditionsOf(value: Value | undefined): Condition[] | Unknown {
  if (value === undefined || value === null) return [];
  if (isUnknown(value)) return value;
  if (!isValueObject(value)) return [];
  const out: Condition[] = [];
  for (const [operator, tests] of Object.entries(value)) {
    const [qualifier, rest] = splitQualifier(operator);
    const ifExists = /IfExists$/i.test(rest);
    const baseOperator = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
    if (isUnknown(tests)) return tests;
    if (!isValueObject(tests)) continue;
    for (const [key, values] of Object.entries(tests)) {
      out.push({ operator, baseOperator, ...(qualifier ? { setQualifier: qualifier } : {}), ifExists, key, values: patternList(values) });
    }
  }
  return out;
}

function splitQualifier(operator: string): [(typeof SET_QUALIFIERS)[number] | undefined, string] {
  const colon = operator.indexOf(':');
  if (colon < 0) return [undefined, operator];
  const prefix = operator.slice(0, colon).toLowerCase();
  const qualifier = SET_QUALIFIERS.find((q) => q.toLowerCase() === prefix);
  return [qualifier, operator.slice(colon + 1)];
}
