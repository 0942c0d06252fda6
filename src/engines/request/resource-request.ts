import { Ajv, type ErrorObject } from 'ajv';
import requestSchema from '../../../schemas/warden-request.schema.json' with { type: 'json' };
import { TAGGABLE_AWS_TYPES } from '../hcl/inventory/taggable-types.js';
import { InputError } from '../input-error.js';
import { readPlanDocument, type LoadedPlan } from '../plan/load-plan.js';
import type { InventoryJoinSpec } from './inventory-join.js';

/** One resource a portal asks for: Terraform type, block name and attribute values (schemas/warden-request.schema.json). */
export interface RequestedResource {
  type: string;
  name: string;
  values: Record<string, unknown>;
  references?: Record<string, string[]>;
  unknown?: string[];
  sensitive?: string[];
}

export interface ResourceRequest {
  resources: RequestedResource[];
  /** The existing estate the resources would join (inventory-join.ts). */
  inventory?: InventoryJoinSpec;
}

const validate = new Ajv({ allErrors: false, strict: false }).compile<ResourceRequest>(requestSchema);

/** A JSON document is a request (not a plan) when it lists `resources` and has no plan `format_version`. */
export function looksLikeRequest(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'resources' in value && !('format_version' in value);
}

/**
 * Reads a request by building the plan Terraform would print for it (every resource created) and
 * reading that with the plan engine: a request and the same resources in a real plan get the same
 * inventory, so the same verdicts and fingerprints.
 */
export function loadResourceRequest(value: unknown, input: string): LoadedPlan & { join?: InventoryJoinSpec } {
  if (!validate(value)) throw new InputError(input, `not a valid resource request: ${describeFirst(validate.errors ?? [])}`);
  const seen = new Set<string>();
  for (const [i, r] of value.resources.entries()) {
    const address = `${r.type}.${r.name}`;
    if (seen.has(address)) throw new InputError(input, `resources.${i}: ${address} is listed twice`);
    seen.add(address);
  }
  const loaded = readPlanDocument(planOf(value), input);
  return value.inventory ? { ...loaded, join: value.inventory } : loaded;
}

function planOf(request: ResourceRequest): Record<string, unknown> {
  // `tags_all` follows `tags`: unknown or sensitive together, as Terraform prints them.
  const flags = (names: readonly string[] | undefined): Record<string, boolean> =>
    Object.fromEntries((names ?? []).flatMap((n) => (n === 'tags' ? [n, 'tags_all'] : [n])).map((n) => [n, true]));
  return {
    format_version: '1.2',
    resource_changes: request.resources.map((r) => ({
      address: `${r.type}.${r.name}`,
      mode: 'managed',
      type: r.type,
      name: r.name,
      change: { actions: ['create'], after: withTagsAll(r), after_unknown: flags(r.unknown), after_sensitive: flags(r.sensitive) },
    })),
    configuration: {
      root_module: {
        resources: request.resources.map((r) => ({
          address: `${r.type}.${r.name}`,
          mode: 'managed',
          type: r.type,
          name: r.name,
          expressions: Object.fromEntries([
            ...Object.keys(r.values).map((k) => [k, { constant_value: r.values[k] }]),
            ...Object.entries(r.references ?? {}).map(([k, refs]) => [k, { references: refs }]),
          ]),
        })),
      },
    },
  };
}

/**
 * Terraform prints `tags_all` for every taggable resource, so a plan shows that a resource without
 * tags is untagged. A request that leaves `tags` out must read the same way, or a missing tag would
 * pass unseen: a type known to be taggable (as the HCL engine knows it) gets the `tags_all` Terraform
 * would print. Without provider default_tags, that is its own tags.
 */
function withTagsAll(r: RequestedResource): Record<string, unknown> {
  if ('tags_all' in r.values || !(TAGGABLE_AWS_TYPES.has(r.type) || 'tags' in r.values)) return r.values;
  const tags = r.values['tags'];
  return { ...r.values, tags_all: tags && typeof tags === 'object' ? tags : {} };
}

/** Ajv's first error as a reason naming where (`resources.0: unknown field "x"`). */
function describeFirst(errors: readonly ErrorObject[]): string {
  const e = errors[0];
  if (!e) return 'invalid';
  const at = e.instancePath === '' ? '' : `${e.instancePath.slice(1).replaceAll('/', '.')}: `;
  if (e.keyword === 'additionalProperty' || e.keyword === 'additionalProperties') return `${at}unknown field "${String(e.params['additionalProperty'])}"`;
  return `${at}${e.message ?? 'is invalid'}`;
}
