import { builtinPolicies } from '../../policies/index.js';
import type { Finding } from '../../src/rules/finding.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { REPO } from '../engines/hcl/hcl-helpers.js';

/** Scans paths (relative to the repository) with one policy, passes included. */
export async function scanWith(policyId: string, paths: string[], cwd = REPO): Promise<ScanResult> {
  const policies = selectPolicies(builtinPolicies, {}, { only: [policyId] });
  return runScan({ paths, cwd, policies, config: {}, passMode: 'report', today: '2025-06-01' });
}

/** `verdict file:line message` for each finding. */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.verdict} ${f.location?.kind === 'source' ? `${f.location.file}:${f.location.startLine}` : '-'} ${f.message}`);
}
