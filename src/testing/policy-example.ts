import { readFileSync } from 'node:fs';
import { decodeText } from '../engines/plan/decode-text.js';
import { parsePlanText } from '../engines/plan/load-plan.js';
import type { Resource } from '../model/resource.js';
import type { Finding } from '../rules/finding.js';
import type { LoadedPolicy } from '../rules/loading/loaded-policy.js';
import { listPolicyCases, runInlinePolicyCase, runPolicyCase, type CaseKind } from './policy-cases.js';

const MAX_RESOURCES = 3;

/** One of a policy's cases, shown as documentation: the resources it is about and what the policy says of them. */
export interface PolicyExample {
  name: string;
  kind: CaseKind;
  file: string;
  resources: Resource[];
  findings: Finding[];
}

/**
 * The example `warden policies show` prints: the first failing case (else the first case) from the
 * cases folder or the inline examples. Resources are those the case expects findings on, else those
 * of the policy's resource types. Undefined when the policy has no readable case.
 */
export async function policyExample(loaded: LoadedPolicy): Promise<PolicyExample | undefined> {
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
