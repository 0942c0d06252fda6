import type { Evidence, Finding } from '../../rules/finding.js';
import type { PolicyMeta, ToolInfo } from '../../scan/scan-result.js';
import { suppressionText, traceChain } from '../finding-text.js';
import { controlIds } from '../policy-controls.js';
import { CREATE, DETECTION_FINDING, OCSF_SEVERITY, OCSF_STATUS, OCSF_VERSION } from './ocsf-enums.js';

/** What every event of one report shares: when, and which product made it. */
export interface OcsfRun {
  time: number;
  tool: ToolInfo;
}

/**
 * One finding as an OCSF Detection Finding with the cloud profile (schemas/ocsf-1.8.0-detection-finding.schema.json).
 * Detection Finding has no `compliance` attribute (Compliance Finding, 2003, has): the controls a policy
 * maps to are in `unmapped.compliance`, in the shape of OCSF's compliance object, with warden's verdict.
 */
export function ocsfFinding(finding: Finding, policy: PolicyMeta | undefined, run: OcsfRun): Record<string, unknown> {
  const cloud = finding.location?.kind === 'cloud' ? finding.location : undefined;
  const severity = OCSF_SEVERITY[finding.severity];
  const status = OCSF_STATUS[finding.verdict];
  // Built member by member rather than from spreads: an audit has 100k+ findings, and spreading
  // constant parts into every event made the mapping ten times slower than JSON.stringify.
  const event: Record<string, unknown> = {
    class_uid: DETECTION_FINDING.class_uid,
    class_name: DETECTION_FINDING.class_name,
    category_uid: DETECTION_FINDING.category_uid,
    category_name: DETECTION_FINDING.category_name,
    activity_id: CREATE.activity_id,
    activity_name: CREATE.activity_name,
    type_uid: CREATE.type_uid,
    type_name: CREATE.type_name,
    severity_id: severity.severity_id,
    severity: severity.severity,
    status_id: status.status_id,
    status: status.status,
  };
  const detail = statusDetail(finding);
  if (detail !== undefined) event['status_detail'] = detail;
  event['time'] = run.time;
  event['message'] = finding.message;
  event['metadata'] = { version: OCSF_VERSION, profiles: PROFILES, product: { name: run.tool.name, vendor_name: run.tool.name, version: run.tool.version } };
  const title = policy?.title ?? finding.ruleId;
  const info: Record<string, unknown> = { uid: finding.fingerprint, title };
  if (policy) info['desc'] = policy.description;
  info['types'] = policy ? [`${run.tool.name}/${finding.ruleId}`, ...policy.tags] : [`${run.tool.name}/${finding.ruleId}`];
  event['finding_info'] = info;
  event['policy'] = policy ? { uid: finding.ruleId, name: title, desc: policy.description } : { uid: finding.ruleId, name: title };
  event['cloud'] = cloud ? { provider: 'AWS', account: { uid: cloud.account }, region: cloud.region } : { provider: 'AWS' };
  const resource: Record<string, unknown> = { uid: cloud?.arn ?? finding.resource.address, type: finding.resource.type };
  if (finding.resource.name !== undefined) resource['name'] = finding.resource.name;
  if (cloud) resource['region'] = cloud.region;
  event['resources'] = [resource];
  event['remediation'] = policy ? { desc: finding.remediation, references: [policy.helpUri] } : { desc: finding.remediation };
  if (finding.evidence.length > 0) event['evidences'] = finding.evidence.map(ocsfEvidence);
  event['unmapped'] = unmapped(finding, policy);
  return event;
}

/** The profiles every event applies: `cloud` for `cloud`, `security_control` for `policy`. */
const PROFILES = ['cloud', 'security_control'];

function ocsfEvidence({ path, value, note }: Evidence): Record<string, unknown> {
  return { name: path, data: note !== undefined ? { path, value: value ?? null, note } : { path, value: value ?? null } };
}

/** Why a check is undecided or who suppressed it. */
function statusDetail(finding: Finding): string | undefined {
  if (finding.verdict === 'unknown') return finding.reason ?? finding.message;
  if (finding.verdict === 'suppressed') return `suppressed by ${suppressionText(finding.suppression)}`;
  return undefined;
}

/** warden's own vocabulary, for what OCSF's Detection Finding has no attribute for. */
function unmapped(finding: Finding, policy: PolicyMeta | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = { verdict: finding.verdict, source: finding.resource.source, input: finding.resource.input };
  const { location } = finding;
  if (location?.kind === 'source') result['location'] = location.startLine !== undefined ? { file: location.file, line: location.startLine } : { file: location.file };
  const mapped = policy ? policyCompliance(policy) : NO_COMPLIANCE;
  result['compliance'] = mapped.compliance;
  result['controls'] = mapped.controls;
  if (finding.suppression) result['suppression'] = finding.suppression;
  if (finding.trace && finding.trace.length > 0) result['path'] = traceChain(finding.trace);
  return result;
}

interface PolicyCompliance {
  compliance: { standards: string[]; requirements: string[] }[];
  controls: string[];
}

const NO_COMPLIANCE: PolicyCompliance = { compliance: [], controls: [] };
/** Per policy, once: every finding of a policy maps to the same controls (events share the arrays, which are only serialised). */
const COMPLIANCE = new WeakMap<PolicyMeta, PolicyCompliance>();

function policyCompliance(policy: PolicyMeta): PolicyCompliance {
  let mapped = COMPLIANCE.get(policy);
  if (!mapped) {
    mapped = {
      compliance: Object.entries(policy.frameworks).map(([framework, controls]) => ({ standards: [framework], requirements: controls })),
      controls: controlIds(policy.frameworks),
    };
    COMPLIANCE.set(policy, mapped);
  }
  return mapped;
}
