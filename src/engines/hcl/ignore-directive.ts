/** What an inline ignore comment says: `warden:ignore <rule-id>[,<rule-id>] [until=YYYY-MM-DD] [reason="…"]`. */
export interface IgnoreDirective {
  rules: string[];
  until?: string;
  reason?: string;
}

const MARKER = 'warden:ignore';
const RULE_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Reads the directive in a comment's text (`# …`, `// …` or `/* … *\/`): undefined when the comment
 * holds none, `{ error }` when it is malformed (the comment is then not honoured).
 */
export function parseIgnoreDirective(comment: string): IgnoreDirective | { error: string } | undefined {
  const at = comment.indexOf(MARKER);
  if (at === -1) return undefined;
  const before = comment.slice(0, at).replace(/^\s*(#|\/\/|\/\*)/, '').trim();
  if (before !== '') return undefined; // the marker is mentioned in prose, not used as a directive
  const rest = comment.slice(at + MARKER.length).replace(/\*\/\s*$/, '');
  if (rest !== '' && !/^\s/.test(rest)) return undefined;
  const tokens = tokenize(rest.trim());
  if ('error' in tokens) return tokens;
  // Rule ids come first, comma-separated (`a,b` or `a, b`).
  const list = tokens.list;
  let ids = list[0] ?? '';
  let i = 1;
  while (i < list.length && (ids.endsWith(',') || list[i]!.startsWith(','))) ids += list[i++];
  const rules = ids.includes('=') ? [] : ids.split(',').filter(Boolean);
  for (const id of rules) if (!RULE_ID.test(id)) return { error: `"${id}" is not a rule id` };
  if (rules.length === 0) return { error: 'names no rule id (warden:ignore <rule-id>[,<rule-id>] [until=YYYY-MM-DD] [reason="…"])' };
  const directive: IgnoreDirective = { rules };
  for (; i < list.length; i++) {
    const token = list[i]!;
    const eq = token.indexOf('=');
    const key = eq > 0 ? token.slice(0, eq) : token;
    const value = eq > 0 ? token.slice(eq + 1) : '';
    if (key === 'until') {
      if (!isDate(value)) return { error: `until=${value} is not a date (YYYY-MM-DD)` };
      directive.until = value;
    } else if (key === 'reason') {
      directive.reason = value;
    } else {
      return { error: `unexpected "${token}" (options are until=YYYY-MM-DD and reason="…")` };
    }
  }
  return directive;
}

/** Splits on spaces, keeping `key="quoted text"` (with \" escapes) as one token without its quotes. */
function tokenize(text: string): { list: string[] } | { error: string } {
  const list: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length) break;
    let token = '';
    while (i < text.length && text[i] !== ' ' && text[i] !== '\t') {
      if (text[i] === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length) i++;
          token += text[i++];
        }
        if (text[i] !== '"') return { error: 'unterminated quoted string' };
        i++;
      } else token += text[i++];
    }
    list.push(token);
  }
  return { list };
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
