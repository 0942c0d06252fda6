import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../engines/plan/decode-text.js';
import { parsePlanText } from '../engines/plan/load-plan.js';
import type { Resource } from '../model/resource.js';
import type { Finding } from '../rules/finding.js';
import type { LoadedPolicy } from '../rules/loading/loaded-policy.js';
import type { CaseForm, CaseTable, TableCase } from './case-table.js';
import { listPolicyCases, runInlinePolicyCase, runPolicyCase, type CaseKind } from './policy-cases.js';
import { policyCaseTable } from './policy-tests.js';
import { formsOf, runTableCase, tableCaseKind } from './run-table-case.js';

const MAX_RESOURCES = 3;

/** One of a policy's cases, shown as documentation: the resources it is about and what the policy says of them. */
export interface PolicyExample {
  name: string;
  kind: CaseKind;
  file: string;
  resources: Resource[];
  findings: Finding[];
  /**
   * For a case-table example: the source as the case writes it (the .tf text; for a plan, only the
   * failing resources' changes; for live, the API objects), shown instead of the resources' values.
   */
  source?: { form: CaseForm; text: string };
}

/**
 * The example `warden policies show` prints: the first failing case (else the first case) of the case
 * table, in its .tf form if it has one (else plan, else live); without a table, from the cases folder
 * or the inline examples. Resources are those the case expects findings on, else those of the
 * policy's resource types. Undefined when the policy has no readable case.
 */
export async function policyExample(loaded: LoadedPolicy): Promise<PolicyExample | undefined> {
  let table: CaseTable | undefined;
  try {
    table = await policyCaseTable(loaded);
  } catch {
    table = undefined;
  }
  const failing = table?.cases.filter((c) => tableCaseKind(c) === 'fail') ?? [];
  const row = failing.find((c) => c.tf !== undefined) ?? failing[0] ?? table?.cases[0];
  if (table && row) return tableExample(loaded, table, row);
  let files: ReturnType<typeof listPolicyCases> = [];
  try {
    files = listPolicyCases(loaded.origin.casesDir);
  } catch {
    files = [];
  }
  const candidates = [
    ...files.map((c) => ({ name: c.name, kind: c.kind, file: c.file, text: () => decodeText(readFileSync(c.file)), run: () => runPolicyCase(loaded.policy, c) })),
    ...(loaded.examples ?? []).map((e) => ({
      name: e.name, kind: e.kind, file: e.source, text: () => JSON.stringify(e.plan), run: async () => runInlinePolicyCase(loaded.policy, e),
    })),
  ];
  const chosen = candidates.find((c) => c.kind === 'fail') ?? candidates[0];
  if (!chosen) return undefined;
  const folder = sourceFolderText(chosen.file);
  if (folder !== undefined) {
    const result = await chosen.run();
    return { name: chosen.name, kind: chosen.kind, file: chosen.file, resources: [], findings: result.findings, source: { form: 'tf', text: folder } };
  }
  let text: string;
  let document: { warden_expect?: { address?: unknown }[] };
  try {
    text = chosen.text();
    document = JSON.parse(text) as typeof document;
  } catch {
    return undefined;
  }
  let resources: Resource[];
  try {
    resources = parsePlanText(text, chosen.file).inventory.resources.filter((r) => r.mode === 'managed');
  } catch {
    return undefined;
  }
  const expected = new Set((Array.isArray(document.warden_expect) ? document.warden_expect : []).map((e) => e.address));
  const types = loaded.policy.resourceTypes;
  const shown = resources.filter((r) => expected.has(r.address));
  const fallback = resources.filter((r) => !types || types.includes(r.type));
  const result = await chosen.run();
  return { name: chosen.name, kind: chosen.kind, file: chosen.file, resources: (shown.length > 0 ? shown : fallback).slice(0, MAX_RESOURCES), findings: result.findings };
}

/** A source-folder case's .tf files, each under its name; undefined when the case is not a folder. */
function sourceFolderText(path: string): string | undefined {
  let files: string[];
  try {
    files = readdirSync(path).filter((f) => f.endsWith('.tf')).sort();
  } catch {
    return undefined;
  }
  return files.map((f) => `# ${f}\n${decodeText(readFileSync(join(path, f))).trimEnd()}`).join('\n\n');
}

/** One form of a table case as an example: the form's own text, and what the policy reports on it. */
async function tableExample(loaded: LoadedPolicy, table: CaseTable, row: TableCase): Promise<PolicyExample> {
  const form = formsOf(row)[0]!;
  const only: TableCase = { name: row.name, expect: row.expect, ...(row.options ? { options: row.options } : {}), [form]: row[form] };
  const [result] = await runTableCase(loaded.policy, table, only);
  return { name: row.name, kind: tableCaseKind(row), file: table.file, resources: [], findings: result?.findings ?? [], source: { form, text: sourceText(row, form) } };
}

function sourceText(row: TableCase, form: CaseForm): string {
  if (form === 'tf') return typeof row.tf === 'string' ? row.tf.trimEnd() : `(the .tf files in ${row.tf!.dir})`;
  if (form === 'live') return JSON.stringify(row.live, null, 2);
  const failing = new Set(row.expect.filter((e) => e.verdict !== 'pass').map((e) => e.address));
  const changes = row.plan!.resource_changes.filter((rc) => failing.has(String(rc['address'])));
  return JSON.stringify(changes.length > 0 ? changes : row.plan!.resource_changes, null, 2);
}
