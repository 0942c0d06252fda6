import { JSONPath } from 'jsonpath-plus';
import { isSensitive } from '../../model/sensitive.js';
import { isUnknown, type Unknown } from '../../model/unknown.js';
import { DOCUMENT_ROOTS } from './resource-document.js';

/** One value a path selected, with where it is (`/values/listener/0/port`). */
export interface PathMatch {
  pointer: string;
  value: unknown;
}

/** What a path selects from a document: the known values, and the Unknowns that stand in its way. */
export interface PathResult {
  matches: PathMatch[];
  /** Unknown values the path runs into or ends on: what it selects may be different once they are known. */
  unknowns: { pointer: string; value: Unknown }[];
}

/**
 * Checks a JSONPath once, when the policy is loaded: it must start at `$` and one of the document's
 * roots, and must not contain filter or script expressions (`?()`, `()`), which jsonpath-plus would
 * evaluate as code. Returns the problem, or undefined.
 */
export function jsonPathProblem(path: string): string | undefined {
  if (!path.startsWith('$')) return 'a path starts at $ (the resource), e.g. $.values.ssl_policy';
  if (/[?(@]|\(\s*\)/.test(path.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''"))) {
    return 'filter and script expressions (?(), (), @) are not allowed: use conditions (all/any/not) instead';
  }
  if (!balancedBrackets(path)) return 'unbalanced [ ] in the path';
  let segments: string[];
  try {
    segments = JSONPath.toPathArray(path) as string[];
  } catch (error) {
    return `not a JSONPath: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (segments[0] !== '$') return 'a path starts at $ (the resource)';
  const first = segments[1];
  if (first !== undefined && first !== '..' && first !== '*' && !(DOCUMENT_ROOTS as readonly string[]).includes(first)) {
    return `$.${first} is not part of a resource: start with ${DOCUMENT_ROOTS.map((r) => `$.${r}`).join(', ')}`;
  }
  if (segments.some((s) => s.startsWith('^') || s.startsWith('~') || s.startsWith('@'))) return 'the ^, ~ and @ operators are not allowed';
  return undefined;
}

/**
 * Evaluates a (checked) path. jsonpath-plus selects; script evaluation is off (`eval: false`), so a
 * path can never run code. Unknown values are opaque: nothing under one is selected, and each one
 * the path meets is reported so that the caller can answer `unknown` instead of guessing.
 */
export function queryPath(document: unknown, path: string): PathResult {
  const raw = JSONPath({ path, json: document as object, eval: false, resultType: 'all', wrap: true }) as { pointer: string; value: unknown }[];
  const matches: PathMatch[] = [];
  for (const { pointer, value } of raw) {
    if (isUnknown(value) || passesThroughOpaque(document, pointer)) continue;
    matches.push({ pointer, value });
  }
  const unknowns: PathResult['unknowns'] = [];
  collectUnknowns(document, JSONPath.toPathArray(path).slice(1) as string[], '', unknowns);
  return { matches, unknowns };
}

/** Walks the path's segments by hand, recording every Unknown it would step into or end on. */
function collectUnknowns(node: unknown, segments: readonly string[], pointer: string, out: PathResult['unknowns']): void {
  if (isUnknown(node)) {
    out.push({ pointer, value: node });
    return;
  }
  if (segments.length === 0 || typeof node !== 'object' || node === null || isSensitive(node)) return;
  const [segment, ...rest] = segments as [string, ...string[]];
  if (segment === '..') {
    // Recursive descent: the rest of the path may apply at this node or at any node below it.
    collectUnknowns(node, rest, pointer, out);
    for (const [key, child] of entries(node)) collectUnknowns(child, segments, `${pointer}/${escape(key)}`, out);
    return;
  }
  if (segment === '*' || segment.includes(':') || segment.includes(',')) {
    // Wildcards, slices and unions: any child may be selected, so every one is looked at.
    for (const [key, child] of entries(node)) collectUnknowns(child, rest, `${pointer}/${escape(key)}`, out);
    return;
  }
  const child = (node as Record<string, unknown>)[segment];
  if (child !== undefined && Object.hasOwn(node, segment)) collectUnknowns(child, rest, `${pointer}/${escape(segment)}`, out);
}

/** True when the pointer goes through an Unknown or Sensitive object (whose own fields are not resource data). */
function passesThroughOpaque(document: unknown, pointer: string): boolean {
  let node = document;
  const steps = pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  for (let i = 0; i < steps.length; i++) {
    if (isUnknown(node) || isSensitive(node)) return true;
    if (typeof node !== 'object' || node === null) return i < steps.length;
    node = (node as Record<string, unknown>)[steps[i]!];
  }
  return false;
}

function entries(node: object): [string, unknown][] {
  return Array.isArray(node) ? node.map((v, i) => [String(i), v]) : Object.entries(node);
}

function escape(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function balancedBrackets(path: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (const ch of path) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth < 0) return false;
  }
  return depth === 0 && quote === undefined;
}
