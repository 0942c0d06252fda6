import { filterBaselined, type Baseline } from '../rules/baseline.js';
import type { ScanResult } from './scan-result.js';
import { summarise } from './summarise.js';

/** The result as reported under a baseline: accepted findings left out of the findings and counted as baselined. */
export function applyBaseline(result: ScanResult, baseline: Baseline): ScanResult {
  const { kept, baselined } = filterBaselined(result.findings, baseline);
  return { ...result, findings: kept, summary: summarise(kept, baselined) };
}
