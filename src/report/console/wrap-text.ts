import { printable } from '../printable-text.js';

/** The console report keeps every line within this many columns. */
export const CONSOLE_WIDTH = 100;

/**
 * Word-wraps plain text to `width` columns, every line starting with `indent`; later lines get
 * `hangingIndent` instead when given. A word longer than a line is left whole rather than split.
 * Line breaks in the text become spaces; other control characters are shown escaped.
 */
export function wrapText(text: string, indent: string, width = CONSOLE_WIDTH, hangingIndent = indent): string[] {
  const lines: string[] = [];
  let current = '';
  let prefix = indent;
  for (const word of printable(text.replace(/\s+/g, ' ')).split(' ')) {
    if (word === '') continue;
    if (current === '') {
      current = word;
    } else if (prefix.length + current.length + 1 + word.length <= width) {
      current += ` ${word}`;
    } else {
      lines.push(prefix + current);
      prefix = hangingIndent;
      current = word;
    }
  }
  if (current !== '') lines.push(prefix + current);
  return lines;
}

/** Cuts one line of plain text to `width` columns, marking the cut with an ellipsis; control characters are shown escaped. */
export function truncateLine(text: string, width = CONSOLE_WIDTH): string {
  const shown = printable(text);
  return shown.length <= width ? shown : `${shown.slice(0, width - 1)}…`;
}
