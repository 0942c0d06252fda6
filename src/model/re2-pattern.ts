import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

let re2Module: typeof import('re2js') | undefined;
/** re2js, required on first use: most scans never compile a pattern (start-up cost, DESIGN §7). */
function re2(): typeof RE2JS {
  re2Module ??= createRequire(import.meta.url)('re2js') as typeof import('re2js');
  return re2Module.RE2JS;
}

/** Compiled patterns by source: a pattern used for every resource is compiled once. */
const compiled = new Map<string, RE2JS>();
const MAX_CACHED = 256;

/**
 * Every regular expression that comes from a configuration or a policy file runs on RE2: linear time
 * in the input whatever the pattern, so a hostile `(a+)+$` cannot hang a scan (DESIGN §8). It is also
 * Terraform's own syntax (Go's RE2, `(?P<name>…)`). JavaScript's backtracking RegExp must never see
 * such a pattern. Throws an Error naming the problem for a pattern RE2 does not accept.
 */
export function re2Pattern(source: string, ignoreCase = false): RE2JS {
  const key = ignoreCase ? `i:${source}` : `s:${source}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const pattern = ignoreCase ? re2().compile(source, re2().CASE_INSENSITIVE) : re2().compile(source);
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(key, pattern);
  return pattern;
}

/** A pattern from a user's configuration, as policies use it: RE2 semantics, found anywhere in the text. */
export interface TextPattern {
  readonly source: string;
  test(text: string): boolean;
}

/** Compiles a configured pattern for a policy (never JavaScript's RegExp: see re2Pattern). Throws for a pattern RE2 rejects. */
export function textPattern(source: string, options: { ignoreCase?: boolean } = {}): TextPattern {
  const pattern = re2Pattern(source, options.ignoreCase ?? false);
  return { source, test: (text) => pattern.test(text) };
}

/** Why `source` is not an RE2 pattern, or undefined when it is one. */
export function re2Problem(source: string): string | undefined {
  try {
    re2Pattern(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
