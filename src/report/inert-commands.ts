/**
 * The GitHub runner reads every line a step prints, stdout and stderr alike, and runs it as a
 * workflow command when, after leading white space, it starts with `::name` (`::set-output …::`),
 * or when it holds the legacy `##[name …]` anywhere (actions/runner ActionCommand.TryParseV2 and
 * TryParse). Text from a scan (a tag, a message, a file name) must never form either. Both forms
 * are broken by escaping one character, in the notation of the format at hand; the default is the
 * `\uXXXX` notation of the console and of JSON strings, where it reads back as the same character.
 * Used on whole lines: a wrap may put any part of the text at a line start.
 */
export interface CommandEscapes {
  colon: string;
  hash: string;
}

const UNICODE_ESCAPES: CommandEscapes = { colon: '\\u003a', hash: '\\u0023' };

// .NET's TrimStart also drops U+0085, which JavaScript's \s leaves out. The runner's StartsWith and
// IndexOf compare by culture, which may skip default-ignorable characters (a soft hyphen, a zero-width
// space), so `:\u00ad:` and `#\u200b#[` count as commands too. `m`: every line of the text.
const IGNORABLE = '\\p{Default_Ignorable_Code_Point}';
const LINE_START_COMMAND = new RegExp(`^([\\s\\u0085${IGNORABLE}]*):(?=${IGNORABLE}*:)`, 'gmu');
const LEGACY_COMMAND = new RegExp(`#(?=${IGNORABLE}*#${IGNORABLE}*\\[)`, 'gu');
const MAYBE_COMMAND = new RegExp(`:${IGNORABLE}*:|#${IGNORABLE}*#`, 'u');

/** The text with no line that the runner would take for a command. */
export function inertCommands(text: string, escapes: CommandEscapes = UNICODE_ESCAPES): string {
  // Almost all text has neither form: one search, and no new string.
  if (!MAYBE_COMMAND.test(text)) return text;
  return text.replace(LINE_START_COMMAND, (_, space: string) => `${space}${escapes.colon}`).replace(LEGACY_COMMAND, escapes.hash);
}
