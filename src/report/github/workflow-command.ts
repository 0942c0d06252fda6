import { inertCommands } from '../inert-commands.js';
import { printable, printableLines } from '../printable-text.js';

/**
 * GitHub Actions workflow commands (`::name key=value,key=value::data`), escaped as the runner
 * unescapes them (actions/runner ActionCommand: data `%0D` `%0A` `%25`; properties also `%3A`
 * `%2C`). `%` is escaped first so that the runner's unescaping restores the text exactly.
 */
export function escapeData(text: string): string {
  // Data mostly holds line feeds only: replaced by a plain search instead of a pattern calling back per match.
  if (!text.includes('%') && !text.includes('\r')) return text.replaceAll('\n', ESCAPED_LINE_FEED);
  return text.replace(DATA, escapeChar);
}

/** A property value also must not contain the `,` between properties or the `::` that ends them. */
export function escapeProperty(text: string): string {
  return text.replace(PROPERTY, escapeChar);
}

// One pass each, every character escaped from the text as given (so `%` is never escaped twice).
const DATA = /[%\r\n]/g;
const PROPERTY = /[%\r\n:,]/g;
/** A line feed in data: how the lines of an annotation's message are written. */
export const ESCAPED_LINE_FEED = '%0A';
const ESCAPES: Record<string, string> = { '%': '%25', '\r': '%0D', '\n': ESCAPED_LINE_FEED, ':': '%3A', ',': '%2C' };

function escapeChar(char: string): string {
  return ESCAPES[char]!;
}

export type CommandProperties = Record<string, string | number | undefined>;

/**
 * One command line; properties without a value are left out. Line feeds in the data are the
 * message's own lines (a property is one line); any other control or bidi character, and a `##[`,
 * is shown as its `\uXXXX` escape, so that the annotation reads as the plain text it is.
 */
export function workflowCommand(name: string, properties: CommandProperties, data: string): string {
  return commandHead(name, properties) + commandData(data);
}

/** A property value escaped: one line, printable, never a command. */
export function propertyValue(value: string): string {
  return escapeProperty(inertCommands(printable(value)));
}

/**
 * Command data escaped: line feeds stay the message's own lines (as `%0A`), anything else
 * unprintable is shown escaped, and no line is a command. Every escape works within a line, so
 * data of whole lines may be escaped in parts and joined by `%0A` (ESCAPED_LINE_FEED): a part the
 * same in many commands is then escaped once.
 */
export function commandData(text: string): string {
  return escapeData(inertCommands(printableLines(text)));
}

/** `::name key=value,key=value::`, properties without a value left out. */
function commandHead(name: string, properties: CommandProperties): string {
  let pairs = '';
  for (const key in properties) {
    const value = properties[key];
    if (value !== undefined) pairs += `${pairs === '' ? ' ' : ','}${key}=${propertyValue(String(value))}`;
  }
  return `::${name}${pairs}::`;
}
