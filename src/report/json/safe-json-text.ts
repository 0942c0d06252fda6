import { inertCommands } from '../inert-commands.js';
import { printableLines } from '../printable-text.js';

/**
 * JSON text (whole strings, as jsonPieces yields them) with the characters JSON.stringify leaves
 * raw written as `\uXXXX` escapes, and `##[` as `\u0023#[`: the same value once parsed, but no
 * terminal, viewer or CI log that shows the file sees a control, a bidi override or a command.
 */
export function safeJsonText(piece: string): string {
  return inertCommands(printableLines(piece));
}
