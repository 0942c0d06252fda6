import { InputError } from '../input-error.js';
import { jsonSyntaxReason } from '../../document-errors/json-syntax-reason.js';
import { lineAndColumn, locateJsonError } from '../../document-errors/locate-json-error.js';
import { parsePlanJson } from './parse-plan-json.js';

export interface ExtractedJson {
  value: unknown;
  /** The JSON text as parsed, and where it starts in the file, for mapping positions back to lines. */
  text: string;
  lineOffset: number;
  /** What was skipped before the JSON, when it did not start the file (reported, so a recovery is never silent). */
  skipped?: 'terraform wrapper output' | 'text before the JSON';
}

/**
 * Parses the JSON document of a file that may carry text before it: a banner, a log line, or the
 * hashicorp/setup-terraform wrapper (`[command]… show -json`, then the JSON, then `::set-output`
 * lines). Anything after the document is an error, except the wrapper's own trailer: a plan with a
 * stray extra brace must not be half-read silently.
 */
export function extractJson(text: string, input: string): ExtractedJson {
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  if (start >= text.length) throw new InputError(input, 'empty file');
  // A second byte-order mark (or one a tool left after decoding) is not JSON whitespace: blank it, keeping columns.
  let body = start > 0 && text.slice(0, start).includes('\ufeff') ? text.slice(0, start).replaceAll('\ufeff', ' ') + text.slice(start) : text;
  let lineOffset = 0;
  let skipped: ExtractedJson['skipped'];
  const first = text[start];
  const isWrapper = text.startsWith('[command]', start);
  if (first !== '{' && (first !== '[' || isWrapper)) {
    const match = /^[ \t]*\{/m.exec(text.slice(start));
    if (!match) throw new InputError(input, 'not JSON (no JSON object found)', { line: 1, column: 1 });
    const jsonStart = start + match.index;
    lineOffset = countLines(text, jsonStart);
    body = text.slice(jsonStart);
    if (isWrapper) body = stripWrapperTrailer(body);
    skipped = isWrapper ? 'terraform wrapper output' : 'text before the JSON';
  }
  try {
    return { value: parsePlanJson(body), text: body, lineOffset, ...(skipped ? { skipped } : {}) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof SyntaxError)) throw new InputError(input, `cannot be read as JSON: ${message.split('\n')[0]}`);
    const site = locateJsonError(body);
    const position = site ? lineAndColumn(body, site.offset) : positionOf(message, body);
    const reason = site ? site.problem : jsonSyntaxReason(message);
    throw new InputError(input, `not valid JSON: ${reason}`, position ? { line: position.line + lineOffset, column: position.column } : undefined);
  }
}

function stripWrapperTrailer(body: string): string {
  const lines = body.split('\n');
  while (lines.length > 0 && (/^::/.test(lines[lines.length - 1]!) || lines[lines.length - 1]!.trim() === '')) lines.pop();
  const last = lines.length - 1;
  // The wrapper escapes the final newline as %0A (and a CRLF as %0D%0A); a Windows runner adds a real \r.
  if (last >= 0) lines[last] = lines[last]!.replace(/(%0A|%0D)+\r?$/, '');
  return lines.join('\n');
}

function positionOf(message: string, body: string): { line: number; column: number } | undefined {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const pos = /at position (\d+)/.exec(message);
  if (pos) return lineAndColumn(body, Number(pos[1]));
  if (/Unexpected end of JSON input/.test(message)) return lineAndColumn(body, body.length);
  return undefined;
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xfeff;
}
