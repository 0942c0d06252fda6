/**
 * Characters XML 1.0 cannot hold at all (§2.2 Char): NUL and the other C0 controls but tab, LF and
 * CR; lone surrogates; U+FFFE and U+FFFF. They are replaced, since no escape can represent them.
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

/** Anything an attribute value must have changed: the same as for text, and any white space and `"`. */
const ATTRIBUTE_TO_CHANGE = /[\s"&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** An attribute value, escaped: one line (a parser turns newlines and tabs into spaces anyway), XML characters only. */
export function attributeText(text: string): string {
  // Most values (a resource address) hold nothing to change: tested once instead of changed three times.
  if (!ATTRIBUTE_TO_CHANGE.test(text)) return text;
  return escapeQuote(escapeMarkup(xmlChars(text.replace(/\s+/g, ' ').trim())));
}

/**
 * Anything element text must have changed: CR, markup, C0 controls, surrogates (paired ones are
 * fine, but rare enough to take the careful way) and U+FFFE/U+FFFF. Most text has none of them.
 */
const TEXT_TO_CHANGE = /[\r&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Element text, escaped: one newline convention (parsers turn CR LF into LF), XML characters only. */
export function elementText(text: string): string {
  if (!TEXT_TO_CHANGE.test(text)) return text;
  return escapeMarkup(xmlChars(text.replace(/\r\n?/g, '\n')));
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
