import { readFile } from 'node:fs/promises';
import { Inventory } from '../../model/inventory.js';
import type { Resource, TagMap } from '../../model/resource.js';
import { Unknown, isUnknown } from '../../model/unknown.js';
import { isValueObject, type ValueObject } from '../../model/value.js';
import { InputError, describeFsError } from '../input-error.js';
import { decodeText, looksBinary } from './decode-text.js';
import { extractJson } from './extract-json.js';
import { formatIndex } from './module-address.js';
import { planAddressLines } from './plan-locations.js';
import { assertPlanDocument, type PlanDocument } from './plan-shape.js';
import { PlanReferenceResolver } from './plan-references.js';
import { applyPlanMasks } from './plan-values.js';

export interface LoadedPlan {
  inventory: Inventory;
  formatVersion: string;
  terraformVersion?: string;
  /** The parsed document, for engines that add to it (source mapping, state backends). */
  document: PlanDocument;
}

/** Reads a `terraform show -json` file into an Inventory. Throws InputError for anything that is not a readable plan. */
export async function loadPlanFile(path: string, displayName = path): Promise<LoadedPlan> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(displayName, describeFsError(error));
  }
  return parsePlanText(decodeText(bytes), displayName);
}

export function parsePlanText(text: string, input: string): LoadedPlan {
  if (looksBinary(text)) throw new InputError(input, 'not a text file (binary content)');
  const { value, text: jsonText, lineOffset } = extractJson(text, input);
  assertPlanDocument(value, input);
  const resources = planResources(value, input);
  const lines = planAddressLines(jsonText, lineOffset, input);
  for (const resource of resources) {
    const location = lines.get(resource.address);
    if (location) resource.location = location;
  }
  const resolver = new PlanReferenceResolver(value.configuration, resources);
  for (const resource of resources) resource.references = resolver.referencesOf(resource);
  return {
    inventory: new Inventory(resources, input),
    formatVersion: value.format_version,
    ...(value.terraform_version ? { terraformVersion: value.terraform_version } : {}),
    document: value,
  };
}

interface ResourceChange {
  address?: unknown;
  module_address?: unknown;
  mode?: unknown;
  type?: unknown;
  name?: unknown;
  index?: unknown;
  change?: { actions?: unknown; after?: unknown; after_unknown?: unknown; after_sensitive?: unknown };
}

/**
 * The after-state of everything the plan creates, updates, replaces, reads or leaves unchanged, in the
 * root and all child modules. Resources being deleted (or forgotten) are not evaluated. Data sources
 * known from `prior_state` are added so that ids can be resolved against them.
 */
function planResources(plan: PlanDocument, input: string): Resource[] {
  const resources: Resource[] = [];
  const seen = new Set<string>();
  const changes = Array.isArray(plan.resource_changes) ? (plan.resource_changes as ResourceChange[]) : undefined;
  if (changes) {
    for (const rc of changes) {
      if (!rc || typeof rc !== 'object' || typeof rc.type !== 'string' || typeof rc.name !== 'string') continue;
      const action = actionOf(rc.change?.actions);
      if (action === undefined) continue;
      const address = typeof rc.address === 'string' ? rc.address : composeAddress(rc);
      if (seen.has(address)) continue;
      seen.add(address);
      const values = applyPlanMasks(rc.change?.after, rc.change?.after_unknown, rc.change?.after_sensitive, address);
      resources.push(makeResource(rc, address, values, action, input));
    }
  } else {
    // Very old or trimmed plans: planned_values alone.
    visitModule(plan.planned_values?.root_module, (r) => {
      if (seen.has(r.address)) return;
      seen.add(r.address);
      const values = applyPlanMasks(r.values, undefined, r.sensitive_values, r.address);
      resources.push(makeResource(r, r.address, values, 'create', input));
    });
  }
  visitModule(plan.prior_state?.values?.root_module, (r) => {
    if (r.mode !== 'data' || seen.has(r.address)) return;
    seen.add(r.address);
    const values = applyPlanMasks(r.values, undefined, r.sensitive_values, r.address);
    resources.push(makeResource(r, r.address, values, 'read', input));
  });
  return resources;
}

function actionOf(actions: unknown): Resource['action'] | undefined {
  if (!Array.isArray(actions)) return 'create';
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  if (actions.length === 1) {
    switch (actions[0]) {
      case 'create':
        return 'create';
      case 'update':
        return 'update';
      case 'no-op':
        return 'no-op';
      case 'read':
        return 'read';
      default:
        return undefined; // delete, forget
    }
  }
  return undefined;
}

function makeResource(raw: ResourceChange & { module_address?: unknown }, address: string, values: ValueObject, action: Resource['action'], input: string): Resource {
  const modulePath = typeof raw.module_address === 'string' ? raw.module_address : moduleOf(address);
  const index = typeof raw.index === 'string' || typeof raw.index === 'number' ? raw.index : undefined;
  return {
    type: raw.type as string,
    address,
    name: raw.name as string,
    mode: raw.mode === 'data' ? 'data' : 'managed',
    modulePath,
    ...(index !== undefined ? { index } : {}),
    values,
    tags: effectiveTags(values, address),
    source: 'plan',
    input,
    references: {},
    ...(action ? { action } : {}),
    raw,
  };
}

/** Effective tags: `tags_all` (which carries provider default_tags), else `tags`. */
export function effectiveTags(values: ValueObject, address: string): TagMap | Unknown | undefined {
  const hasAll = 'tags_all' in values;
  if (!hasAll && !('tags' in values)) return undefined;
  const tags = hasAll ? values['tags_all'] : values['tags'];
  if (isUnknown(tags)) return new Unknown(`the tags of ${address} are known only after apply`);
  if (tags === null || tags === undefined) return {};
  if (!isValueObject(tags)) return {};
  const out: TagMap = {};
  for (const [key, value] of Object.entries(tags)) {
    if (isUnknown(value)) out[key] = value;
    else if (value !== null && value !== undefined) out[key] = String(value);
  }
  return out;
}

interface PlannedResource extends ResourceChange {
  address: string;
  values?: unknown;
  sensitive_values?: unknown;
}

function visitModule(module: unknown, visit: (resource: PlannedResource) => void, depth = 0): void {
  if (!module || typeof module !== 'object' || depth > 64) return;
  const m = module as { resources?: unknown; child_modules?: unknown };
  if (Array.isArray(m.resources)) {
    for (const r of m.resources as PlannedResource[]) {
      if (r && typeof r === 'object' && typeof r.address === 'string' && typeof r.type === 'string' && typeof r.name === 'string') visit(r);
    }
  }
  if (Array.isArray(m.child_modules)) for (const child of m.child_modules) visitModule(child, visit, depth + 1);
}

function composeAddress(rc: ResourceChange): string {
  const prefix = typeof rc.module_address === 'string' && rc.module_address ? `${rc.module_address}.` : '';
  const data = rc.mode === 'data' ? 'data.' : '';
  return `${prefix}${data}${String(rc.type)}.${String(rc.name)}${formatIndex(rc.index)}`;
}

/** The module part of a resource address (`module.a["x"].aws_vpc.main` → `module.a["x"]`). */
function moduleOf(address: string): string {
  const parts: string[] = [];
  let rest = address;
  while (rest.startsWith('module.')) {
    const match = /^module\.[^.[]+(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?/.exec(rest);
    if (!match) break;
    parts.push(match[0]);
    rest = rest.slice(match[0].length + 1);
  }
  return parts.join('.');
}
