import type { Location } from '../model/location.js';
import type { Evidence, Finding, Suppression, TraceStep } from '../rules/finding.js';
import { asSentence, formatValue } from './format-value.js';

/** Plain-text pieces of a finding that several formats print the same way (console, junit, github). */

/** `file:line` for source positions, the ARN for live resources. */
export function locationText(location: Location | undefined): string | undefined {
  if (!location) return undefined;
  if (location.kind === 'cloud') return location.arn;
  return location.startLine !== undefined ? `${location.file}:${location.startLine}` : location.file;
}

/** The witness path as one chain: `internet → igw-… → rtb-… → db:5432`. */
export function traceChain(trace: readonly TraceStep[]): string {
  return trace.map((step) => step.label).join(' → ');
}

/** `config: legacy bastion (until 2099-12-31)` — who suppressed it, why, and until when. */
export function suppressionText(suppression: Suppression | undefined): string {
  if (!suppression) return 'suppressed';
  const source = suppression.kind === 'inline' ? 'inline ignore' : suppression.kind;
  return `${source}: ${suppression.reason ?? 'no reason given'}${suppression.until ? ` (until ${suppression.until})` : ''}`;
}

/** `ingress.0.cidr_blocks = ["0.0.0.0/0"] (note)`; sensitive values are redacted by formatValue. */
export function evidenceText(item: Evidence): string {
  return `${item.path} = ${formatValue(item.value)}${item.note ? ` (${item.note})` : ''}`;
}

/**
 * Everything a reader needs to act on one finding, one fact per line: message, severity, where
 * (file:line, or account/region and ARN), why undecided or suppressed, evidence, path, remediation.
 */
export function findingDetailLines(finding: Finding): string[] {
  const lines = findingFactLines(finding);
  lines.push(remediationLine(finding.remediation));
  return lines;
}

/** findingDetailLines but the last, the remediation: the same for every finding of a policy, so a format may render it once. */
export function findingFactLines(finding: Finding): string[] {
  const { location, resource } = finding;
  const lines = [asSentence(finding.message), `severity: ${finding.severity}`, `resource: ${resource.address} (${resource.type})`];
  if (location?.kind === 'cloud') lines.push(`location: account ${location.account}, region ${location.region}, ${location.arn}`);
  else if (location) lines.push(`location: ${locationText(location)}`);
  else lines.push(`input: ${resource.input}`);
  if (finding.verdict === 'unknown' && finding.reason) lines.push(`unknown because: ${finding.reason}`);
  if (finding.verdict === 'suppressed') {
    lines.push(`suppressed by ${suppressionText(finding.suppression)}${finding.suppression?.by ? ` [${finding.suppression.by}]` : ''}`);
  }
  for (const item of finding.evidence) lines.push(`evidence: ${evidenceText(item)}`);
  if (finding.trace && finding.trace.length > 0) lines.push(`path: ${traceChain(finding.trace)}`);
  return lines;
}

export function remediationLine(remediation: string): string {
  return `remediation: ${remediation}`;
}
