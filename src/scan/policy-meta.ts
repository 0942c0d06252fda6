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
    helpUri: policy.helpUri ?? `https://github.com/warden-scanner/warden/blob/main/docs/policies.md#${policy.id}`,
    frameworks: policy.frameworks ?? {},
    tags: policy.tags ?? [],
  };
}
