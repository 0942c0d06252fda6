import { inertCommands, type CommandEscapes } from '../inert-commands.js';
import { printable, printableLines } from '../printable-text.js';

/**
 * Characters XML 1.0 cannot hold at all (§2.2 Char): NUL and the other C0 controls but tab, LF and
 * CR; lone surrogates; U+FFFE and U+FFFF. No XML escape can represent them: controls are written
 * as the text `\uXXXX` (as DEL, C1 and bidi controls, which XML could hold but a viewer would
 * obey), and what is left (surrogates, U+FFFE/U+FFFF) is replaced.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const REPLACEMENT = '\uFFFD';

/** Markup and its escapes, `&` first so that no escape is escaped again. */
const ENTITIES: readonly [string, RegExp, string][] = [
  ['&', /&/g, '&amp;'],
  ['<', /</g, '&lt;'],
  ['>', />/g, '&gt;'],
];
const QUOTE: [string, RegExp, string] = ['"', /"/g, '&quot;'];

/** A GitHub workflow command in a JUnit file printed by a step: broken by character references, which read back as the same text. */
const XML_COMMAND_ESCAPES: CommandEscapes = { colon: '&#58;', hash: '&#35;' };

/**
 * Anything an attribute value must have changed: the same as for text, and any white space and `"`.
 * Most values (a resource address) hold nothing to change: tested once instead of changed each way.
 */
const ATTRIBUTE_TO_CHANGE = /[\s"&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * What only the careful way changes: white space other than single spaces between words, and any
 * character printable() or xmlChars() would replace (surrogates all taken the careful way). A
 * value without any of it (a message, an address with quotes) needs its markup and quotes escaped only.
 */
const ATTRIBUTE_TO_NORMALISE = /^\s|\s$|\s\s|[^\S ]|[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/;

/** An attribute value, escaped: one line (a parser turns newlines and tabs into spaces anyway), printable XML characters only, never a workflow command. */
export function attributeText(text: string): string {
  return inertCommands(ATTRIBUTE_TO_CHANGE.test(text) ? attributeEscapes(text) : text, XML_COMMAND_ESCAPES);
}

function attributeEscapes(text: string): string {
  if (!ATTRIBUTE_TO_NORMALISE.test(text)) return escapeQuote(escapeMarkup(text));
  return escapeQuote(escapeMarkup(xmlChars(printable(text.replace(/\s+/g, ' ').trim()))));
}

/**
 * Anything element text must have changed: CR, markup, controls, bidi controls, surrogates (paired
 * ones are fine, but rare enough to take the careful way) and U+FFFE/U+FFFF. Most text has none of them.
 */
const TEXT_TO_CHANGE = /[\r&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Element text, escaped: one newline convention (parsers turn CR LF into LF), printable XML characters only, never a workflow command. */
export function elementText(text: string): string {
  const escaped = TEXT_TO_CHANGE.test(text) ? escapeMarkup(xmlChars(printableLines(text.replace(/\r\n?/g, '\n')))) : text;
  return inertCommands(escaped, XML_COMMAND_ESCAPES);
}

/**
 * Every `&`, also one that looks like an entity: a message that says `&amp;` must read `&amp;` back.
 * Text (`>` too: `]]>` may not appear in it); attribute values also escape the quote around them.
 * Each character looked for first: mostly only the quotes of an address (`x["a"]`) are there.
 */
function escapeMarkup(text: string): string {
  for (const [char, all, escape] of ENTITIES) if (text.includes(char)) text = text.replace(all, escape);
  return text;
}

function escapeQuote(text: string): string {
  const [char, all, escape] = QUOTE;
  return text.includes(char) ? text.replace(all, escape) : text;
}

function xmlChars(text: string): string {
  NOT_XML_CHAR.lastIndex = 0;
  return NOT_XML_CHAR.test(text) ? text.replace(NOT_XML_CHAR, REPLACEMENT) : text;
}
