/** The console report keeps every line within this many columns. */
export const CONSOLE_WIDTH = 100;

/**
 * Word-wraps plain text to `width` columns, every line starting with `indent`; later lines get
 * `hangingIndent` instead when given. A word longer than a line is left whole rather than split.
 */
export function wrapText(text: string, indent: string, width = CONSOLE_WIDTH, hangingIndent = indent): string[] {
  const lines: string[] = [];
  let current = '';
  let prefix = indent;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
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

/** Cuts one line of plain text to `width` columns, marking the cut with an ellipsis. */
export function truncateLine(text: string, width = CONSOLE_WIDTH): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
