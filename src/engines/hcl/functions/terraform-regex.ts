import { re2Pattern as compileRe2 } from '../../../model/re2-pattern.js';
import { setEntry, type Value, type ValueObject } from '../../../model/value.js';
import { EvalError } from '../eval/eval-error.js';
import { spendElements } from '../eval/work-budget.js';

type Pattern = ReturnType<typeof compileRe2>;

/** A Terraform pattern compiled by RE2 (model/re2-pattern.ts); a pattern RE2 rejects is an EvalError. */
function re2Pattern(source: string): Pattern {
  try {
    return compileRe2(source);
  } catch (error) {
    throw new EvalError(`invalid regular expression "${source}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * One match as Terraform's regex/regexall return it: the matched text when the pattern has no
 * groups, a map by name when its groups are named, else a list (an unmatched group is null).
 */
function matchValue(pattern: Pattern, group: (index: number) => string | null): Value {
  const count = pattern.groupCount();
  if (count === 0) return group(0);
  const names = pattern.namedGroups() as Record<string, number>;
  const named = Object.keys(names);
  if (named.length === 0) return Array.from({ length: count }, (_, i) => group(i + 1));
  if (named.length !== count) throw new EvalError('a pattern cannot mix named and unnamed capture groups');
  const out: ValueObject = {};
  for (const name of named) setEntry(out, name, group(names[name]!));
  return out;
}

/** The first match of `pattern` in `text`, or undefined when there is none. */
export function firstMatch(source: string, text: string): Value | undefined {
  const pattern = re2Pattern(source);
  const matcher = pattern.matcher(text);
  if (!matcher.find()) return undefined;
  return matchValue(pattern, (i) => matcher.group(i));
}

/** Every non-overlapping match, left to right. */
export function allMatches(source: string, text: string): Value[] {
  const pattern = re2Pattern(source);
  const matcher = pattern.matcher(text);
  const out: Value[] = [];
  while (matcher.find()) out.push(matchValue(pattern, (i) => matcher.group(i)));
  return out;
}

/** `replace(text, "/re/", repl)`: every match replaced, `repl` expanded as Go's Regexp.Expand does. */
export function replaceAll(source: string, text: string, replacement: string): string {
  const pattern = re2Pattern(source);
  const matcher = pattern.matcher(text);
  let out = '';
  let last = 0;
  let uncounted = 0;
  while (matcher.find()) {
    const expanded = expand(replacement, pattern, (group) => matcher.group(group) ?? '');
    // The text replacements add is counted as it grows (one element per 64 characters), before it reaches gigabytes.
    uncounted += expanded.length;
    if (uncounted >= 1 << 16) {
      spendElements(uncounted >> 6, 'replace()');
      uncounted = 0;
    }
    out += text.slice(last, matcher.start()) + expanded;
    last = matcher.end();
  }
  return out + text.slice(last);
}

const REFERENCE = /\$(?:\$|\{(\w+)\}|(\w+))/g;

/** `$$` is a dollar; `$name`, `${name}`, `$1`, `${1}` are groups (a group that does not exist is empty); any other `$` stays. */
function expand(template: string, pattern: Pattern, group: (ref: number | string) => string): string {
  const names = pattern.namedGroups() as Record<string, number>;
  return template.replace(REFERENCE, (_whole, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare;
    if (name === undefined) return '$';
    if (/^\d+$/.test(name)) {
      const index = Number(name);
      return index <= pattern.groupCount() ? group(index) : '';
    }
    return Object.hasOwn(names, name) ? group(name) : '';
  });
}
