/**
 * Control characters (a terminal escape in a file name, a plan value or a tag), line breaks and
 * bidirectional overrides: printed as they are, they would restyle the terminal, hide text or split
 * a line. Tabs are left alone.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const EACH_UNPRINTABLE = new RegExp(UNPRINTABLE.source, 'g');

/** User text made safe for a terminal: each unprintable character becomes its `\uXXXX` escape. */
export function printable(text: string): string {
  // Almost all text has none: one test, and no new string.
  if (!UNPRINTABLE.test(text)) return text;
  return text.replace(EACH_UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
