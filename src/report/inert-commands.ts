/**
 * The GitHub runner reads every line a step prints, stdout and stderr alike, and runs it as a
 * workflow command when, after leading white space, it starts with `::name` (`::set-output …::`),
 * or when it holds the legacy `##[name …]` anywhere (actions/runner ActionCommand.TryParseV2 and
 * TryParse). Text from a scan (a tag, a message, a file name) must never form either. Both forms
 * are broken by escaping one character, in the notation of the format at hand; the default is the
 * `\uXXXX` notation of the console and of JSON strings, where it reads back as the same character.
 * Used on whole lines: a wrap may put any part of the text at a line start. Not `::stop-commands::`:
 * the runner keeps one stop state for stdout and stderr, whose lines interleave as they arrive, and
 * while stopped it would not run warden's own annotations either.
 */
export interface CommandEscapes {
  colon: string;
  hash: string;
}

const UNICODE_ESCAPES: CommandEscapes = { colon: '\\u003a', hash: '\\u0023' };

// .NET's TrimStart also drops U+0085, which JavaScript's \s leaves out. The runner's StartsWith and
// IndexOf compare by culture, which may skip default-ignorable characters (a soft hyphen, a zero-width
// space), so `:\u00ad:` and `#\u200b#[` count as commands too.
/**
 * Unicode's Default_Ignorable_Code_Point, spelt out (a test checks it against `\p{…}`): a regex
 * without the `u` flag searches three times as fast, and reports have megabytes of `::/0`.
 */
export const IGNORABLE =
  '(?:[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff0-\\ufff8]|\\ud82f[\\udca0-\\udca3]|\\ud834[\\udd73-\\udd7a]|[\\udb40-\\udb43][\\udc00-\\udfff])';
const COLON_PAIR = new RegExp(`:${IGNORABLE}*:`, 'g');
const LEGACY_COMMAND = new RegExp(`#(?=${IGNORABLE}*#${IGNORABLE}*\\[)`, 'g');
const LEADING = new RegExp(`^(?:[\\s\\u0085]|${IGNORABLE})$`);

/** The text with no line that the runner would take for a command. */
export function inertCommands(text: string, escapes: CommandEscapes = UNICODE_ESCAPES): string {
  const atLineStarts = text.includes(':') ? escapeLineStartColons(text, escapes.colon) : text;
  // Most text has no `#`; JSON of IPv6 ranges has many `::` (`::/0`), so each is checked where it is.
  return atLineStarts.includes('#') ? atLineStarts.replace(LEGACY_COMMAND, escapes.hash) : atLineStarts;
}

/** Escapes the first colon of each `::` that only white space (or ignorable characters) separates from the start of its line. */
function escapeLineStartColons(text: string, colon: string): string {
  let result = '';
  let copied = 0;
  COLON_PAIR.lastIndex = 0;
  for (let match = COLON_PAIR.exec(text); match; match = COLON_PAIR.exec(text)) {
    if (startsLine(text, match.index)) {
      result += `${text.slice(copied, match.index)}${colon}`;
      copied = match.index + 1;
    }
    // The second colon may start the next pair (`:::`).
    COLON_PAIR.lastIndex = match.index + 1;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/** Whether only white space and ignorable characters stand between `index` and the line break before it (or the text's start). */
function startsLine(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const char = text[i]!;
    // The runner reads lines as .NET does: ended by LF, CR or CR LF.
    if (char === '\n' || char === '\r') return true;
    // A character outside the BMP (an ignorable tag character) is two code units: test it whole.
    const low = char >= '\udc00' && char <= '\udfff' && i > 0;
    const point = low ? text.slice(i - 1, i + 1) : char;
    if (!LEADING.test(point)) return false;
    if (low) i--;
  }
  return true;
}
