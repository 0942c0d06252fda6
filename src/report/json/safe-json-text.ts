import { IGNORABLE, inertCommands } from '../inert-commands.js';
import { printableLines, UNPRINTABLE_BUT_LF } from '../printable-text.js';

/**
 * What JSON text may hold that a viewer or CI log would obey: a character JSON.stringify leaves raw
 * (DEL, C1, U+2028/U+2029, bidi controls), or a legacy `##[` command (ignorable characters may
 * stand between). A line of JSON never starts with `::`: strings are quoted. One test per piece,
 * as fast as a search for one character class: JSON of IPv6 ranges is full of `::` (`::/0`).
 */
const HAZARD = new RegExp(`[${UNPRINTABLE_BUT_LF}]|#${IGNORABLE}*#${IGNORABLE}*\\[`);

/**
 * JSON text (whole strings, as jsonPieces yields them) with those characters written as `\uXXXX`
 * escapes, and `##[` as `\u0023#[`: the same value once parsed, but no terminal, viewer or CI log
 * that shows the file sees a control, a bidi override or a command.
 */
export function safeJsonText(piece: string): string {
  return HAZARD.test(piece) ? inertCommands(printableLines(piece)) : piece;
}
