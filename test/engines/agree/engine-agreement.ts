import { expect } from 'vitest';
import { loadHclDirectory } from '../../../src/engines/hcl/load-hcl.js';
import { parsePlanText } from '../../../src/engines/plan/load-plan.js';
import type { Inventory } from '../../../src/model/inventory.js';
import { resolvePolicyOptions } from '../../../src/rules/policy-options.js';
import { runPolicies } from '../../../src/rules/runner.js';
import { builtinPolicies } from '../../../policies/index.js';
import { sourceDir } from '../hcl/hcl-helpers.js';

/** One verdict line: `policy address → verdict: message`, the unit the two engines must agree on. */
export type VerdictLine = string;

/** Every built-in policy's verdicts (passes included) on one inventory, sorted. */
export function verdictsOf(inventory: Inventory): VerdictLine[] {
  const configured = builtinPolicies.map((policy) => ({ policy, options: resolvePolicyOptions(policy, undefined, 'test') }));
  const { findings, errors } = runPolicies(inventory, configured, 'report');
  if (errors.length > 0) throw new Error(errors.map((e) => `${e.policyId}: ${e.message}`).join('\n'));
  return findings.map((f) => `${f.ruleId} ${f.resource.address} → ${f.verdict}: ${f.message}`).sort();
}

/** The verdicts of a `.tf` configuration, read by the HCL engine. */
export async function hclVerdicts(tf: string): Promise<VerdictLine[]> {
  const { dir, cleanup } = sourceDir({ 'main.tf': tf });
  try {
    const loaded = await loadHclDirectory(dir, 'main', { cwd: dir });
    if (loaded.problems.length > 0) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    return loaded.inventories.flatMap(verdictsOf).sort();
  } finally {
    cleanup();
  }
}

/** The verdicts of the same configuration's plan, read by the plan engine. */
export function planVerdicts(plan: unknown): VerdictLine[] {
  return verdictsOf(parsePlanText(JSON.stringify(plan), 'plan.json').inventory);
}

/** The verdicts of a `.tf` configuration, after checking that its plan gets exactly the same ones. */
export async function agreedVerdicts(tf: string, plan: unknown): Promise<VerdictLine[]> {
  const hcl = await hclVerdicts(tf);
  expect(hcl).toEqual(planVerdicts(plan));
  return hcl;
}

/** A `resource_changes` entry creating a root-module resource. */
export function created(type: string, name: string, after: Record<string, unknown>, afterUnknown: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: { actions: ['create'], before: null, after, after_unknown: afterUnknown, before_sensitive: false, after_sensitive: {} },
  };
}

/** A plan document: resource changes plus the root module's configuration (which attributes the user wrote). */
export function planOf(changes: Record<string, unknown>[], configured: Record<string, string[]>, references: Record<string, Record<string, string[]>> = {}): unknown {
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    resource_changes: changes,
    configuration: {
      root_module: {
        resources: changes.map((change) => {
          const address = change['address'] as string;
          const expressions: Record<string, unknown> = {};
          for (const name of configured[address] ?? []) {
            const refs = references[address]?.[name];
            expressions[name] = refs ? { references: refs } : { constant_value: null };
          }
          return { address, mode: 'managed', type: change['type'], name: change['name'], provider_config_key: 'aws', expressions, schema_version: 0 };
        }),
      },
    },
  };
}
