import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../engines/input-error.js';
import { isSavedInventory } from '../engines/live/saved-inventory-marker.js';
import { decodeText } from '../engines/plan/decode-text.js';
import { parsePlanText } from '../engines/plan/load-plan.js';
import type { Inventory } from '../model/inventory.js';
import type { Finding } from '../rules/finding.js';
import type { Policy } from '../rules/policy.js';
import { resolvePolicyOptions } from '../rules/policy-options.js';
import { runPolicies } from '../rules/runner.js';
import { CASE_KINDS, type CaseKind, type InlinePolicyCase } from '../rules/loading/inline-policy-case.js';
import { isSeverity } from '../rules/severity.js';
import { compareFindings, describeFinding, type ExpectedFinding } from './compare-findings.js';

/**
 * Example plans stored beside a policy (`policies/<id>/cases/{pass,fail,unknown}/<name>.json`) that
 * are both its documentation and its tests. Each case is a real `terraform show -json` document plus
 * a top-level `warden_expect` list (Terraform ignores unknown top-level keys, so a case stays a
 * scannable plan) and optionally `warden_options` for the policy.
 *
 * A case can also be a saved live inventory (`warden audit --save-inventory`, with `warden_expect`
 * added) or a folder of Terraform source (`cases/fail/<name>/*.tf`) whose expectation sits in
 * `warden-case.json` beside the `.tf` files: each is read by the engine that reads it in a scan.
 */

/** The file holding `warden_expect` (and `warden_options`) in a source-folder case. */
export const SOURCE_CASE_FILE = 'warden-case.json';

export { CASE_KINDS, type CaseKind, type InlinePolicyCase, type ExpectedFinding };

export interface PolicyCase {
  /** `fail/ssh-world`: the kind folder and the file name without `.json`. */
  name: string;
  kind: CaseKind;
  /** The case file (for an inline case, where it is written). */
  file: string;
}

export interface PolicyCaseResult {
  policyId: string;
  name: string;
  kind: CaseKind;
  file: string;
  ok: boolean;
  /** Why the case failed, one line each; empty when ok. */
  differences: string[];
  /** The `fail`/`unknown` findings the policy produced, for reports. */
  findings: Finding[];
}

/** The cases in a policy's `cases` folder, sorted by name. A missing folder has none; a stray entry is an error. */
export function listPolicyCases(casesDir: string): PolicyCase[] {
  let entries: string[];
  try {
    entries = readdirSync(casesDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const cases: PolicyCase[] = [];
  for (const entry of entries.sort()) {
    const kind = CASE_KINDS.find((k) => k === entry);
    if (!kind || !statSync(join(casesDir, entry)).isDirectory()) {
      throw new Error(`${join(casesDir, entry)}: unexpected entry (a cases folder holds only pass/, fail/ and unknown/)`);
    }
    for (const file of readdirSync(join(casesDir, kind)).sort()) {
      const path = join(casesDir, kind, file);
      if (statSync(path).isDirectory()) {
        cases.push({ name: `${kind}/${file}`, kind, file: path });
        continue;
      }
      if (!file.endsWith('.json')) {
        throw new Error(`${path}: a case is a plan or saved-inventory JSON file (*.json), or a folder of .tf files with ${SOURCE_CASE_FILE}`);
      }
      cases.push({ name: `${kind}/${basename(file, '.json')}`, kind, file: path });
    }
  }
  return cases;
}

/** Loads one case file with the plan engine, runs only `policy` on it, and compares the findings with the expectation. */
export async function runPolicyCase(policy: Policy, policyCase: PolicyCase): Promise<PolicyCaseResult> {
  if (isDirectory(policyCase.file) || (await isSavedInventory(policyCase.file))) return runInputCase(policy, policyCase);
  let text: string;
  let document: unknown;
  try {
    text = decodeText(await readFile(policyCase.file));
    document = JSON.parse(text);
  } catch (error) {
    return caseResult(policy, policyCase, [`cannot read the case: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`]);
  }
  return evaluateCase(policy, policyCase, text, document);
}

/** Like runPolicyCase, for a case held in memory. */
export function runInlinePolicyCase(policy: Policy, inline: InlinePolicyCase): PolicyCaseResult {
  return evaluateCase(policy, { name: inline.name, kind: inline.kind, file: inline.source }, JSON.stringify(inline.plan, null, 2), inline.plan);
}

function evaluateCase(policy: Policy, policyCase: PolicyCase, text: string, document: unknown): PolicyCaseResult {
  const prepared = prepareCase(policy, policyCase, document);
  if ('differences' in prepared) return prepared;
  let inventory;
  try {
    inventory = parsePlanText(text, policyCase.file).inventory;
  } catch (error) {
    if (error instanceof InputError) return caseResult(policy, policyCase, [`not a readable plan: ${error.message}`]);
    throw error;
  }
  return judgeCase(policy, policyCase, prepared, [inventory]);
}

/**
 * A source-folder case or a saved inventory: loaded by the scan's own input loader (imported on
 * demand, so plan-only runs do not load the HCL engine). A source file that cannot be parsed makes
 * the case fail rather than pass on what was readable.
 */
async function runInputCase(policy: Policy, policyCase: PolicyCase): Promise<PolicyCaseResult> {
  const folder = isDirectory(policyCase.file);
  const specFile = folder ? join(policyCase.file, SOURCE_CASE_FILE) : policyCase.file;
  let document: unknown;
  try {
    document = JSON.parse(decodeText(await readFile(specFile)));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return caseResult(policy, policyCase, [
      missing
        ? `a source-folder case needs ${SOURCE_CASE_FILE} beside its .tf files, holding its warden_expect`
        : `cannot read ${specFile}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    ]);
  }
  const prepared = prepareCase(policy, policyCase, document);
  if ('differences' in prepared) return prepared;
  const { loadInput } = await import('../engines/load-input.js');
  let loaded;
  try {
    loaded = await loadInput(policyCase.file, policyCase.file, { cwd: folder ? policyCase.file : dirname(policyCase.file) });
  } catch (error) {
    if (error instanceof InputError) return caseResult(policy, policyCase, [`not a readable input: ${error.message}`]);
    throw error;
  }
  const unread = (loaded.gaps ?? []).filter((gap) => gap.scope === 'input');
  if (unread.length > 0) return caseResult(policy, policyCase, unread.map((gap) => `not fully readable: ${gap.message}`));
  return judgeCase(policy, policyCase, prepared, loaded.inventories ?? [loaded.inventory]);
}

interface PreparedCase {
  expectation: ExpectedFinding[];
  options: unknown;
}

/** Reads the expectation and the policy options of a case document; a problem is a failed result. */
function prepareCase(policy: Policy, policyCase: PolicyCase, document: unknown): PreparedCase | PolicyCaseResult {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return caseResult(policy, policyCase, ['a case is a plan document (a JSON object)']);
  }
  const fields = document as Record<string, unknown>;
  const expectation = readExpectation(fields, policyCase.kind);
  if (typeof expectation === 'string') return caseResult(policy, policyCase, [expectation]);
  try {
    return { expectation, options: resolvePolicyOptions(policy, fields['warden_options'], `${policyCase.file}: warden_options`) };
  } catch (error) {
    return caseResult(policy, policyCase, [error instanceof Error ? error.message : String(error)]);
  }
}

/** Runs only `policy` on the case's inventories and compares its fail/unknown findings with the expectation. */
function judgeCase(policy: Policy, policyCase: PolicyCase, prepared: PreparedCase, inventories: readonly Inventory[]): PolicyCaseResult {
  const findings: Finding[] = [];
  const errors: string[] = [];
  for (const inventory of inventories) {
    const run = runPolicies(inventory, [{ policy, options: prepared.options }], 'omit');
    errors.push(...run.errors.map((e) => `the policy threw: ${e.message}`));
    findings.push(...run.findings.filter((f) => f.ruleId === policy.id && (f.verdict === 'fail' || f.verdict === 'unknown')));
  }
  if (errors.length > 0) return caseResult(policy, policyCase, errors);
  return caseResult(policy, policyCase, compareFindings(prepared.expectation, findings), findings);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function caseResult(policy: Policy, policyCase: PolicyCase, differences: string[], findings: Finding[] = []): PolicyCaseResult {
  return {
    policyId: policy.id,
    name: policyCase.name,
    kind: policyCase.kind,
    file: policyCase.file,
    ok: differences.length === 0,
    differences,
    findings,
  };
}

/** Runs every case of a policy. */
export async function runPolicyCases(policy: Policy, casesDir: string): Promise<PolicyCaseResult[]> {
  const results: PolicyCaseResult[] = [];
  for (const policyCase of listPolicyCases(casesDir)) results.push(await runPolicyCase(policy, policyCase));
  return results;
}

/**
 * Registers one test per case with a test framework's `it` (vitest, node:test…), so a policy's test
 * file is one line. Throws when the folder holds no case: a policy without examples must not pass.
 */
export function policyCaseTests(policy: Policy, casesDir: string, it: (name: string, test: () => Promise<void>) => void): void {
  const cases = listPolicyCases(casesDir);
  if (cases.length === 0) throw new Error(`${casesDir}: no cases for policy ${policy.id}`);
  for (const policyCase of cases) {
    it(policyCase.name, async () => {
      const outcome = await runPolicyCase(policy, policyCase);
      if (!outcome.ok) throw new Error(formatCaseResult(outcome));
    });
  }
}

/** A human-readable account of a case result: the differences, then what the policy did report. */
export function formatCaseResult(result: PolicyCaseResult): string {
  if (result.ok) return `${result.policyId} ${result.name}: ok`;
  const lines = [`${result.policyId} ${result.name} (${result.file}):`, ...result.differences.map((d) => `  - ${d}`)];
  if (result.findings.length > 0) {
    lines.push('  reported:');
    for (const f of result.findings) lines.push(`    ${describeFinding(f)}`);
  }
  return lines.join('\n');
}

const EXPECTATION_KEYS = new Set(['verdict', 'severity', 'address', 'element']);

/** Validates `warden_expect` against the case's folder; returns the expectations or a one-line problem. */
function readExpectation(document: Record<string, unknown>, kind: CaseKind): ExpectedFinding[] | string {
  const raw = document['warden_expect'] ?? [];
  if (!Array.isArray(raw)) return 'warden_expect must be a list of expected findings';
  const out: ExpectedFinding[] = [];
  for (const [i, item] of raw.entries()) {
    const at = `warden_expect[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return `${at} must be an object`;
    const entry = item as Record<string, unknown>;
    const stray = Object.keys(entry).filter((k) => !EXPECTATION_KEYS.has(k));
    if (stray.length > 0) return `${at}: unknown key ${stray.map((k) => `"${k}"`).join(', ')} (expected verdict, severity, address, element)`;
    if (entry['verdict'] !== 'fail' && entry['verdict'] !== 'unknown') return `${at}.verdict must be "fail" or "unknown"`;
    if (!isSeverity(entry['severity'])) return `${at}.severity must be critical, high, medium, low or info`;
    if (typeof entry['address'] !== 'string' || entry['address'] === '') return `${at}.address must be a resource address`;
    if (entry['element'] !== undefined && (typeof entry['element'] !== 'string' || entry['element'] === '')) return `${at}.element must be a non-empty string`;
    out.push({
      verdict: entry['verdict'],
      severity: entry['severity'],
      address: entry['address'],
      ...(typeof entry['element'] === 'string' ? { element: entry['element'] } : {}),
    });
  }
  if (kind === 'pass' && out.length > 0) return 'a pass case expects no fail or unknown finding (move it to fail/ or unknown/)';
  if (kind !== 'pass' && !out.some((e) => e.verdict === kind)) return `a ${kind} case must expect at least one "${kind}" finding in warden_expect`;
  return out;
}
