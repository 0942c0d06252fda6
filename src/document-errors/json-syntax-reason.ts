/**
 * The reason in a JSON.parse error, without the slice of the input V8 quotes: the file may not be
 * one whose bytes may be shown (a link out of the scan root), and the slice explains nothing anyway.
 */
export function jsonSyntaxReason(message: string): string {
  if (/Unexpected end of JSON input/.test(message)) return 'unexpected end of input (truncated file?)';
  if (/Unexpected non-whitespace character after JSON/.test(message)) return 'unexpected data after the end of the JSON document';
  if (/^Unexpected token/.test(message)) return 'unexpected character';
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '').split('\n')[0]!;
}
