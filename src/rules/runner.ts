import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
// Policies reach the network through `inventory.network`: load it wherever policies run (see network-view-factory.ts).
import '../network/network-view.js';
import { isUnknown } from '../model/unknown.js';
import type { Finding, Verdict } from './finding.js';
import { fingerprint } from './fingerprint.js';
import { locate } from './locate.js';
import type { Policy, PolicyContext, PolicyReport } from './policy.js';
import type { Severity } from './severity.js';

/** A policy ready to run: the policy, its validated options and the effective severity. */
export interface ConfiguredPolicy {
  policy: Policy;
  options: unknown;
  /** A severity override from configuration; otherwise the policy's own (or per-finding) severity. */
  severityOverride?: Severity;
}

/** A policy that threw: recorded in coverage; the other policies still run. */
export interface PolicyError {
  policyId: string;
  input: string;
  message: string;
}

export interface RunResult {
  findings: Finding[];
  errors: PolicyError[];
}

/** Runs every configured policy against one inventory. */
export function runPolicies(inventory: Inventory, policies: readonly ConfiguredPolicy[], includePasses: boolean): RunResult {
  const findings: Finding[] = [];
  const errors: PolicyError[] = [];
  for (const configured of policies) {
    const { policy } = configured;
    const emit = (verdict: Verdict, report: PolicyReport, reason?: string): void => {
      findings.push(toFinding(configured, verdict, report, reason));
    };
    const context: PolicyContext<unknown> = {
      inventory,
      options: configured.options,
      fail: (report) => emit('fail', report),
      unknown: (report) => emit('unknown', report, isUnknown(report.reason) ? report.reason.reason : report.reason),
      pass: (report) => {
        if (includePasses) emit('pass', report);
      },
    };
    try {
      policy.check(context);
    } catch (error) {
      errors.push({ policyId: policy.id, input: inventory.input, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { findings, errors };
}

function toFinding(configured: ConfiguredPolicy, verdict: Verdict, report: PolicyReport, reason: string | undefined): Finding {
  const { policy } = configured;
  const { resource } = report;
  const element = report.element ?? '';
  const location = report.location ?? locate(report.locationOf ?? resource, report.locationOf ? '' : report.path);
  return {
    ruleId: policy.id,
    severity: configured.severityOverride ?? report.severity ?? policy.severity,
    verdict,
    message: report.message,
    ...(reason !== undefined ? { reason } : {}),
    resource: { type: resource.type, address: resource.address, source: resource.source, input: resource.input },
    ...(location ? { location } : {}),
    evidence: report.evidence ?? [],
    remediation: policy.remediation,
    fingerprint: fingerprint(policy.id, resourceIdentity(resource), element),
    ...(report.trace ? { trace: report.trace } : {}),
  };
}

/** Live resources are identified by ARN/address; plan and HCL resources by their Terraform address. */
function resourceIdentity(resource: Resource): string {
  return `${resource.type}|${resource.address}`;
}
