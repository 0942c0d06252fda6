import type { Resource } from '../../model/resource.js';
import { marksAt, wrapMarked, type SensitiveMarks } from '../../model/sensitive-marks.js';
import type { Value } from '../../model/value.js';
import { boundedValue } from './bounded-document.js';

/** The top-level names a declarative policy's JSONPath may start with (`$.values.ssl_policy`). */
export const DOCUMENT_ROOTS = ['type', 'address', 'name', 'mode', 'module', 'index', 'source', 'action', 'values', 'tags', 'raw'] as const;

/**
 * What a declarative policy's JSONPath (`$`) and message placeholders see for one resource:
 * `values` are the normalised attributes (Unknown leaves kept, sensitive ones wrapped in Sensitive,
 * which conditions compare by their real value and messages print as `(sensitive)`), `tags` the
 * effective tags (provider default_tags included), `raw` the source object (a plan's
 * resource_change, with its sensitive values masked by the engine).
 */
export function resourceDocument(resource: Resource): Record<string, unknown> {
  let document = documents.get(resource);
  if (!document) {
    document = buildDocument(resource);
    documents.set(resource, document);
  }
  return document;
}

/** One document per resource, shared by every declarative policy (the bounds are checked once). */
const documents = new WeakMap<Resource, Record<string, unknown>>();

/** Values, tags and raw are bounded in depth and size (bounded-document.ts). */
function buildDocument(resource: Resource): Record<string, unknown> {
  return {
    type: resource.type,
    address: resource.address,
    name: resource.name,
    mode: resource.mode,
    module: resource.modulePath,
    index: resource.index ?? null,
    source: resource.source,
    action: resource.action ?? null,
    values: boundedValue(resource.sensitive ? (wrapMarked(resource.values, resource.sensitive) as Value) : resource.values),
    tags: resource.tags ? boundedValue((resource.sensitive ? wrapMarked(resource.tags, tagMarks(resource.sensitive)) : resource.tags) as Value) : null,
    raw: resource.raw ? boundedValue(resource.raw as Value) : null,
  };
}

/** The marks of the effective tags: those of `tags_all` where the source has it, else of `tags`. */
function tagMarks(marks: SensitiveMarks): unknown {
  const all = marksAt(marks, 'tags_all');
  return all === false || all === undefined ? marksAt(marks, 'tags') : all;
}
