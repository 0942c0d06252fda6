/**
 * `JSON.parse` for a plan's text that leaves out the sections the engine does not read, when the
 * plan has `resource_changes`:
 * - `planned_values` and `resource_drift`: `planned_values` repeats the after-values of
 *   `resource_changes`, and the drift is never evaluated;
 * - `prior_state`, when it holds no data source (`"mode":"data"`): only its data sources are read.
 * Together they are often half of a plan: parsing them costs time and holds hundreds of MB at the
 * scan's memory peak for a large plan.
 *
 * Only the compact layout `terraform show -json` writes is cut (`,"planned_values":{` …
 * `,"resource_changes":[`, `,"prior_state":{` … `,"configuration":{`); any other layout, and any
 * doubt, falls back to parsing the whole text, so the result is never less than a full parse would
 * give. Each cut is proven to lie between top-level members: the (small) text before planned_values
 * must be a complete object once closed, the (small) text from configuration on must be one once
 * opened, and the text without the cuts must parse: a cut end inside a nested value leaves
 * unbalanced brackets, which JSON.parse rejects. (`,"` never occurs inside a JSON string.)
 */
export function parsePlanJson(text: string): unknown {
  const reduced = withoutUnreadSections(text);
  if (reduced !== undefined) {
    try {
      return JSON.parse(reduced);
    } catch {
      // Not cut where it seemed: the full parse below decides, and reports any real error.
    }
  }
  return JSON.parse(text);
}

const PLANNED_VALUES = ',"planned_values":{';
const RESOURCE_CHANGES = ',"resource_changes":[';
const PRIOR_STATE = ',"prior_state":{';
const CONFIGURATION = ',"configuration":{';
const DATA_SOURCE = '"mode":"data"';

function withoutUnreadSections(text: string): string | undefined {
  const planned = text.indexOf(PLANNED_VALUES);
  if (planned < 0) return undefined;
  const changes = text.indexOf(RESOURCE_CHANGES, planned + PLANNED_VALUES.length);
  if (changes < 0) return undefined;
  // Only top-level members come before planned_values (format_version, terraform_version, variables): a small prefix.
  if (!isObjectPrefix(text.slice(0, planned))) return undefined;
  const prior = text.indexOf(PRIOR_STATE, changes + RESOURCE_CHANGES.length);
  const configuration = prior < 0 ? -1 : text.indexOf(CONFIGURATION, prior + PRIOR_STATE.length);
  // Only top-level members come after configuration (relevant_attributes, checks, timestamp …): a small suffix.
  // prior_state's own brackets must close just before it, or both cuts could be nested ones that make up for each other.
  if (
    configuration < 0 ||
    hasDataSource(text, prior, configuration) ||
    !isObjectSuffix(text.slice(configuration + 1)) ||
    !closesJustBefore(text, prior + PRIOR_STATE.length - 1, configuration)
  ) {
    return text.slice(0, planned) + text.slice(changes);
  }
  return text.slice(0, planned) + text.slice(changes, prior) + text.slice(configuration);
}

/**
 * True when the object or array opening at `start` closes at `end - 1`: its brackets balance there
 * first. Strings are skipped whole (a bracket in a string does not count), so this is cheap next
 * to parsing the value.
 */
function closesJustBefore(text: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let close = i;
      do close = text.indexOf('"', close + 1);
      while (close > 0 && isEscaped(text, close));
      if (close < 0 || close >= end) return false;
      i = close;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      if (depth <= 0) return depth === 0 && i === end - 1;
    }
  }
  return false;
}

/** A quote preceded by an odd number of backslashes is part of the string. */
function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === 0x5c /* \ */) backslashes++;
  return backslashes % 2 === 1;
}

function hasDataSource(text: string, from: number, to: number): boolean {
  const at = text.indexOf(DATA_SOURCE, from);
  return at >= 0 && at < to;
}

function isObjectPrefix(head: string): boolean {
  return parsesAsObject(`${head}}`);
}

function isObjectSuffix(tail: string): boolean {
  return parsesAsObject(`{${tail}`);
}

function parsesAsObject(text: string): boolean {
  try {
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
