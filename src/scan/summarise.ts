import type { Finding } from '../rules/finding.js';
import { SEVERITIES, type Severity } from '../rules/severity.js';
import type { ScanSummary } from './scan-result.js';

/** Counts by verdict and severity; `baselined` (findings a baseline left out) only when a baseline was applied. */
export function summarise(findings: readonly Finding[], baselined?: number): ScanSummary {
  const byVerdict = { fail: 0, unknown: 0, suppressed: 0, pass: 0 };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) {
    byVerdict[finding.verdict]++;
    if (finding.verdict === 'fail') bySeverity[finding.severity]++;
  }
  return { findings: findings.length, ...(baselined !== undefined ? { baselined } : {}), byVerdict, bySeverity };
}
