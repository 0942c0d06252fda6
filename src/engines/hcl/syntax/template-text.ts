import type { TemplatePart } from './ast.js';

/**
 * Turns the raw text of a quoted template literal into its value: HCL's backslash escapes plus the
 * `$${` / `%%{` forms that write a literal `${` / `%{`.
 */
export function unescapeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      i++;
      switch (next) {
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case 'u':
        case 'U': {
          const length = next === 'u' ? 4 : 8;
          const hex = raw.slice(i + 1, i + 1 + length);
          if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === length) {
            out += String.fromCodePoint(parseInt(hex, 16));
            i += length;
          } else {
            out += `\\${next}`;
          }
          break;
        }
        default:
          out += `\\${next}`;
      }
    } else if ((c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') {
      out += `${c}{`;
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

/** Heredoc text keeps backslashes as written; only `$${` and `%%{` are escapes. */
export function unescapeHeredoc(raw: string): string {
  return raw.replace(/([$%])\1\{/g, '$1{');
}

/** `<<-` heredocs: removes the smallest indentation of the non-blank lines from every line. */
export function stripIndent(parts: TemplatePart[]): TemplatePart[] {
  const lineStarts: string[] = [];
  parts.forEach((part, i) => {
    if (part.kind !== 'text') return;
    const lines = part.text.split('\n');
    lines.forEach((line, n) => {
      if (n === 0 && i > 0) return;
      if (line.trim() !== '' || (n === lines.length - 1 && parts[i + 1] !== undefined)) lineStarts.push(line);
    });
  });
  const indent = Math.min(...lineStarts.map((line) => /^[ \t]*/.exec(line)![0].length), Number.MAX_SAFE_INTEGER);
  if (indent === 0 || indent === Number.MAX_SAFE_INTEGER) return parts;
  return parts.map((part, i) => {
    if (part.kind !== 'text') return part;
    const lines = part.text.split('\n').map((line, n) => (n === 0 && i > 0 ? line : line.slice(Math.min(indent, /^[ \t]*/.exec(line)![0].length))));
    return { kind: 'text', text: lines.join('\n') };
  });
}
