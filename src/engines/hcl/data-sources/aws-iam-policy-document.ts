import { UnknownJson, encodedValueOf } from '../../../model/unknown-json.js';
import { Unknown, isUnknown } from '../../../model/unknown.js';
import { isValueObject, listOf, ownEntry, setEntry, type Value, type ValueObject } from '../../../model/value.js';
import { jsonText } from '../functions/encoding.js';
import { firstUnknown } from '../eval/values.js';

/**
 * `data "aws_iam_policy_document"` evaluated as the AWS provider does at plan time, so that the rest
 * of warden sees its `json` (and `minified_json`) as a plan would show them: `statement` blocks
 * (`sid`, `effect`, `actions`/`not_actions`, `resources`/`not_resources`, `principals`/`not_principals`,
 * `condition`) become Statement objects, single-element lists become strings, and
 * `source_policy_documents` / `override_policy_documents` are merged by `Sid` (sources first, then this
 * document's statements, then overrides; a statement with a Sid replaces the earlier one with that Sid).
 * Parts known only after apply make `json` an Unknown that still carries the document (UnknownJson).
 */
export function policyDocumentJson(config: ValueObject): { json: Value; minified_json: Value } {
  const statements: Value[] = [];
  const merge = (incoming: Value[]): void => {
    for (const statement of incoming) {
      const sid = isValueObject(statement) ? statement['Sid'] : undefined;
      const at = typeof sid === 'string' && sid !== '' ? statements.findIndex((s) => isValueObject(s) && s['Sid'] === sid) : -1;
      if (at >= 0) statements[at] = statement;
      else statements.push(statement);
    }
  };
  merge(documentsIn(config['source_policy_documents']));
  const own = listOf(config['statement']);
  merge(isUnknown(own) ? [own] : own.map((block) => (isValueObject(block) ? statementOf(block) : block)));
  merge(documentsIn(config['override_policy_documents']));

  const document: ValueObject = { Version: typeof config['version'] === 'string' ? config['version'] : '2012-10-17' };
  if (config['policy_id'] !== undefined && config['policy_id'] !== null) document['Id'] = config['policy_id'];
  document['Statement'] = statements;
  const unknown = firstUnknown(document);
  if (unknown) {
    const json = new UnknownJson(`the policy document is known only after apply: ${unknown.reason}`, document);
    return { json, minified_json: json };
  }
  const text = jsonText(document);
  return { json: JSON.stringify(JSON.parse(text), null, 2), minified_json: text };
}

/** The Statement lists of JSON documents given as strings; an unknown one stands as one unknown statement. */
function documentsIn(value: Value | undefined): Value[] {
  const documents = listOf(value);
  if (isUnknown(documents)) return [documents];
  return documents.flatMap((document): Value[] => {
    const encoded = encodedValueOf(document);
    if (encoded !== undefined) return statementsOf(encoded);
    if (isUnknown(document)) return [document];
    if (typeof document !== 'string') return [];
    try {
      return statementsOf(JSON.parse(document) as Value);
    } catch {
      return [new Unknown('a source or override policy document is not valid JSON')];
    }
  });
}

function statementsOf(document: Value): Value[] {
  if (!isValueObject(document)) return [];
  const statements = document['Statement'];
  if (statements === undefined || statements === null) return [];
  return Array.isArray(statements) ? statements : [statements];
}

const LISTS = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
] as const;

function statementOf(block: ValueObject): ValueObject {
  const out: ValueObject = {};
  if (typeof block['sid'] === 'string' && block['sid'] !== '') out['Sid'] = block['sid'];
  else if (isUnknown(block['sid'])) out['Sid'] = block['sid'];
  out['Effect'] = block['effect'] === undefined || block['effect'] === null ? 'Allow' : block['effect'];
  for (const [attribute, key] of LISTS) {
    const value = block[attribute];
    if (value === undefined || value === null) continue;
    out[key] = collapse(value);
  }
  const principals = principalsOf(block['principals']);
  if (principals !== undefined) out['Principal'] = principals;
  const notPrincipals = principalsOf(block['not_principals']);
  if (notPrincipals !== undefined) out['NotPrincipal'] = notPrincipals;
  const conditions = conditionsOf(block['condition']);
  if (conditions !== undefined) out['Condition'] = conditions;
  return out;
}

/** A one-element list is written as its element, as the provider does. */
function collapse(value: Value): Value {
  return Array.isArray(value) && value.length === 1 ? value[0]! : value;
}

/** The nested blocks of one kind (`principals`, `condition`): undefined when there are none, Unknown when not known. */
function nestedBlocks(value: Value | undefined): ValueObject[] | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  const blocks = listOf(value);
  if (isUnknown(blocks)) return blocks;
  const objects = blocks.filter(isValueObject);
  return objects.length === 0 ? undefined : objects;
}

/** `principals { type = "AWS" identifiers = [...] }` blocks → `{"AWS": [...]}`; type `*` with `*` → `"*"`. */
function principalsOf(value: Value | undefined): Value | undefined {
  const blocks = nestedBlocks(value);
  if (blocks === undefined || isUnknown(blocks)) return blocks;
  const out: ValueObject = {};
  for (const block of blocks) {
    const type = block['type'];
    const identifiers = listOf(block['identifiers']);
    if (type === '*') return '*';
    if (typeof type !== 'string') return isUnknown(type) ? type : new Unknown('a principals block has no type');
    const existing = ownEntry(out, type);
    const merged = isUnknown(identifiers) ? identifiers : [...(Array.isArray(existing) ? existing : existing === undefined ? [] : [existing]), ...identifiers];
    setEntry(out, type, isUnknown(merged) ? merged : collapse(merged));
  }
  return out;
}

/** `condition { test, variable, values }` blocks → `{ test: { variable: values } }`. */
function conditionsOf(value: Value | undefined): Value | undefined {
  const blocks = nestedBlocks(value);
  if (blocks === undefined || isUnknown(blocks)) return blocks;
  const out: ValueObject = {};
  for (const block of blocks) {
    const { test, variable } = block;
    if (typeof test !== 'string' || typeof variable !== 'string') return firstUnknown(block) ?? new Unknown('a condition block lacks test or variable');
    const existing = ownEntry(out, test);
    const tests = isValueObject(existing) ? existing : {};
    setEntry(tests, variable, collapse(listOf(block['values']) as Value));
    setEntry(out, test, tests);
  }
  return out;
}
