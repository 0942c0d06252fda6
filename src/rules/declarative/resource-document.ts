import type { Resource } from '../../model/resource.js';

/** The top-level names a declarative policy's JSONPath may start with (`$.values.ssl_policy`). */
export const DOCUMENT_ROOTS = ['type', 'address', 'name', 'mode', 'module', 'index', 'source', 'action', 'values', 'tags', 'raw'] as const;

/**
 * What a declarative policy's JSONPath (`$`) and message placeholders see for one resource:
 * `values` are the normalised attributes (Unknown and Sensitive leaves kept as such), `tags` the
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
    values: resource.values,
    tags: resource.tags ?? null,
    raw: resource.raw ?? null,
  };
}
