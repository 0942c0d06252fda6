import type { Resource } from '../../model/resource.js';
import { marksAt, wrapMarked, type SensitiveMarks } from '../../model/sensitive-marks.js';

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
  return {
    type: resource.type,
    address: resource.address,
    name: resource.name,
    mode: resource.mode,
    module: resource.modulePath,
    index: resource.index ?? null,
    source: resource.source,
    action: resource.action ?? null,
    values: resource.sensitive ? wrapMarked(resource.values, resource.sensitive) : resource.values,
    tags: (resource.sensitive ? wrapMarked(resource.tags, tagMarks(resource.sensitive)) : resource.tags) ?? null,
    raw: resource.raw ?? null,
  };
}

/** The marks of the effective tags: those of `tags_all` where the source has it, else of `tags`. */
function tagMarks(marks: SensitiveMarks): unknown {
  const all = marksAt(marks, 'tags_all');
  return all === false || all === undefined ? marksAt(marks, 'tags') : all;
}
