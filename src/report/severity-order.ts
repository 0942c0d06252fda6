import type { Finding } from '../rules/finding.js';
import { severityRank } from '../rules/severity.js';

/** The findings worst severity first; equal severities keep the scan's order (Array#sort is stable). */
export function mostSevereFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}
