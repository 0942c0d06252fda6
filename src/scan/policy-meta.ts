import type { Policy } from '../rules/policy.js';
import type { PolicyMeta } from './scan-result.js';

/** A policy's metadata for reporters (SARIF rules, JUnit suites, `warden policies`). */
export function policyMeta(policy: Policy, severityOverride?: PolicyMeta['severity']): PolicyMeta {
  return {
    id: policy.id,
    title: policy.title,
    severity: severityOverride ?? policy.severity,
    description: policy.description,
    remediation: policy.remediation,
    // Built-in policies get their page when loaded; a user policy without a helpUri has none (not ours to invent).
    ...(policy.helpUri !== undefined ? { helpUri: policy.helpUri } : {}),
    frameworks: policy.frameworks ?? {},
    tags: policy.tags ?? [],
    ...(policy.messages !== undefined ? { messages: { ...policy.messages } } : {}),
  };
}
