import type { ScanResult } from './scan-result.js';
import { summarise } from './summarise.js';

/**
 * The result as a run without --include-passes reports it: passing checks left out and the summary
 * counted again (the baselined count kept). Used when passes were collected only for a format that always shows them (junit).
 */
export function withoutPasses(result: ScanResult): ScanResult {
  if (!result.findings.some((finding) => finding.verdict === 'pass')) return result;
  const findings = result.findings.filter((finding) => finding.verdict !== 'pass');
  return { ...result, findings, summary: summarise(findings, result.summary.baselined) };
}
