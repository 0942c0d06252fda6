import type { SourceLocation } from '../../model/location.js';

/**
 * Where each resource change sits in the plan file, so a finding from an unmapped plan still points
 * at a line (`resource_changes[].address`). One pass over the text: no JSON positions needed. Lines
 * are counted incrementally (Terraform writes the whole plan on one line, so a search for the next
 * newline must not restart at every match); with `wanted`, the pass stops once all are found.
 */
export function planAddressLines(text: string, lineOffset: number, file: string, wanted?: ReadonlySet<string>): Map<string, SourceLocation> {
  const out = new Map<string, SourceLocation>();
  const start = text.indexOf('"resource_changes"');
  if (start === -1) return out;
  // Lines are counted from the top; a minified plan has no newline at all and costs one search.
  let line = 1 + lineOffset;
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  let missing = wanted?.size ?? Infinity;
  for (let at = text.indexOf('"address"', start); at !== -1 && missing > 0; at = text.indexOf('"address"', at + 9)) {
    const raw = stringValueAfterKey(text, at + 9);
    if (raw === undefined) continue;
    while (nextNewline !== -1 && nextNewline < at) {
      line++;
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }
    const address = raw.includes('\\') ? unescapeJsonString(raw) : raw;
    if (!out.has(address) && (!wanted || wanted.has(address))) {
      out.set(address, { kind: 'source', file, startLine: line, endLine: line, startColumn: at - lineStart + 1 });
      missing--;
    }
  }
  return out;
}

const ADDRESS_KEY = '"address"';

/**
 * The location of each address, for addresses listed in the order their entries appear in the file
 * (resource_changes order, then prior_state): one forward pass that compares the text in place, so
 * no string is cut out or unescaped for the (many) `"address"` keys it passes. An entry's address is
 * recognised by the key Terraform writes after it, so an `address` attribute inside a value (a
 * database's host name) is never taken for one. Terraform writes the address as an entry's first
 * key: `{"address"` is searched first, as it is found many times faster than `"address"` (a quote
 * starts every string in the text); from the first entry not written that way (a pretty-printed or
 * key-sorted file), `"address"` is. Whatever is not found either way is looked up by value with
 * planAddressLines.
 */
export function orderedAddressLines(text: string, lineOffset: number, file: string, addresses: readonly string[]): (SourceLocation | undefined)[] {
  const out: (SourceLocation | undefined)[] = new Array<SourceLocation | undefined>(addresses.length).fill(undefined);
  const start = text.indexOf('"resource_changes"');
  if (start === -1) return out;
  const walk: OrderedWalk = { text, file, addresses, out, next: 0, from: start, line: 1 + lineOffset, lineStart: 0, nextNewline: text.indexOf('\n') };
  matchInOrder(walk, `{${ADDRESS_KEY}`);
  matchInOrder(walk, ADDRESS_KEY);
  const next = walk.next;
  if (next < addresses.length) {
    const rest = planAddressLines(text, lineOffset, file, new Set(addresses.slice(next)));
    for (let i = next; i < addresses.length; i++) out[i] = rest.get(addresses[i]!);
  }
  return out;
}

/** An ordered pass: the next address to find, where to search from, and the line count so far. */
interface OrderedWalk {
  readonly text: string;
  readonly file: string;
  readonly addresses: readonly string[];
  readonly out: (SourceLocation | undefined)[];
  next: number;
  /** Where the search goes on: just after the last entry found. */
  from: number;
  line: number;
  lineStart: number;
  nextNewline: number;
}

/** Finds the addresses from `walk.next` on, in order, at occurrences of `key` (which ends with ADDRESS_KEY), until one is missing. */
function matchInOrder(walk: OrderedWalk, key: string): void {
  const { text, addresses, out } = walk;
  for (let at = text.indexOf(key, walk.from); at !== -1 && walk.next < addresses.length; at = text.indexOf(key, at + key.length)) {
    const keyStart = at + key.length - ADDRESS_KEY.length;
    const valueStart = stringStartAfterKey(text, at + key.length);
    if (valueStart === -1) continue;
    const valueEnd = jsonStringEndAt(text, valueStart, addresses[walk.next]!);
    if (valueEnd === -1 || !startsEntry(text, valueEnd)) continue;
    // Lines are counted from the top; a minified plan has no newline at all and costs one search.
    while (walk.nextNewline !== -1 && walk.nextNewline < keyStart) {
      walk.line++;
      walk.lineStart = walk.nextNewline + 1;
      walk.nextNewline = text.indexOf('\n', walk.lineStart);
    }
    out[walk.next++] = { kind: 'source', file: walk.file, startLine: walk.line, endLine: walk.line, startColumn: keyStart - walk.lineStart + 1 };
    walk.from = valueEnd;
  }
}

/** Index just inside the opening quote of the string in `: "…"` after a key ending at `from`, or -1. */
function stringStartAfterKey(text: string, from: number): number {
  let i = from;
  while (isBlank(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x3a /* : */) return -1;
  i++;
  while (isBlank(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 0x22 /* " */ ? i + 1 : -1;
}

/**
 * Where the JSON string body starting at `at` ends (its closing quote) if it encodes `value`, else -1.
 * Quotes and backslashes are compared in their escaped form; a value with characters JSON encoders
 * escape in different ways (control characters, Go's \u003c for <, >, &) is cut out and unescaped.
 */
function jsonStringEndAt(text: string, at: number, value: string): number {
  let i = at;
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c === 0x22 || c === 0x5c) {
      if (text.charCodeAt(i) !== 0x5c || text.charCodeAt(i + 1) !== c) return -1;
      i += 2;
    } else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      const raw = stringBodyAt(text, at);
      return raw !== undefined && unescapeJsonString(raw) === value ? at + raw.length : -1;
    } else {
      if (text.charCodeAt(i) !== c) return -1;
      i++;
    }
  }
  return text.charCodeAt(i) === 0x22 ? i : -1;
}

/**
 * Whether the string closing at `quote` is the address of a resource entry rather than an `address`
 * attribute inside some value: Terraform writes `previous_address`, `module_address` or `mode` next.
 */
function startsEntry(text: string, quote: number): boolean {
  let i = quote + 1;
  while (isBlank(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x2c /* , */) return false;
  i++;
  while (isBlank(text.charCodeAt(i))) i++;
  return text.startsWith('"mode"', i) || text.startsWith('"module_address"', i) || text.startsWith('"previous_address"', i);
}

function stringBodyAt(text: string, start: number): string | undefined {
  let end = text.indexOf('"', start);
  while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
  return end === -1 ? undefined : text.slice(start, end);
}

/** The raw body of the JSON string in `: "…"` right after a key that ends at `from`; undefined if no string follows. */
function stringValueAfterKey(text: string, from: number): string | undefined {
  const start = stringStartAfterKey(text, from);
  return start === -1 ? undefined : stringBodyAt(text, start);
}

/** True when the character at `at` follows an odd run of backslashes. */
function isEscaped(text: string, at: number): boolean {
  let n = 0;
  for (let i = at - 1; text.charCodeAt(i) === 0x5c; i--) n++;
  return n % 2 === 1;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The value of a JSON string's body; for_each keys only escape quotes (`module.a[\\"x\\"]`), the rest is rare. */
function unescapeJsonString(raw: string): string {
  if (!/\\[^"\\/]/.test(raw)) return raw.replace(/\\(["\\/])/g, '$1');
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
