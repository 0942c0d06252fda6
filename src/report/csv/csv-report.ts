import type { Reporter } from '../report-context.js';
import { policiesById } from '../policy-controls.js';
import { CSV_COLUMNS, csvRow } from './csv-columns.js';

/** Rows written per piece: a large audit's report is never one string. */
const BATCH = 512;

/**
 * One row per finding under a fixed header (csv-columns.ts), RFC 4180 quoting, for spreadsheets
 * and ticket imports. Rows end with LF, not RFC 4180's CRLF: every reader (Excel, LibreOffice,
 * Python's csv, pandas) takes LF, and a CR is a control character no warden output leaves raw.
 * Coverage gaps are not rows: they go to stderr and the exit code, as in every format, so an
 * incomplete run is not mistaken for a clean one.
 */
export const csvReport: Reporter = function* (result) {
  const policies = policiesById(result.policies);
  yield `${CSV_COLUMNS.join(',')}\n`;
  for (let start = 0; start < result.findings.length; start += BATCH) {
    let piece = '';
    for (const finding of result.findings.slice(start, start + BATCH)) piece += `${csvRow(finding, policies.get(finding.ruleId))}\n`;
    yield piece;
  }
};
