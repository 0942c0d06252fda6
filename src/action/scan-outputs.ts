import { SEVERITIES } from '../rules/severity.js';
import type { ScanResult } from '../scan/scan-result.js';

/**
 * The action's outputs: failing findings by severity (`critical` … `info`), findings by verdict
 * (`failed`, `unknown`, `suppressed`), those a baseline left out (`baselined`), the SARIF file for
 * upload-sarif, and the exit code.
 */
export function scanOutputs(result: ScanResult, sarifFile: string, exitCode: number): Record<string, string> {
  const { byVerdict, bySeverity } = result.summary;
  return {
    ...Object.fromEntries(SEVERITIES.map((severity) => [severity, String(bySeverity[severity])])),
    failed: String(byVerdict.fail),
    unknown: String(byVerdict.unknown),
    suppressed: String(byVerdict.suppressed),
    baselined: String(result.summary.baselined ?? 0),
    'sarif-file': sarifFile,
    'exit-code': String(exitCode),
  };
}
