import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../engines/input-error.js';
import { loadInput } from '../engines/load-input.js';
import type { Inventory } from '../model/inventory.js';
import type { Finding } from '../rules/finding.js';
import type { CaseKind } from '../rules/loading/inline-policy-case.js';
import type { Policy } from '../rules/policy.js';
import { resolvePolicyOptions } from '../rules/policy-options.js';
import { runPolicies } from '../rules/runner.js';
import { CASE_FORMS, type CaseForm, type CaseTable, type TableCase } from './case-table.js';
import { compareFindings } from './compare-findings.js';
import { completeInventory } from './complete-inventory.js';
import { completePlan } from './complete-plan.js';
import type { PolicyCaseResult } from './policy-cases.js';

/** What one form of a table case gave: its result, and every verdict (passes too) for the `same` comparison. */
interface FormRun {
  form: CaseForm;
  result: PolicyCaseResult;
  verdicts?: string[];
}

/** A case's kind: fail if it expects a failure, else unknown if it expects one, else pass. */
export function tableCaseKind(c: TableCase): CaseKind {
  if (c.expect.some((e) => e.verdict === 'fail')) return 'fail';
  return c.expect.some((e) => e.verdict === 'unknown') ? 'unknown' : 'pass';
}

/** The forms a case is written in, in the order tf, plan, live. */
export function formsOf(c: TableCase): CaseForm[] {
  return CASE_FORMS.filter((form) => c[form] !== undefined);
}

/**
 * Runs one case of a table: each form is completed into the file a user would scan (main.tf, a plan
 * document, a saved inventory), written to a scratch folder and read by the scan's own loader, then
 * only `policy` runs on it. One result per form (`ssh-world [tf]`), and for `same: true` one more
 * (`ssh-world [same]`) that fails when the forms disagree on any address's verdict.
 */
export async function runTableCase(policy: Policy, table: CaseTable, c: TableCase): Promise<PolicyCaseResult[]> {
  const runs: FormRun[] = [];
  for (const form of formsOf(c)) runs.push(await runForm(policy, table, c, form));
  const results = runs.map((r) => r.result);
  if (c.same) results.push(sameResult(policy, table, c, runs));
  return results;
}

async function runForm(policy: Policy, table: CaseTable, c: TableCase, form: CaseForm): Promise<FormRun> {
  const name = `${c.name} [${form}]`;
  const outcome = (differences: string[], findings: Finding[] = []): PolicyCaseResult => ({
    policyId: policy.id,
    name,
    kind: tableCaseKind(c),
    file: table.file,
    ok: differences.length === 0,
    differences,
    findings: findings.filter((f) => f.verdict !== 'pass'),
  });
  let options: unknown;
  try {
    options = resolvePolicyOptions(policy, c.options, `${table.file}: ${c.name}: options`);
  } catch (error) {
    return { form, result: outcome([error instanceof Error ? error.message : String(error)]) };
  }
  const scratch = await mkdtemp(join(tmpdir(), 'warden-case-'));
  try {
    const { path, addresses } = await writeCaseForm(table, c, form, scratch);
    const display = `${table.file}: ${name}`;
    let loaded;
    try {
      loaded = await loadInput(path, display, { cwd: form === 'tf' ? path : scratch });
    } catch (error) {
      if (error instanceof InputError) return { form, result: outcome([`not a readable input: ${error.message}`]) };
      throw error;
    }
    const unread = (loaded.gaps ?? []).filter((gap) => gap.scope === 'input');
    if (unread.length > 0) return { form, result: outcome(unread.map((gap) => `not fully readable: ${gap.message}`)) };
    const run = runOn(policy, options, loaded.inventories ?? [loaded.inventory], addresses);
    if (run.errors.length > 0) return { form, result: outcome(run.errors) };
    return {
      form,
      result: outcome(compareFindings(c.expect, run.findings), run.findings),
      verdicts: run.findings.map((f) => `${f.resource.address} ${f.verdict}${f.verdict === 'pass' ? '' : ` ${f.severity}`}`).sort(),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Writes one form of a case as the file a scan reads, in `scratch`; a `tf: { dir }` case is read where it lies. */
export async function writeCaseForm(table: CaseTable, c: TableCase, form: CaseForm, scratch: string): Promise<{ path: string; addresses?: Map<string, string> }> {
  if (form === 'tf') {
    if (typeof c.tf === 'object') return { path: resolve(dirname(table.file), c.tf.dir) };
    await writeFile(join(scratch, 'main.tf'), c.tf!);
    return { path: scratch };
  }
  if (form === 'plan') {
    const path = join(scratch, 'plan.json');
    await writeFile(path, JSON.stringify(completePlan(c.plan!), null, 2));
    return { path };
  }
  const completed = completeInventory(c.live!);
  const path = join(scratch, 'inventory.json');
  await writeFile(path, JSON.stringify(completed.document, null, 2));
  return { path, addresses: completed.addresses };
}

/** Runs the policy on every inventory; live resources that declared an address are reported under it. */
function runOn(policy: Policy, options: unknown, inventories: readonly Inventory[], addresses?: Map<string, string>): { findings: Finding[]; errors: string[] } {
  const findings: Finding[] = [];
  const errors: string[] = [];
  for (const inventory of inventories) {
    const renamed = new Map<string, string>();
    if (addresses && addresses.size > 0) {
      for (const r of inventory.resources) {
        const declared = addresses.get(JSON.stringify(r.raw));
        if (declared) renamed.set(r.address, declared);
      }
    }
    const run = runPolicies(inventory, [{ policy, options }], 'report');
    errors.push(...run.errors.map((e) => `the policy threw: ${e.message}`));
    for (const f of run.findings) {
      if (f.ruleId !== policy.id) continue;
      const address = renamed.get(f.resource.address);
      findings.push(address ? { ...f, resource: { ...f.resource, address } } : f);
    }
  }
  return { findings, errors };
}

/** `same: true`: every form must give the same verdicts per address as the first form. */
function sameResult(policy: Policy, table: CaseTable, c: TableCase, runs: FormRun[]): PolicyCaseResult {
  const differences: string[] = [];
  const [first, ...others] = runs;
  if (first?.verdicts) {
    for (const other of others) {
      if (!other.verdicts) continue;
      const only = (a: string[], b: string[]): string[] => a.filter((v) => !b.includes(v));
      for (const v of only(first.verdicts, other.verdicts)) differences.push(`${first.form} has "${v}", ${other.form} does not`);
      for (const v of only(other.verdicts, first.verdicts)) differences.push(`${other.form} has "${v}", ${first.form} does not`);
    }
  }
  if (runs.some((r) => !r.verdicts)) differences.push('a form could not be run (see its own result)');
  return { policyId: policy.id, name: `${c.name} [same]`, kind: tableCaseKind(c), file: table.file, ok: differences.length === 0, differences, findings: [] };
}
