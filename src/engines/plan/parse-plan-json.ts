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
 * `,"resource_changes":[` … [`,"output_changes":{` …] [`,"prior_state":{` …] `,"configuration":{` …);
 * any other layout, and any doubt, falls back to parsing the whole text, so the result is never less
 * than a full parse would give. The big pieces are parsed where they lie (a slice of the text is not
 * copied; a concatenation of them would be, whole, before parsing), the small members around them
 * in one skeleton. Each cut is proven to lie between top-level members: the (small) text before
 * planned_values must be a complete object once closed, the (small) text from configuration on must
 * be one once opened, the resource_changes list and a kept prior_state must each parse alone, a cut
 * prior_state's brackets must close just before configuration, and the skeleton must parse: a
 * piece that starts or ends inside a nested value leaves unbalanced brackets, which JSON.parse
 * rejects. (`,"` never occurs inside a JSON string.)
 */
export function parsePlanJson(text: string): unknown {
  const layout = compactLayout(text);
  if (layout !== undefined) {
    try {
      return parseInPieces(text, layout);
    } catch {
      // Not cut where it seemed: the full parse below decides, and reports any real error.
    }
  }
  return JSON.parse(text);
}

const PLANNED_VALUES = ',"planned_values":{';
const RESOURCE_CHANGES = ',"resource_changes":[';
const OUTPUT_CHANGES = ',"output_changes":{';
const PRIOR_STATE = ',"prior_state":{';
const CONFIGURATION = ',"configuration":{';
const DATA_SOURCE = '"mode":"data"';
/** Stand-ins in the skeleton that keep the members' order; the pieces parsed alone replace them. */
const CHANGES_PLACEHOLDER = ',"resource_changes":[]';
const PRIOR_STATE_PLACEHOLDER = ',"prior_state":{}';

/** Offsets of the pieces of a compact plan text. */
interface Layout {
  /** Where planned_values starts: the head (format_version, terraform_version, variables) ends here. */
  planned: number;
  /** The resource_changes list, from its `[` to just after its `]`. */
  changesStart: number;
  changesEnd: number;
  /** Where the small members after the list (output_changes) end: at prior_state, else at the tail. */
  membersEnd: number;
  /** A top-level prior_state: cut, or (holding data sources) parsed alone from its `{` to the tail. */
  prior?: { value: number; read: boolean };
  /** Where the members after prior_state start: configuration (and what follows it), else the closing brace. */
  tail: number;
}

function compactLayout(text: string): Layout | undefined {
  const planned = text.indexOf(PLANNED_VALUES);
  if (planned < 0) return undefined;
  const changes = text.indexOf(RESOURCE_CHANGES, planned + PLANNED_VALUES.length);
  // Only top-level members come before planned_values (format_version, terraform_version, variables): a small prefix.
  if (changes < 0 || !isObjectPrefix(text.slice(0, planned))) return undefined;
  const changesStart = changes + RESOURCE_CHANGES.length - 1;
  const tail = tailStart(text);
  if (tail <= changesStart) return undefined;
  // Searched backwards from the tail: the sections before it are scanned once, not the whole plan.
  const priorKey = text.lastIndexOf(PRIOR_STATE, tail);
  const prior = priorKey > changesStart ? priorState(text, priorKey, tail, text.startsWith(CONFIGURATION, tail)) : undefined;
  const membersEnd = prior ? priorKey : tail;
  const changesEnd = resourceChangesEnd(text, changesStart, membersEnd);
  if (changesEnd < 0) return undefined;
  return { planned, changesStart, changesEnd, membersEnd, ...(prior ? { prior } : {}), tail };
}

/**
 * Only top-level members come after configuration (relevant_attributes, checks, timestamp …): a
 * small suffix, found from the end. A plan without configuration ends at its closing brace.
 */
function tailStart(text: string): number {
  const configuration = text.lastIndexOf(CONFIGURATION);
  if (configuration >= 0 && isObjectSuffix(text.slice(configuration + 1))) return configuration;
  return text.lastIndexOf('}');
}

/**
 * prior_state before the tail, when it is a top-level member. Holding a data source it is read,
 * parsed alone (which proves where it ends). Otherwise its brackets must close just before the
 * tail, or two nested keys could make up for each other (`"planned_values":{…"resource_changes":[],
 * "prior_state":{}}`) and hide the real resource_changes; then it is cut when configuration follows
 * it (the layout Terraform writes), else read.
 */
function priorState(text: string, key: number, tail: number, beforeConfiguration: boolean): Layout['prior'] {
  const value = key + PRIOR_STATE.length - 1;
  if (hasDataSource(text, value, tail)) return { value, read: true };
  if (!closesJustBefore(text, value, tail)) return undefined;
  return { value, read: !beforeConfiguration };
}

/**
 * Just after resource_changes' closing bracket: the members end there, or output_changes (which
 * Terraform writes next when the configuration has outputs) starts there. -1 for any other layout.
 */
function resourceChangesEnd(text: string, start: number, membersEnd: number): number {
  if (text.charCodeAt(membersEnd - 1) === 0x5d /* ] */) return membersEnd;
  const outputs = text.lastIndexOf(OUTPUT_CHANGES, membersEnd);
  return outputs > start && text.charCodeAt(outputs - 1) === 0x5d ? outputs : -1;
}

function parseInPieces(text: string, layout: Layout): unknown {
  const changes: unknown = JSON.parse(text.slice(layout.changesStart, layout.changesEnd));
  if (!Array.isArray(changes)) throw new SyntaxError('resource_changes is not a list');
  const prior: unknown = layout.prior?.read ? JSON.parse(text.slice(layout.prior.value, layout.tail)) : undefined;
  const skeleton =
    text.slice(0, layout.planned) +
    CHANGES_PLACEHOLDER +
    text.slice(layout.changesEnd, layout.membersEnd) +
    (layout.prior?.read ? PRIOR_STATE_PLACEHOLDER : '') +
    text.slice(layout.tail);
  const document = JSON.parse(skeleton) as Record<string, unknown>;
  document['resource_changes'] = changes;
  if (layout.prior?.read) document['prior_state'] = prior;
  return document;
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
