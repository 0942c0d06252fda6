import type { Finding, Verdict } from '../rules/finding.js';
import { severityRank } from '../rules/severity.js';

const VERDICT_ORDER: Record<Verdict, number> = { fail: 0, unknown: 1, suppressed: 2, pass: 3 };

/** A stable order for every output: by input, file position, then rule and resource. */
export function sortFindings(findings: Finding[]): void {
  findings.sort(
    (a, b) =>
      cmp(a.resource.input, b.resource.input) ||
      cmp(fileOf(a), fileOf(b)) ||
      (lineOf(a) - lineOf(b)) ||
      VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
      severityRank(b.severity) - severityRank(a.severity) ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.resource.address, b.resource.address) ||
      cmp(a.fingerprint, b.fingerprint),
  );
}

function fileOf(f: Finding): string {
  return f.location?.kind === 'source' ? f.location.file : '';
}

function lineOf(f: Finding): number {
  return f.location?.kind === 'source' ? (f.location.startLine ?? 0) : 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
