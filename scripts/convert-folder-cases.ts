/**
 * Converts a policy's folder cases (`policies/<id>/cases/{pass,fail,unknown}/*.json` plans and
 * single-file `.tf` source folders) into rows of its case table `policies/<id>.cases.yaml`: a plan
 * becomes a plan fragment (address and after-values, masks and configuration references only where
 * the plan has them), a source folder an inline `tf:`. Each row is run before it is kept, and must
 * give exactly the verdicts its file gave; a pass case gets the pass records it produced as
 * expectations. Kept files are deleted. `npx jiti scripts/convert-folder-cases.ts ID…`
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, stringify, visit } from 'yaml';
import { builtinPolicies } from '../policies/index.js';
import { builtinCasesDir } from '../src/rules/loading/warden-package.js';
import type { TableCase, TableExpectation } from '../src/testing/case-table.js';
import { listPolicyCases, runPolicyCase, SOURCE_CASE_FILE } from '../src/testing/policy-cases.js';
import { CASE_ACCOUNT, CASE_REGION } from '../src/testing/complete-inventory.js';
import { runTableCase } from '../src/testing/run-table-case.js';

/** The addresses a row's only form passes (pass records), for a pass case's expectations. */
async function runAllVerdicts(policy: (typeof builtinPolicies)[number], table: { file: string; cases: TableCase[] }, row: TableCase): Promise<string[]> {
  const { loadInput } = await import('../src/engines/load-input.js');
  const { runPolicies } = await import('../src/rules/runner.js');
  const { completePlan } = await import('../src/testing/complete-plan.js');
  const { resolvePolicyOptions } = await import('../src/rules/policy-options.js');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const scratch = mkdtempSync(join(tmpdir(), 'convert-'));
  let path = scratch;
  if (row.plan) {
    path = join(scratch, 'plan.json');
    writeFileSync(path, JSON.stringify(completePlan(row.plan)));
  } else writeFileSync(join(scratch, 'main.tf'), row.tf as string);
  const loaded = await loadInput(path, path, { cwd: scratch });
  const options = resolvePolicyOptions(policy, row.options, table.file);
  const passes = new Set<string>();
  for (const inventory of loaded.inventories ?? [loaded.inventory]) {
    for (const f of runPolicies(inventory, [{ policy, options }], 'report').findings) if (f.verdict === 'pass') passes.add(f.resource.address);
  }
  rmSync(scratch, { recursive: true });
  return [...passes].sort();
}

/** Whether a (compacted) row gives the folder case's fail/unknown verdicts. */
async function agrees(policy: (typeof builtinPolicies)[number], old: Parameters<typeof runPolicyCase>[1], row: TableCase, file: string): Promise<boolean> {
  const key = (f: { verdict: string; severity: string; resource: { address: string } }): string => `${f.verdict} ${f.severity} ${f.resource.address}`;
  const before = await runPolicyCase(policy, old);
  const [after] = await runTableCase(policy, { file, cases: [row] }, { ...row, expect: row.expect.length > 0 ? row.expect : [] });
  return (row.expect.length === 0 || after!.ok) && JSON.stringify(before.findings.map(key).sort()) === JSON.stringify(after!.findings.map(key).sort());
}

function toRow(file: string, name: string, terse: boolean): TableCase | undefined {
  if (readdirSync(join(file, '..')).length === 0) return undefined;
  let doc: Record<string, unknown>;
  let tf: string | undefined;
  try {
    if (existsSync(join(file, SOURCE_CASE_FILE))) {
      const files = readdirSync(file);
      if (files.length !== 2 || !files.includes('main.tf')) return undefined;
      doc = JSON.parse(readFileSync(join(file, SOURCE_CASE_FILE), 'utf8')) as Record<string, unknown>;
      tf = readFileSync(join(file, 'main.tf'), 'utf8');
    } else {
      doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    }
  } catch {
    return undefined;
  }
  const expect = ((doc['warden_expect'] ?? []) as TableExpectation[]).map((e) => ({ address: e.address, verdict: e.verdict, severity: e.severity, ...(e.element ? { element: e.element } : {}) }));
  const row: TableCase = { name, ...(typeof doc['warden_about'] === 'string' ? { about: doc['warden_about'] } : {}), ...(doc['warden_options'] ? { options: doc['warden_options'] as Record<string, unknown> } : {}), expect };
  if (tf !== undefined) return { ...row, tf };
  if ('warden_inventory' in doc) {
    const live = liveFragment(doc);
    return live ? { ...row, live } : undefined;
  }
  const changes = (doc['resource_changes'] ?? []) as Record<string, unknown>[];
  return {
    ...row,
    plan: {
      resource_changes: changes.map((rc) => compactChange(rc, terse)),
      ...(doc['configuration'] ? { configuration: compactConfiguration(doc['configuration']) as Record<string, unknown> } : {}),
      ...(doc['prior_state'] ? { prior_state: doc['prior_state'] as Record<string, unknown> } : {}),
      ...(doc['variables'] ? { variables: doc['variables'] as Record<string, unknown> } : {}),
    },
  };
}

/**
 * A saved inventory of one target in the case account and region, with nothing but responses: its
 * responses as a live fragment, each single page unwrapped into its items where the page is one list.
 */
function liveFragment(doc: Record<string, unknown>): Record<string, Record<string, unknown>[]> | undefined {
  const targets = doc['targets'] as { account: string; region: string; responses: Record<string, unknown[]>; prefix_list_entries?: unknown }[];
  const accounts = (doc['accounts'] ?? []) as unknown[];
  if (targets.length !== 1 || accounts.length > 0 || doc['coverage'] || doc['source'] !== 'api') return undefined;
  const [target] = targets;
  if (target!.account !== CASE_ACCOUNT || target!.region !== CASE_REGION || target!.prefix_list_entries) return undefined;
  return Object.fromEntries(
    Object.entries(target!.responses).map(([operation, pages]) => {
      const only = pages.length === 1 ? Object.entries(pages[0] as Record<string, unknown>) : [];
      const unwrap = only.length === 1 && Array.isArray(only[0]![1]) && only[0]![0] !== 'Reservations';
      return [operation, (unwrap ? only[0]![1] : pages) as Record<string, unknown>[]];
    }),
  );
}

/** Address, actions unless a plain create, after without nulls, and only the masks that say something. */
/** Attributes every resource has and no policy decides on, left out of a terse row. */
const BORING_UNKNOWN = new Set(['arn', 'id', 'owner_id', 'name_prefix']);

function compactChange(rc: Record<string, unknown>, terse: boolean): Record<string, unknown> {
  const change = rc['change'] as Record<string, unknown>;
  const actions = change['actions'] as string[];
  const out: Record<string, unknown> = {};
  if (!(actions.length === 1 && actions[0] === (rc['mode'] === 'data' ? 'read' : 'create'))) out['actions'] = actions;
  out['after'] = withoutNulls(change['after'], terse);
  for (const mask of ['after_unknown', 'after_sensitive'] as const) {
    let kept = trueLeaves(change[mask]);
    if (terse && mask === 'after_unknown' && kept && typeof kept === 'object') {
      kept = Object.fromEntries(Object.entries(kept).filter(([k]) => !BORING_UNKNOWN.has(k)));
      if (Object.keys(kept as object).length === 0) kept = undefined;
    }
    if (kept !== undefined) out[mask] = kept;
  }
  const extra = Object.fromEntries(Object.entries(rc).filter(([k]) => ['index'].includes(k) && !String(rc['address']).includes('[')));
  return { address: rc['address'], ...extra, change: out };
}

/** Nulls left out; a terse row also leaves out empty strings and lists, false, and the provider's default description. */
function withoutNulls(value: unknown, terse: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v, terse));
  if (typeof value === 'object' && value !== null) {
    const empty = (k: string, v: unknown): boolean =>
      v === null || (terse && (v === '' || v === false || (Array.isArray(v) && v.length === 0) || (k === 'description' && v === 'Managed by Terraform') || k === 'revoke_rules_on_delete'));
    return Object.fromEntries(Object.entries(value).filter(([k, v]) => !empty(k, v)).map(([k, v]) => [k, withoutNulls(v, terse)]));
  }
  return value;
}

/** A mask with only its `true` leaves (lists keep their positions); undefined when nothing is true. */
function trueLeaves(mask: unknown): unknown {
  if (mask === true) return true;
  if (Array.isArray(mask)) {
    const items = mask.map(trueLeaves);
    return items.some((i) => i !== undefined) ? items.map((i) => i ?? {}) : undefined;
  }
  if (typeof mask === 'object' && mask !== null) {
    const entries = Object.entries(mask).map(([k, v]) => [k, trueLeaves(v)] as const).filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return undefined;
}

/** The configuration's resources and module calls with only the expressions that carry references. */
function compactConfiguration(configuration: unknown): unknown {
  const module = (m: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const resources = ((m['resources'] ?? []) as Record<string, unknown>[]).map((r) => {
      const expressions = Object.fromEntries(Object.entries((r['expressions'] ?? {}) as Record<string, unknown>).filter(([, e]) => JSON.stringify(e).includes('"references"')));
      return { address: r['address'], mode: r['mode'], type: r['type'], name: r['name'], ...(Object.keys(expressions).length > 0 ? { expressions } : {}), ...pick(r, ['count_expression', 'for_each_expression']) };
    });
    if (resources.length > 0) out['resources'] = resources;
    const calls = (m['module_calls'] ?? {}) as Record<string, Record<string, unknown>>;
    if (Object.keys(calls).length > 0) {
      out['module_calls'] = Object.fromEntries(Object.entries(calls).map(([k, c]) => [k, { ...pick(c, ['source', 'expressions', 'count_expression', 'for_each_expression']), module: module((c['module'] ?? {}) as Record<string, unknown>) }]));
    }
    for (const key of ['variables', 'outputs']) if (m[key]) out[key] = m[key];
    return out;
  };
  return { root_module: module(((configuration as Record<string, unknown>)['root_module'] ?? {}) as Record<string, unknown>) };
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

/** YAML with short maps and lists on one line, long text as block scalars. */
function render(id: string, rows: TableCase[]): string {
  const doc = parseDocument(stringify({ policy: id, cases: rows }, { lineWidth: 0 }));
  visit(doc, {
    Map(_, node) {
      if (JSON.stringify(node.toJSON()).length <= 120 && !JSON.stringify(node.toJSON()).includes('\\n')) node.flow = true;
    },
    Seq(_, node) {
      if (JSON.stringify(node.toJSON()).length <= 120 && !JSON.stringify(node.toJSON()).includes('\\n')) node.flow = true;
    },
  });
  void isMap;
  void isSeq;
  return `# yaml-language-server: $schema=../schemas/warden-cases.schema.json\n${doc.toString({ lineWidth: 0 }).replace(/^(  - name: )/gm, '\n$1')}`;
}

async function main(): Promise<void> {
  for (const id of process.argv.slice(2)) {
    const policy = builtinPolicies.find((p) => p.id === id);
    if (!policy) throw new Error(`no built-in policy ${id}`);
    const casesDir = builtinCasesDir(id);
    const tableFile = join(casesDir, '..', '..', `${id}.cases.yaml`);
    const existing = existsSync(tableFile) ? (parseDocument(readFileSync(tableFile, 'utf8')).toJS() as { cases: TableCase[] }).cases : [];
    const rows: TableCase[] = [...existing];
    for (const old of listPolicyCases(casesDir)) {
      const name = old.name.split('/')[1]!;
      if (rows.some((r) => r.name === name)) continue;
      let row = toRow(old.file, name, true);
      if (row && !(await agrees(policy, old, row, tableFile))) row = toRow(old.file, name, false);
      if (!row) {
        console.log(`kept as folder case: ${old.name}`);
        continue;
      }
      const before = await runPolicyCase(policy, old);
      const key = (f: { verdict: string; severity: string; resource: { address: string } }): string => `${f.verdict} ${f.severity} ${f.resource.address}`;
      const table = { file: tableFile, cases: [row] };
      let [after] = await runTableCase(policy, table, row);
      if (row.expect.length === 0) {
        // A pass case: its expectations are the pass records it produced.
        const probe = await runAllVerdicts(policy, table, row);
        row.expect = probe.map((address): TableExpectation => ({ address, verdict: 'pass' }));
        [after] = await runTableCase(policy, table, row);
      }
      const same = before.ok && after!.ok && JSON.stringify(before.findings.map(key).sort()) === JSON.stringify(after!.findings.map(key).sort());
      if (!same || (row.expect.length === 0)) {
        console.log(`NOT converted ${old.name}: ${after!.differences.join('; ') || 'verdicts differ or no pass record'}`);
        continue;
      }
      rows.push(row);
      rmSync(old.file, { recursive: true });
      console.log(`converted ${old.name}`);
    }
    writeFileSync(tableFile, render(id, rows));
  }
}

await main();
