/**
 * Control characters (a terminal escape in a file name, a plan value or a tag), line breaks and
 * bidirectional controls (overrides, isolates and the marks U+061C, U+200E, U+200F): printed as
 * they are, they would restyle the terminal, hide or reorder text (Trojan Source) or split a line.
 * Tabs are left alone.
 */
export const UNPRINTABLE_BUT_LF = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const UNPRINTABLE = new RegExp(`[\\u000a${UNPRINTABLE_BUT_LF}]`);
const EACH_UNPRINTABLE = new RegExp(UNPRINTABLE.source, 'g');
const UNPRINTABLE_IN_LINES = new RegExp(`[${UNPRINTABLE_BUT_LF}]`);
const EACH_UNPRINTABLE_IN_LINES = new RegExp(UNPRINTABLE_IN_LINES.source, 'g');

/** User text made safe for a terminal: each unprintable character becomes its `\uXXXX` escape. */
export function printable(text: string): string {
  // Almost all text has none: one test, and no new string.
  if (!UNPRINTABLE.test(text)) return text;
  return text.replace(EACH_UNPRINTABLE, unicodeEscape);
}

/**
 * The same for text whose line feeds are its own layout (JSON pieces, several lines joined):
 * everything else unprintable is escaped. JSON.stringify escapes C0 controls but leaves DEL, C1,
 * U+2028/U+2029 and the bidi controls raw; inside a JSON string `\uXXXX` is the same character.
 */
export function printableLines(text: string): string {
  if (!UNPRINTABLE_IN_LINES.test(text)) return text;
  return text.replace(EACH_UNPRINTABLE_IN_LINES, unicodeEscape);
}

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
