import type { Location } from '../../model/location.js';
import type { Finding, TraceStep } from '../../rules/finding.js';
import type { ScanResult } from '../../scan/scan-result.js';
import type { Reporter } from '../report-context.js';
import { runScope } from '../run-scope.js';
import { JsonSequence, jsonPieces } from './json-pieces.js';
import { safeJsonText } from './safe-json-text.js';

/** Version of the JSON output contract (schemas/warden-report.schema.json); bump on any breaking change. */
export const JSON_SCHEMA_VERSION = '1.0';

/**
 * The machine-readable report (DESIGN §5), written finding by finding. Sensitive and Unknown values
 * serialise themselves safely.
 */
export const jsonReport: Reporter = function* (result) {
  // Depth 2: the document, then its members (findings one at a time).
  for (const piece of jsonPieces(toJsonDocument(result), 2)) yield safeJsonText(piece);
  yield '\n';
};

export function toJsonDocument(result: ScanResult): Record<string, unknown> {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: result.tool.name, version: result.tool.version },
    command: result.command,
    inputs: result.inputs,
    coverage: result.coverage,
    summary: { ...result.summary, ...jsonScope(result) },
    policies: result.policies.map(({ id, title, severity, helpUri }) => ({ id, title, severity, helpUri })),
    warnings: result.warnings,
    findings: new JsonSequence(result.findings, jsonFinding),
  };
}

/** How many policies ran on how many resources (additive to schemaVersion 1.0). */
function jsonScope(result: ScanResult): { policiesRun: number; resources: number } {
  const scope = runScope(result);
  return { policiesRun: scope.policies, resources: scope.resources };
}

function jsonFinding(finding: Finding): Record<string, unknown> {
  const { location } = finding;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    verdict: finding.verdict,
    message: finding.message,
    ...(finding.messageId !== undefined ? { messageId: finding.messageId } : {}),
    ...(finding.reason !== undefined ? { reason: finding.reason } : {}),
    resource: { type: finding.resource.type, address: finding.resource.address, source: finding.resource.source, input: finding.resource.input },
    ...(location ? { location: jsonLocation(location) } : {}),
    // `value` is always present: an absent attribute is null, as JSON has no undefined.
    evidence: finding.evidence.map(({ path, value, note }) => ({ path, value: value ?? null, ...(note !== undefined ? { note } : {}) })),
    remediation: finding.remediation,
    fingerprint: finding.fingerprint,
    ...(finding.suppression ? { suppression: finding.suppression } : {}),
    ...(finding.trace && finding.trace.length > 0 ? { trace: finding.trace.map(jsonTraceStep) } : {}),
  };
}

/** A source position {file, startLine, endLine, …} or a live position {account, region, arn}. */
function jsonLocation(location: Location): Record<string, unknown> {
  if (location.kind === 'cloud') return { account: location.account, region: location.region, arn: location.arn };
  return {
    file: location.file,
    ...(location.startLine !== undefined ? { startLine: location.startLine, endLine: location.endLine ?? location.startLine } : {}),
    ...(location.startColumn !== undefined ? { startColumn: location.startColumn } : {}),
    ...(location.endColumn !== undefined ? { endColumn: location.endColumn } : {}),
  };
}

/** Trace steps carry their locations in the same shape as findings do. */
function jsonTraceStep(step: TraceStep): Record<string, unknown> {
  return {
    label: step.label,
    ...(step.resource ? { resource: { type: step.resource.type, address: step.resource.address } } : {}),
    ...(step.location ? { location: jsonLocation(step.location) } : {}),
    ...(step.detail !== undefined ? { detail: step.detail } : {}),
  };
}
