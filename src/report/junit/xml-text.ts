/**
 * Characters XML 1.0 cannot hold at all (§2.2 Char): NUL and the other C0 controls but tab, LF and
 * CR; lone surrogates; U+FFFE and U+FFFF. One precompiled pass here is several times faster on a
 * large report than xmlbuilder2's per-string `invalidCharReplacement`, which xmlbuilder2 would
 * otherwise need (it escapes markup itself).
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const REPLACEMENT = '\uFFFD';

/** An attribute value: one line (a parser turns newlines and tabs into spaces anyway), XML characters only. */
export function attributeText(text: string): string {
  return xmlChars(text.replace(/\s+/g, ' ').trim());
}

/** Element text: one newline convention (parsers turn CR LF into LF), XML characters only. */
export function elementText(text: string): string {
  return xmlChars(text.replace(/\r\n?/g, '\n'));
}

function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, REPLACEMENT);
}
