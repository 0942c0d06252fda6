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
 * JSON text (as JSON.stringify writes it, whole or in the pieces jsonPieces yields) with those
 * characters written as `\uXXXX` escapes, and `##[` as `\u0023#[`: the same value once parsed, but
 * no terminal, viewer or CI log that shows the file sees a control, a bidi override or a command.
 */
export function safeJsonText(piece: string): string {
  return mayHoldHazard(piece) && HAZARD.test(piece) ? inertCommands(printableLines(piece)) : piece;
}

/**
 * False for text that cannot hold a hazard, told by native scans several times faster than the
 * pattern (reports are tens of MB): ASCII only (its UTF-8 is as long as it is), no DEL, no `#`. The
 * other controls are C0, which JSON.stringify always escapes: only its own line feeds are raw in JSON text.
 */
function mayHoldHazard(piece: string): boolean {
  return !isAscii(piece) || piece.includes('#') || piece.includes('\u007f');
}

/** Pieces up to this long are tested by encoding them into scratch space; longer ones are measured. */
const SCRATCH_BYTES = 1 << 20;
let scratch: Uint8Array | undefined;
const encoder = new TextEncoder();

/**
 * Whether every character is ASCII. TextEncoder#encodeInto runs several times faster than
 * Buffer.byteLength on the long one-byte strings JSON.stringify makes: each character it read took
 * one byte only if all are ASCII. The scratch bytes are never read.
 */
function isAscii(piece: string): boolean {
  if (piece.length > SCRATCH_BYTES) return Buffer.byteLength(piece, 'utf8') === piece.length;
  const { read, written } = encoder.encodeInto(piece, (scratch ??= new Uint8Array(SCRATCH_BYTES)));
  return read === piece.length && written === piece.length;
}
