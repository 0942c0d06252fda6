import { inertCommands, type CommandEscapes } from '../inert-commands.js';
import { printable } from '../printable-text.js';

/** Longest text of one table cell or list item, before escaping: a long message or evidence value is cut. */
export const MAX_CELL_TEXT = 300;

/**
 * Text from a scan as literal Markdown on GitHub: one line (a newline would end a table row),
 * `&` `<` `>` as entities (no raw HTML), and the characters that start emphasis, code, links,
 * strikethrough or a table cell backslash-escaped, and `@` as an entity, so that an `@user` or
 * `@org/team` in a tag value or a message does not notify anyone when the summary is posted as a
 * comment. Control and bidi characters are shown as `\uXXXX`, and a workflow command is broken by a
 * backslash escape (`\:`, `\#` read as `:`, `#`) for when the report is printed in a step. Text
 * longer than `max` is cut with an ellipsis.
 */
export function escapeMarkdown(text: string, max = MAX_CELL_TEXT): string {
  const escaped = cut(printable(text.replace(/\s+/g, ' ').trim()), max)
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
  return inertCommands(escaped, MARKDOWN_COMMAND_ESCAPES);
}

const MARKDOWN_COMMAND_ESCAPES: CommandEscapes = { colon: '\\:', hash: '\\#' };

/** One table row from cells that are already Markdown. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return `${text.slice(0, end)}…`;
}
