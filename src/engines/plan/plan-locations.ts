import type { SourceLocation } from '../../model/location.js';

const ADDRESS_KEY = /"address"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/**
 * Where each resource change sits in the plan file, so a finding from an unmapped plan still points
 * at a line (`resource_changes[].address`). One pass over the text: no JSON positions needed.
 */
export function planAddressLines(text: string, lineOffset: number, file: string): Map<string, SourceLocation> {
  const out = new Map<string, SourceLocation>();
  const start = text.indexOf('"resource_changes"');
  if (start === -1) return out;
  ADDRESS_KEY.lastIndex = start;
  let line = 1 + lineOffset + countNewlines(text, 0, start);
  let lastIndex = start;
  let lineStart = text.lastIndexOf('\n', start) + 1;
  for (let match = ADDRESS_KEY.exec(text); match; match = ADDRESS_KEY.exec(text)) {
    for (let i = text.indexOf('\n', lastIndex); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    lastIndex = match.index;
    const raw = match[1]!;
    const address = raw.includes('\\') ? safeUnescape(raw) : raw;
    if (!out.has(address)) {
      out.set(address, { kind: 'source', file, startLine: line, endLine: line, startColumn: match.index - lineStart + 1 });
    }
  }
  return out;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function safeUnescape(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
