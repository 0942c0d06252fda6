import { printParseErrorCode, visit } from 'jsonc-parser';
import { jsonSyntaxReason } from './json-syntax-reason.js';

/** Where a JSON text first goes wrong, and what was expected there. */
export interface JsonErrorSite {
  offset: number;
  problem: string;
}

/**
 * Why JSON.parse rejected `text` (its error's `message`), and the line and column when the locator
 * finds the place: for a one-line error naming the file.
 */
export function describeJsonSyntaxError(text: string, message: string): { reason: string; position?: { line: number; column: number } } {
  const site = locateJsonError(text);
  return site ? { reason: site.problem, position: lineAndColumn(text, site.offset) } : { reason: jsonSyntaxReason(message) };
}

/** 1-based line and column (in UTF-16 code units) of `offset`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

type ErrorName = ReturnType<typeof printParseErrorCode>;

interface ParserError {
  name: ErrorName;
  offset: number;
  length: number;
  /** The closer of the innermost container open at the error: `}` or `]`. */
  closer: string | undefined;
}

/**
 * Finds the first syntax error of a JSON text, for a message that names the line and column.
 * `JSON.parse` gives no position for some errors (`Unexpected token ']'`) and words them differently
 * in each Node version. Microsoft's jsonc-parser (VS Code's, comments and trailing commas refused
 * here) reports each error with its offset; this turns the first into words. It runs only after
 * JSON.parse failed. Returns undefined when the parser finds nothing wrong, and when the text nests
 * deeper than its recursive descent can follow (thousands of levels): the caller then falls back
 * to JSON.parse's own message.
 */
export function locateJsonError(text: string): JsonErrorSite | undefined {
  const errors: ParserError[] = [];
  const open: string[] = [];
  try {
    visit(
      text,
      {
        onObjectBegin: () => void open.push('}'),
        onObjectEnd: () => void open.pop(),
        onArrayBegin: () => void open.push(']'),
        onArrayEnd: () => void open.pop(),
        onError: (code, offset, length) => {
          if (errors.length < 2) errors.push({ name: printParseErrorCode(code), offset, length, closer: open[open.length - 1] });
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  const [first, next] = errors;
  return first && describeError(text, first, next);
}

function describeError(text: string, error: ParserError, next: ParserError | undefined): JsonErrorSite {
  const { offset } = error;
  const at = (problem: string, where = offset): JsonErrorSite => ({ offset: where, problem });
  if (offset >= text.length && error.name !== 'UnexpectedEndOfString') return at('unexpected end of input (truncated file?)', text.length);
  const found = describe(text, offset);
  switch (error.name) {
    case 'InvalidSymbol':
      // A word that is no JSON token; the parser's next error, or where it stands, says what belonged there.
      if (next?.name === 'PropertyNameExpected') return at(`expected a property name in double quotes, found ${found}`);
      if (error.closer === undefined && text.slice(0, offset).trim() !== '') return at('unexpected data after the end of the JSON document');
      return at(`expected a value, found ${found}`);
    case 'PropertyNameExpected':
    case 'ValueExpected': {
      const before = previousToken(text, offset);
      if (before === ',' && text[offset] === error.closer) return at(`trailing comma before ${found}`);
      // In an object, anything but a colon before the error means a key was due (`{,}`).
      if (error.name === 'PropertyNameExpected' || (error.closer === '}' && before !== ':')) return at(`expected a property name in double quotes, found ${found}`);
      return at(`expected a value, found ${found}`);
    }
    case 'ColonExpected':
      return at(`expected ":" after the property name, found ${found}`);
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return at(`expected "," or "${error.closer ?? (error.name === 'CloseBracketExpected' ? ']' : '}')}", found ${found}`);
    case 'EndOfFileExpected':
      return at('unexpected data after the end of the JSON document');
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return at(`malformed number`);
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return at('comments are not allowed in JSON');
    case 'UnexpectedEndOfString': {
      // The string token runs up to where the scanner stopped: a line break or the end of the text.
      const end = offset + error.length;
      return end >= text.length ? at('unexpected end of input inside a string (truncated file?)', text.length) : at('unterminated string (line break inside a string)', end);
    }
    // The parser flags the whole string token; the first bad character in it is the place to show.
    case 'InvalidEscapeCharacter':
      return at('bad escape in a string', firstMatch(text, error, /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})|(\\[^u])/g));
    case 'InvalidUnicode':
      return at('bad \\u escape in a string', firstMatch(text, error, /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})|(\\u)/g));
    case 'InvalidCharacter':
      return at('control character inside a string', firstMatch(text, error, /\\.|([\u0000-\u001f])/g));
    default:
      return at(`unexpected ${found}`);
  }
}

/** The nearest character before `offset` that is not JSON whitespace. */
function previousToken(text: string, offset: number): string | undefined {
  let i = offset - 1;
  while (i >= 0 && ' \t\r\n'.includes(text[i]!)) i--;
  return text[i];
}

/** Offset of the first match of `pattern` in the error's token whose group 1 is set, or the token's start. */
function firstMatch(text: string, error: ParserError, pattern: RegExp): number {
  const token = text.slice(error.offset, error.offset + error.length);
  for (const match of token.matchAll(pattern)) if (match[1] !== undefined) return error.offset + match.index;
  return error.offset;
}

function describe(text: string, i: number): string {
  const c = text.codePointAt(i)!;
  const code = `U+${c.toString(16).padStart(4, '0').toUpperCase()}`;
  if (c < 0x20 || c === 0x7f) return `control character ${code}`;
  // Invisible ones (a no-break space, a byte-order mark) are named by their code, not shown.
  if (c !== 0x20 && /[\p{C}\p{Z}]/u.test(String.fromCodePoint(c))) return `character ${code}`;
  return `"${String.fromCodePoint(c)}"`;
}
