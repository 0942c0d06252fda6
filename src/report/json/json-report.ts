import type { Location } from '../../model/location.js';
import type { Evidence, Finding, TraceStep } from '../../rules/finding.js';
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

/** Built member by member in the written order (no spread of temporary objects: a large scan has 100k+ findings). */
function jsonFinding(finding: Finding): Record<string, unknown> {
  const { location, resource } = finding;
  const json: Record<string, unknown> = { ruleId: finding.ruleId, severity: finding.severity, verdict: finding.verdict, message: finding.message };
  if (finding.messageId !== undefined) json['messageId'] = finding.messageId;
  if (finding.reason !== undefined) json['reason'] = finding.reason;
  json['resource'] = { type: resource.type, address: resource.address, source: resource.source, input: resource.input };
  if (location) json['location'] = jsonLocation(location);
  json['evidence'] = finding.evidence.map(jsonEvidence);
  json['remediation'] = finding.remediation;
  json['fingerprint'] = finding.fingerprint;
  if (finding.suppression) json['suppression'] = finding.suppression;
  if (finding.trace && finding.trace.length > 0) json['trace'] = finding.trace.map(jsonTraceStep);
  return json;
}

/** `value` is always present: an absent attribute is null, as JSON has no undefined. */
function jsonEvidence({ path, value, note }: Evidence): Record<string, unknown> {
  return note !== undefined ? { path, value: value ?? null, note } : { path, value: value ?? null };
}

/** A source position {file, startLine, endLine, …} or a live position {account, region, arn}. */
function jsonLocation(location: Location): Record<string, unknown> {
  if (location.kind === 'cloud') return { account: location.account, region: location.region, arn: location.arn };
  // Member by member in the written order, as jsonFinding (no spread of temporary objects).
  const json: Record<string, unknown> = { file: location.file };
  if (location.startLine !== undefined) {
    json['startLine'] = location.startLine;
    json['endLine'] = location.endLine ?? location.startLine;
  }
  if (location.startColumn !== undefined) json['startColumn'] = location.startColumn;
  if (location.endColumn !== undefined) json['endColumn'] = location.endColumn;
  return json;
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
