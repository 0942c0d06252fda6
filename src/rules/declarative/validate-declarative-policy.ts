import { Ajv, type ErrorObject } from 'ajv';
import ajvFormats from 'ajv-formats';
import { LineCounter, parseDocument, type Document } from 'yaml';
import policySchema from '../../../schemas/warden-policy.schema.json' with { type: 'json' };
import { re2Problem } from '../../model/re2-pattern.js';
import type { PolicyLoadProblem } from '../loading/policy-load-problem.js';
import { OPERATORS, type Condition, type DeclarativePolicyDocument } from './declarative-document.js';
import { jsonPathProblem } from './jsonpath-query.js';
import { declarativeMessageProblems } from './declarative-messages.js';

const MAX_PROBLEMS = 5;

let validator: ReturnType<Ajv['compile']> | undefined;

function validateSchema(value: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajvFormats.default(ajv);
    validator = ajv.compile(policySchema);
  }
  return validator(value) ? [] : (validator.errors ?? []);
}

/**
 * Parses and checks a declarative policy. Each problem is one line: the file and line, the JSON
 * pointer of the offending part (`/failWhen/any/1/matches`), and what is wrong with it.
 */
export function validateDeclarativeText(text: string, source: string): { document: DeclarativePolicyDocument } | { problems: PolicyLoadProblem[] } {
  const lines = new LineCounter();
  const yaml = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (yaml.errors.length > 0) {
    const error = yaml.errors[0]!;
    const line = error.linePos?.[0].line ?? lines.linePos(error.pos[0]).line;
    return { problems: [{ source: `${source}:${line}`, message: `invalid YAML/JSON: ${error.message.split('\n')[0]}` }] };
  }
  const value: unknown = yaml.toJS();
  const id = typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
  const problem = (pointer: string, message: string): PolicyLoadProblem => {
    const line = lineOf(yaml, lines, pointer);
    return { source: line ? `${source}:${line}` : source, ...(id ? { policyId: id } : {}), message: `${pointer || '/'}: ${message}` };
  };
  const schemaErrors = mergeRequired(relevantErrors(validateSchema(value)));
  if (schemaErrors.length > 0) return { problems: dedupe(schemaErrors.map((e) => problem(...describeSchemaError(e)))).slice(0, MAX_PROBLEMS) };

  const doc = value as DeclarativePolicyDocument;
  const problems: PolicyLoadProblem[] = [];
  if (doc.appliesWhen) checkCondition(doc.appliesWhen, '/appliesWhen', problems, problem);
  checkCondition(doc.failWhen, '/failWhen', problems, problem);
  for (const [pointer, message] of declarativeMessageProblems(doc)) problems.push(problem(pointer, message));
  doc.examples?.forEach((example, i) => {
    if (example.kind === 'pass' && example.expect?.length) problems.push(problem(`/examples/${i}/expect`, 'a pass example expects no fail or unknown finding'));
    if (example.kind !== 'pass' && !example.expect?.some((e) => e.verdict === example.kind)) {
      problems.push(problem(`/examples/${i}/expect`, `a ${example.kind} example must expect at least one "${example.kind}" finding`));
    }
  });
  return problems.length > 0 ? { problems: problems.slice(0, MAX_PROBLEMS) } : { document: doc };
}

function checkCondition(condition: Condition, pointer: string, problems: PolicyLoadProblem[], problem: (pointer: string, message: string) => PolicyLoadProblem): void {
  if ('all' in condition) return condition.all.forEach((c, i) => checkCondition(c, `${pointer}/all/${i}`, problems, problem));
  if ('any' in condition) return condition.any.forEach((c, i) => checkCondition(c, `${pointer}/any/${i}`, problems, problem));
  if ('not' in condition) return checkCondition(condition.not, `${pointer}/not`, problems, problem);
  const pathProblem = jsonPathProblem(condition.path);
  if (pathProblem) problems.push(problem(`${pointer}/path`, pathProblem));
  const patternProblem = condition.matches !== undefined ? re2Problem(condition.matches) : undefined;
  if (patternProblem) problems.push(problem(`${pointer}/matches`, `not a valid RE2 regular expression (RE2 has no lookaround or backreferences): ${patternProblem}`));
}

/** ajv reports if/then/else branches as extra errors that say nothing to a user; keep the real ones. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => e.keyword !== 'if');
}

/** One error for all the keys missing from one object. */
function mergeRequired(errors: ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const byPointer = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== 'required') {
      out.push(error);
      continue;
    }
    const first = byPointer.get(error.instancePath);
    if (first) {
      (first.params['missing'] as string[]).push(String(error.params['missingProperty']));
      continue;
    }
    const merged = { ...error, params: { ...error.params, missing: [String(error.params['missingProperty'])] } };
    byPointer.set(error.instancePath, merged);
    out.push(merged);
  }
  return out;
}

function describeSchemaError(error: ErrorObject): [string, string] {
  const pointer = error.instancePath;
  const inCondition = /Condition/.test(error.schemaPath);
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params['missing'] as string[] | undefined) ?? [String(error.params['missingProperty'])];
      return [pointer, `${missing.map((m) => `"${m}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} required`];
    }
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const hint = inCondition
        ? ` (a condition is all, any, not, or path with one operator: ${OPERATORS.join(', ')})`
        : '';
      return [`${pointer}/${escapePointer(key)}`, `unknown key "${key}"${hint}`];
    }
    case 'minProperties':
    case 'maxProperties':
      return [pointer, `a condition needs exactly one operator besides path: one of ${OPERATORS.join(', ')}`];
    case 'format':
      return [pointer, error.params['format'] === 'regex' ? 'not a valid regular expression' : `must be a ${String(error.params['format'])}`];
    case 'enum':
      return [pointer, `must be one of ${(error.params['allowedValues'] as unknown[]).map(String).join(', ')}`];
    case 'pattern':
      if (pointer === '/id') return [pointer, 'must be a lower-case slug (a-z, 0-9, -)'];
      if (pointer.endsWith('/path')) return [pointer, 'a path starts at $ (the resource), e.g. $.values.ssl_policy'];
      return [pointer, `must match ${String(error.params['pattern'])}`];
    case 'oneOf':
      return [pointer, 'an example gives either resources or plan (one of them)'];
    default:
      return [pointer, error.message ?? 'is invalid'];
  }
}

/** The line of the YAML node a JSON pointer names (or of its nearest parent that exists). */
function lineOf(yaml: Document, lines: LineCounter, pointer: string): number | undefined {
  const steps = pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  for (let n = steps.length; n >= 0; n--) {
    const path = steps.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const node = n === 0 ? yaml.contents : yaml.getIn(path, true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function dedupe(problems: PolicyLoadProblem[]): PolicyLoadProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.source}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
