import { inertCommands } from '../inert-commands.js';
import { printable } from '../printable-text.js';

/**
 * What a spreadsheet would run as a formula when a cell starts with it (OWASP "CSV injection"):
 * `=`, `+`, `-`, `@`, and tab or CR, which some importers strip before looking. Such a cell gets a
 * leading `'`, which spreadsheets read as "text" and hide.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** RFC 4180: a field holding a quote, comma or line break is quoted, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field from user text: controls, line breaks and bidi characters shown as `\uXXXX` (so
 * every row is one line, and no terminal or CI log that shows the file obeys them), no workflow
 * command, no formula, then RFC 4180 quoting.
 */
export function csvTextCell(text: string): string {
  const safe = inertCommands(printable(text));
  return quoted(FORMULA_START.test(safe) ? `'${safe}` : safe);
}

/** A number or nothing: written as it is (never a formula), empty when absent. */
export function csvNumberCell(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function quoted(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
