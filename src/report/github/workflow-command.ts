import { inertCommands } from '../inert-commands.js';
import { printable, printableLines } from '../printable-text.js';

/**
 * GitHub Actions workflow commands (`::name key=value,key=value::data`), escaped as the runner
 * unescapes them (actions/runner ActionCommand: data `%0D` `%0A` `%25`; properties also `%3A`
 * `%2C`). `%` is escaped first so that the runner's unescaping restores the text exactly.
 */
export function escapeData(text: string): string {
  return text.replace(DATA, escapeChar);
}

/** A property value also must not contain the `,` between properties or the `::` that ends them. */
export function escapeProperty(text: string): string {
  return text.replace(PROPERTY, escapeChar);
}

// One pass each, every character escaped from the text as given (so `%` is never escaped twice).
const DATA = /[%\r\n]/g;
const PROPERTY = /[%\r\n:,]/g;
const ESCAPES: Record<string, string> = { '%': '%25', '\r': '%0D', '\n': '%0A', ':': '%3A', ',': '%2C' };

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
  const pairs = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(inertCommands(printable(String(value))))}`);
  return `::${name}${pairs.length > 0 ? ` ${pairs.join(',')}` : ''}::${escapeData(inertCommands(printableLines(data)))}`;
}
