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
