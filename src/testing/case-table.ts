import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import casesSchema from '../../schemas/warden-cases.schema.json' with { type: 'json' };
import type { Severity } from '../rules/severity.js';

/**
 * A policy's case table, `<id>.cases.yaml` beside the policy (schemas/warden-cases.schema.json): like
 * ESLint's RuleTester tables, many small cases in one file, each in one or more source forms.
 */
export interface CaseTable {
  file: string;
  policy?: string;
  cases: TableCase[];
}

export interface TableCase {
  name: string;
  about?: string;
  options?: Record<string, unknown>;
  same?: boolean;
  expect: TableExpectation[];
  tf?: string | { dir: string };
  plan?: PlanFragment;
  live?: LiveFragment;
}

export interface TableExpectation {
  address: string;
  verdict: 'fail' | 'unknown' | 'pass';
  severity?: Severity;
  element?: string;
}

export interface PlanFragment {
  resource_changes: Record<string, unknown>[];
  configuration?: Record<string, unknown>;
  prior_state?: Record<string, unknown>;
  variables?: Record<string, unknown>;
}

/** AWS API objects (or whole response pages) by `service:Operation`. */
export type LiveFragment = Record<string, Record<string, unknown>[]>;

export const CASE_FORMS = ['tf', 'plan', 'live'] as const;
export type CaseForm = (typeof CASE_FORMS)[number];

/** A case table that cannot be read or does not follow the schema: one line naming the file and the case. */
export class CaseTableError extends Error {}

const validate = new Ajv({ allErrors: false, strict: false }).compile(casesSchema);

/** The file name of a policy's case table. */
export function caseTableName(policyId: string): string {
  return `${policyId}.cases.yaml`;
}

/** Reads and validates a case table; undefined when the file does not exist. */
export async function readCaseTable(file: string, policyId: string): Promise<CaseTable | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CaseTableError(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new CaseTableError(`${file}: not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (!validate(document)) throw new CaseTableError(`${file}: ${describeCaseError(document, validate.errors?.[0])}`);
  const table = document as unknown as Omit<CaseTable, 'file'>;
  if (table.policy !== undefined && table.policy !== policyId) throw new CaseTableError(`${file}: the cases are for policy "${table.policy}", not "${policyId}"`);
  const seen = new Set<string>();
  for (const [i, c] of table.cases.entries()) {
    if (seen.has(c.name)) throw new CaseTableError(`${file}: cases[${i}] "${c.name}": the name is used twice`);
    seen.add(c.name);
    if (c.same && CASE_FORMS.filter((form) => c[form] !== undefined).length < 2) {
      throw new CaseTableError(`${file}: cases[${i}] "${c.name}": same: true needs at least two forms (tf, plan, live)`);
    }
  }
  return { file, ...table };
}

/** `cases[2] "ssh-world": expect[0].severity must be …`: the case by index and name, then what is wrong. */
function describeCaseError(document: unknown, error: ErrorObject | undefined): string {
  if (!error) return 'does not follow schemas/warden-cases.schema.json';
  const path = error.instancePath.split('/').slice(1);
  const detail = error.keyword === 'additionalProperties' ? `unknown key "${String(error.params['additionalProperty'])}"` : error.message ?? 'is invalid';
  if (path[0] !== 'cases' || path[1] === undefined) return `${path.join('.') || 'the document'} ${detail}`;
  const index = Number(path[1]);
  const name = (document as { cases: { name?: unknown }[] }).cases[index]?.name;
  const at = path.slice(2).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
  return `cases[${index}]${typeof name === 'string' ? ` "${name}"` : ''}: ${at ? `${at} ` : ''}${detail}`;
}
