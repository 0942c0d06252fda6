import { Inventory } from '../model/inventory.js';
import type { Location } from '../model/location.js';
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/unknown.js';
import type { Evidence, Finding, Verdict } from './finding.js';
import { FindingResources } from './finding-resources.js';
import { fingerprint } from './fingerprint.js';
import { locate } from './locate.js';
import type { PassRecord } from './pass-record.js';
import type { Policy, PolicyContext, PolicyReport } from './policy.js';
import { checkReportTextOnly, resolveReportText } from './policy-messages.js';
import { Redactor } from './redaction.js';
import type { Severity } from './severity.js';

/** A policy ready to run: the policy, its validated options and the effective severity. */
export interface ConfiguredPolicy {
  policy: Policy;
  options: unknown;
  /** A severity override from configuration; otherwise the policy's own (or per-finding) severity. */
  severityOverride?: Severity;
}

/** A policy that threw: a broken policy (exit 2), recorded in coverage; the other policies still run. */
export interface PolicyError {
  policyId: string;
  input: string;
  /** The resource the check threw on: reported through `context.error`, or found by running the check on each resource alone. */
  resource?: string;
  message: string;
}

/**
 * What becomes of passing checks: dropped (`omit`), recorded for formats that count them (`count`:
 * PassRecords, JUnit) or reported as findings like any other verdict (`report`: --include-passes).
 */
export type PassMode = 'omit' | 'count' | 'report';

export interface RunResult {
  findings: Finding[];
  /** Passing checks in `count` mode. */
  passes: PassRecord[];
  errors: PolicyError[];
}

/** Runs every configured policy against one inventory. */
export function runPolicies(inventory: Inventory, policies: readonly ConfiguredPolicy[], passMode: PassMode): RunResult {
  const findings: Finding[] = [];
  const passes: PassRecord[] = [];
  const errors: PolicyError[] = [];
  const redactor = Redactor.of(inventory);
  const resources = new FindingResources(redactor);
  for (const configured of policies) {
    const { policy } = configured;
    const emit = (verdict: Verdict, report: PolicyReport, reason?: string): void => {
      findings.push(toFinding(configured, verdict, report, reason, resources, redactor));
    };
    const context: PolicyContext<unknown> = {
      inventory,
      options: configured.options,
      fail: (report) => emit('fail', report),
      unknown: (report) => emit('unknown', report, isUnknown(report.reason) ? report.reason.reason : report.reason),
      pass: passCallback(passMode, configured, resources, passes, (report) => emit('pass', report)),
      error: (resource, error) => {
        const thrown = error instanceof Error ? error.message : String(error);
        const message = redactor ? redactor.text(thrown) : thrown;
        errors.push({ policyId: policy.id, input: inventory.input, resource: redactor ? redactor.address(resource.address) : resource.address, message });
        const reason = `${policy.id} could not be evaluated on this resource: ${message}`;
        emit('unknown', { resource, message: `${resource.address}: ${reason}` }, reason);
      },
    };
    try {
      policy.check(context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const resource = resourceThrownOn(configured, inventory);
      errors.push({
        policyId: policy.id,
        input: inventory.input,
        ...(resource ? { resource: redactor ? redactor.address(resource) : resource } : {}),
        message: redactor ? redactor.text(message) : message,
      });
    }
  }
  return { findings, passes, errors };
}

/**
 * Which resource a check that threw fails on, so the user knows where to look: the check is run
 * again on each resource alone (only on this error path). None when it also throws with no
 * resources at all, or only on a combination of them.
 */
function resourceThrownOn(configured: ConfiguredPolicy, inventory: Inventory): string | undefined {
  const ignore = (): void => {};
  const throwsOn = (resources: readonly Resource[]): boolean => {
    try {
      configured.policy.check({ inventory: new Inventory(resources, inventory.input), options: configured.options, fail: ignore, unknown: ignore, pass: ignore, error: ignore });
      return false;
    } catch {
      return true;
    }
  };
  if (throwsOn([])) return undefined;
  return inventory.resources.find((resource) => throwsOn([resource]))?.address;
}

/** `location`, else `path` read on `locationOf` when given, on `resource` otherwise (the contract of ReportDetails). */
function reportLocation(report: PolicyReport): Location | undefined {
  return report.location ?? locate(report.locationOf ?? report.resource, report.path);
}

/** The configured override, else what the report says, else the policy's own severity. */
function severityOf(configured: ConfiguredPolicy, report: PolicyReport): Severity {
  return configured.severityOverride ?? report.severity ?? configured.policy.severity;
}

/**
 * What `context.pass` does in this mode, decided once per policy rather than on each of a large
 * plan's 112k passes.
 */
function passCallback(
  passMode: PassMode,
  configured: ConfiguredPolicy,
  resources: FindingResources,
  passes: PassRecord[],
  report: (report: PolicyReport) => void,
): (report: PolicyReport) => void {
  if (passMode === 'report') return report;
  if (passMode === 'omit') return () => {};
  const { id, messages } = configured.policy;
  return (passed) => {
    // Counted passes print no text, but a broken one is still a broken policy.
    checkReportTextOnly(id, messages, passed);
    const location = reportLocation(passed);
    const record: PassRecord = { ruleId: id, severity: severityOf(configured, passed), verdict: 'pass', resource: resources.of(passed.resource) };
    if (location) record.location = location;
    passes.push(record);
  };
}

/**
 * The finding, without the inventory's sensitive values when there is a redactor: in its texts,
 * evidence, trace and instance keys, and in what its fingerprint hashes — a fingerprint of a real
 * value would let anyone holding the report test guesses of a short secret (a CIDR, a port) against it.
 */
function toFinding(
  configured: ConfiguredPolicy,
  verdict: Verdict,
  report: PolicyReport,
  reason: string | undefined,
  resources: FindingResources,
  redactor: Redactor | undefined,
): Finding {
  const { policy } = configured;
  const { resource } = report;
  const element = report.element ?? '';
  const location = reportLocation(report);
  // An unknown message id or a missing placeholder throws here, inside the check: a broken policy.
  const text = resolveReportText(policy.id, policy.messages, report);
  const named = resources.of(resource);
  const evidence = redactor ? redactor.evidence(resource, report.evidence ?? []) : report.evidence ?? [];
  // Built by assignment in the report's key order: object spread inside a literal, four times for
  // each of a large plan's 25k findings, cost more than the rest of the finding.
  const finding: Partial<Finding> = { ruleId: policy.id, severity: severityOf(configured, report), verdict, message: redactor ? redactor.text(text.message) : text.message };
  if (text.messageId !== undefined) finding.messageId = text.messageId;
  if (reason !== undefined) finding.reason = redactor ? redactor.text(reason) : reason;
  finding.resource = named;
  if (location) finding.location = location;
  // Renamed last: redaction matches evidence paths against the resource's (Terraform) sensitive marks.
  finding.evidence = inSourceTerms(resource, evidence);
  finding.remediation = policy.remediation;
  finding.fingerprint = fingerprint(policy.id, resourceIdentity({ type: resource.type, address: named.address }), redactor ? redactor.text(element) : element);
  if (report.trace) finding.trace = redactor ? redactor.trace(report.trace) : report.trace;
  return finding as Finding;
}

/** Evidence paths as the resource's source names them: AWS API fields for live resources (api-paths.ts). */
function inSourceTerms(resource: Resource, evidence: Evidence[]): Evidence[] {
  const { apiPath } = resource;
  if (!apiPath) return evidence;
  return evidence.map((item) => {
    const api = apiPath(item.path);
    return api === undefined ? item : { ...item, path: api };
  });
}

/** Live resources are identified by ARN/address; plan and HCL resources by their Terraform address. */
function resourceIdentity(resource: Pick<Resource, 'type' | 'address'>): string {
  return `${resource.type}|${resource.address}`;
}
