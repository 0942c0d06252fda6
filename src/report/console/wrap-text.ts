import { printable } from '../printable-text.js';

/** The console report keeps every line within this many columns. */
export const CONSOLE_WIDTH = 100;

/**
 * Word-wraps plain text to `width` columns, every line starting with `indent`; later lines get
 * `hangingIndent` instead when given. A word longer than a line is left whole rather than split.
 * Line breaks in the text become spaces; other control characters are shown escaped. The lines
 * are appended to `lines` (a new list when not given), which is returned.
 */
export function wrapText(text: string, indent: string, width = CONSOLE_WIDTH, hangingIndent = indent, lines: string[] = []): string[] {
  // Words are separated by single spaces once white space is collapsed: each line is one slice
  // (every finding's message is wrapped; no list of words, no line built word by word). Most text
  // has nothing to collapse: one test, where the replace would build a new string.
  const words = printable(UNCOLLAPSED.test(text) ? text.replace(/\s+/g, ' ') : text);
  let start = words.charCodeAt(0) === SPACE ? 1 : 0;
  const end = words.charCodeAt(words.length - 1) === SPACE ? words.length - 1 : words.length;
  let prefix = indent;
  while (start < end) {
    const room = width - prefix.length;
    let stop = start + room >= end ? end : words.lastIndexOf(' ', start + room);
    // A word longer than the room is left whole.
    if (stop <= start) stop = nextBreak(words, start, end);
    lines.push(prefix + words.slice(start, stop));
    prefix = hangingIndent;
    start = stop + 1;
  }
  return lines;
}

const SPACE = 0x20;
/**
 * White space that is not one single space: what collapsing changes. `\s` but the space, spelt out:
 * twice as fast as `[^\S ]` (a test checks it against `\s`).
 */
const UNCOLLAPSED = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

function nextBreak(words: string, start: number, end: number): number {
  const space = words.indexOf(' ', start);
  return space === -1 || space > end ? end : space;
}

/** Cuts one line of plain text to `width` columns, marking the cut with an ellipsis; control characters are shown escaped. */
export function truncateLine(text: string, width = CONSOLE_WIDTH): string {
  // A long line (evidence of a long list) is escaped only as far as it is shown: when its first
  // `width` characters need no escape, they are the first characters printable would show.
  if (width > 0 && text.length > width) {
    const head = text.slice(0, width);
    if (printable(head) === head) return `${head.slice(0, width - 1)}…`;
  }
  const shown = printable(text);
  return shown.length <= width ? shown : `${shown.slice(0, width - 1)}…`;
}
