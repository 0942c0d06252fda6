import type { Location } from '../../model/location.js';
import type { Finding } from '../../rules/finding.js';
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
  return {
    ...DETECTION_FINDING,
    ...CREATE,
    ...OCSF_SEVERITY[finding.severity],
    ...OCSF_STATUS[finding.verdict],
    ...(statusDetail(finding) !== undefined ? { status_detail: statusDetail(finding) } : {}),
    time: run.time,
    message: finding.message,
    metadata: {
      version: OCSF_VERSION,
      profiles: ['cloud', 'security_control'],
      product: { name: run.tool.name, vendor_name: run.tool.name, version: run.tool.version },
    },
    finding_info: {
      uid: finding.fingerprint,
      title: policy?.title ?? finding.ruleId,
      ...(policy ? { desc: policy.description } : {}),
      types: [`${run.tool.name}/${finding.ruleId}`, ...(policy?.tags ?? [])],
    },
    policy: { uid: finding.ruleId, name: policy?.title ?? finding.ruleId, ...(policy ? { desc: policy.description } : {}) },
    cloud: { provider: 'AWS', ...(cloud ? { account: { uid: cloud.account }, region: cloud.region } : {}) },
    resources: [
      {
        uid: cloud?.arn ?? finding.resource.address,
        type: finding.resource.type,
        ...(finding.resource.name !== undefined ? { name: finding.resource.name } : {}),
        ...(cloud ? { region: cloud.region } : {}),
      },
    ],
    remediation: { desc: finding.remediation, ...(policy ? { references: [policy.helpUri] } : {}) },
    ...(finding.evidence.length > 0
      ? { evidences: finding.evidence.map(({ path, value, note }) => ({ name: path, data: { path, value: value ?? null, ...(note !== undefined ? { note } : {}) } })) }
      : {}),
    unmapped: unmapped(finding, policy),
  };
}

/** Why a check is undecided or who suppressed it. */
function statusDetail(finding: Finding): string | undefined {
  if (finding.verdict === 'unknown') return finding.reason ?? finding.message;
  if (finding.verdict === 'suppressed') return `suppressed by ${suppressionText(finding.suppression)}`;
  return undefined;
}

/** warden's own vocabulary, for what OCSF's Detection Finding has no attribute for. */
function unmapped(finding: Finding, policy: PolicyMeta | undefined): Record<string, unknown> {
  return {
    verdict: finding.verdict,
    source: finding.resource.source,
    input: finding.resource.input,
    ...(finding.location?.kind === 'source' ? { location: sourceLocation(finding.location) } : {}),
    compliance: policy ? Object.entries(policy.frameworks).map(([framework, controls]) => ({ standards: [framework], requirements: controls })) : [],
    controls: policy ? controlIds(policy.frameworks) : [],
    ...(finding.suppression ? { suppression: finding.suppression } : {}),
    ...(finding.trace && finding.trace.length > 0 ? { path: traceChain(finding.trace) } : {}),
  };
}

function sourceLocation(location: Extract<Location, { kind: 'source' }>): Record<string, unknown> {
  return { file: location.file, ...(location.startLine !== undefined ? { line: location.startLine } : {}) };
}
