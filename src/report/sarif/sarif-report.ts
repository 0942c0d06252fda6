import type { ScanResult } from '../../scan/scan-result.js';
import { jsonPieces } from '../json/json-pieces.js';
import type { Reporter, ReportContext } from '../report-context.js';
import { safeJsonText } from '../json/safe-json-text.js';
import { sarifRuns, type WrittenRun } from './sarif-runs.js';
import type * as Sarif from 'sarif';

/** The final OASIS schema of SARIF 2.1.0 (with errata 01), which GitHub and the SARIF validators expect. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * SARIF 2.1.0 for GitHub code scanning and Jenkins warnings-ng (DESIGN §5). Besides the 25,000
 * results per run enforced in sarif-runs.ts, GitHub refuses uploads over 10 MB gzipped; warden does
 * not gzip the report to measure it (that would cost as much as the scan on large inputs) — a report
 * that large should be split by target or narrowed with --only / --skip.
 */
export const sarifReport: Reporter = function* (result, context) {
  // Depth 4: the log, its runs, each run, its results (one at a time).
  for (const piece of jsonPieces(toSarifLog(result, context), 4)) yield safeJsonText(piece);
  yield '\n';
};

/** The log as written: serialised (JSON.stringify, or jsonPieces) it is a Sarif.Log. */
export function toSarifLog(result: ScanResult, context: ReportContext): Omit<Sarif.Log, 'runs'> & { runs: WrittenRun[] } {
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: sarifRuns(result, context) };
}
