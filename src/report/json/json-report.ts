import type { Finding } from '../../rules/finding.js';
import type { ScanResult } from '../../scan/scan-result.js';
import type { Reporter } from '../reporter.js';

/** Version of the JSON output contract (schemas/warden-report.schema.json); bump on any breaking change. */
export const JSON_SCHEMA_VERSION = '1.0';

/** The machine-readable report (DESIGN §5). Sensitive and Unknown values serialise themselves safely. */
export const jsonReport: Reporter = (result) => `${JSON.stringify(toJsonDocument(result), null, 2)}\n`;

export function toJsonDocument(result: ScanResult): Record<string, unknown> {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: result.tool.name, version: result.tool.version },
    command: result.command,
    inputs: result.inputs,
    coverage: result.coverage,
    summary: result.summary,
    policies: result.policies.map(({ id, title, severity, helpUri }) => ({ id, title, severity, helpUri })),
    warnings: result.warnings,
    findings: result.findings.map(jsonFinding),
  };
}

function jsonFinding(finding: Finding): Record<string, unknown> {
  const { location } = finding;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    verdict: finding.verdict,
    message: finding.message,
    ...(finding.reason !== undefined ? { reason: finding.reason } : {}),
    resource: finding.resource,
    ...(location
      ? {
          location:
            location.kind === 'source'
              ? {
                  file: location.file,
                  ...(location.startLine !== undefined ? { startLine: location.startLine, endLine: location.endLine ?? location.startLine } : {}),
                  ...(location.startColumn !== undefined ? { startColumn: location.startColumn } : {}),
                  ...(location.endColumn !== undefined ? { endColumn: location.endColumn } : {}),
                }
              : { account: location.account, region: location.region, arn: location.arn },
        }
      : {}),
    evidence: finding.evidence,
    remediation: finding.remediation,
    fingerprint: finding.fingerprint,
    ...(finding.suppression ? { suppression: finding.suppression } : {}),
    ...(finding.trace ? { trace: finding.trace } : {}),
  };
}
