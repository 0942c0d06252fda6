import { fileURLToPath } from 'node:url';
import { builtinPolicies } from '../../policies/index.js';
import { htmlReport } from '../../src/report/html/html-report.js';
import { wholeText } from '../../src/report/report-text.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';

export const ESTATE = fileURLToPath(new URL('../../fixtures/live-estate/inventory.json', import.meta.url));

/** A hostile text, as a resource name or message could carry it from a plan, a tag or a custom policy. */
export const HOSTILE = '</script><img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';

/** The seeded live estate audited, plus one finding whose message and resource name are hostile markup. */
export async function estateResult(): Promise<ScanResult> {
  const result = await runScan({ paths: [ESTATE], cwd: process.cwd(), policies: selectPolicies(builtinPolicies, {}, {}), config: {} });
  const first = result.findings[0]!;
  const hostile = { ...first, message: `${first.message} ${HOSTILE}`, resource: { ...first.resource, name: HOSTILE }, fingerprint: 'hostile' };
  return { ...result, findings: [...result.findings, hostile] };
}

export function html(result: ScanResult): string {
  return wholeText(htmlReport(result, { color: false, cwd: process.cwd(), time: Date.UTC(2026, 11, 7, 6, 0, 0) }));
}
