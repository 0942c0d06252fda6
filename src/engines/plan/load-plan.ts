import { planConfigResources } from './plan-config-resources.js';
import { readFileSync } from 'node:fs';
import { Inventory } from '../../model/inventory.js';
import type { Resource, TagMap } from '../../model/resource.js';
import { marksAnything, wrapMarked, type SensitiveMarks } from '../../model/sensitive-marks.js';
import { AUTOSCALING_GROUP_TYPE, autoscalingGroupTagMap } from '../../model/autoscaling-tags.js';
import { applyProviderDefaults } from '../../model/apply-provider-defaults.js';
import { Unknown, isUnknown } from '../../model/unknown.js';
import { isValueObject, setEntry, type ValueObject } from '../../model/value.js';
import { InputError, describeFsError } from '../input-error.js';
import { decodeText, isZipArchive, looksBinary } from './decode-text.js';
import { extractJson } from './extract-json.js';
import { formatIndex } from './module-address.js';
import { orderedAddressLines } from './plan-locations.js';
import { assertPlanDocument, type PlanDocument } from './plan-shape.js';
import { PlanReferenceResolver } from './plan-references.js';
import { applyPlanMasks } from './plan-values.js';

export interface LoadedPlan {
  inventory: Inventory;
  formatVersion: string;
  terraformVersion?: string;
  /** Set when the JSON was recovered from around other text (`terraform wrapper output`, `text before the JSON`). */
  recoveredFrom?: string;
  /** The parsed document, for engines that add to it (source mapping, state backends). */
  document: PlanDocument;
}

/** Reads a `terraform show -json` file into an Inventory. Throws InputError for anything that is not a readable plan. */
export async function loadPlanFile(path: string, displayName = path): Promise<LoadedPlan> {
  return parsePlanText(readPlanText(path, displayName), displayName);
}

/**
 * The file's text. The bytes are dropped as soon as they are decoded: for a plan of hundreds of MB
 * they would otherwise stay alive (as memory outside the JS heap) through the whole parse. Read in
 * one synchronous call: inputs are loaded one after the other anyway, and the promise API reads a
 * large file in small chunks, each a round trip to the thread pool (≈ 0.1 s idle per 200 MB).
 */
function readPlanText(path: string, displayName: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(displayName, describeFsError(error));
  }
  if (isZipArchive(bytes)) {
    throw new InputError(displayName, 'a saved binary plan, not its JSON: run `terraform show -json PLANFILE > plan.json` and scan that');
  }
  try {
    return decodeText(bytes);
  } catch (error) {
    // Past V8's string limit (~512 MB of text) decoding fails; say so rather than crash.
    throw new InputError(displayName, `${describeFsError(error)} (${bytes.length} bytes)`);
  }
}

export function parsePlanText(text: string, input: string): LoadedPlan {
  if (looksBinary(text)) throw new InputError(input, 'not a text file (binary content)');
  const { value, text: jsonText, lineOffset, skipped } = extractJson(text, input);
  assertPlanDocument(value, input);
  try {
    const plan = readPlan(value, jsonText, lineOffset, input);
    return skipped ? { ...plan, recoveredFrom: skipped } : plan;
  } catch (error) {
    // JSON.parse reads any depth; walking values nested thousands of levels deep exhausts the stack.
    if (error instanceof RangeError) throw new InputError(input, 'values nested too deeply to read (far deeper than any Terraform plan)');
    throw error;
  }
}

/** What a report says about a plan input: its format and Terraform versions, and where the JSON was recovered from. */
export function planDetails(plan: LoadedPlan): Record<string, string> {
  return {
    formatVersion: plan.formatVersion,
    ...(plan.terraformVersion ? { terraformVersion: plan.terraformVersion } : {}),
    ...(plan.recoveredFrom ? { recoveredFrom: plan.recoveredFrom } : {}),
  };
}

/** A plan document built in memory rather than read from text (a resource request): it has no lines to locate. */
export function readPlanDocument(value: unknown, input: string): LoadedPlan {
  assertPlanDocument(value, input);
  return readPlan(value, undefined, 0, input);
}

function readPlan(value: PlanDocument, jsonText: string | undefined, lineOffset: number, input: string): LoadedPlan {
  const resources = planResources(value, input);
  const locations = jsonText === undefined ? [] : orderedAddressLines(jsonText, lineOffset, input, resources.map((r) => r.address));
  resources.forEach((resource, i) => {
    const location = locations[i];
    if (location) resource.location = location;
  });
  const resolver = new PlanReferenceResolver(value.configuration, resources);
  for (const resource of resources) {
    resource.references = resolver.referencesOf(resource);
    const configured = resolver.configuredAttributesOf(resource);
    if (configured) resource.configuredAttributes = configured;
    const literals = resolver.literalAttributesOf(resource);
    if (literals) resource.literalAttributes = literals;
  }
  // An unset attribute is null or "known after apply" here and absent in source: both get the provider's default.
  applyProviderDefaults(resources, { configuredAt: (resource, steps) => resolver.configuredAt(resource, steps), awsProviderConfigurations: awsProviderConfigurations(value) });
  return {
    inventory: new Inventory(resources, input, planConfigResources(value.configuration, input)),
    formatVersion: value.format_version,
    // Shown in reports as a string: a damaged plan may hold anything here.
    ...(typeof value.terraform_version === 'string' ? { terraformVersion: value.terraform_version } : {}),
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
  change?: { actions?: unknown; before?: unknown; after?: unknown; after_unknown?: unknown; before_sensitive?: unknown; after_sensitive?: unknown };
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
      if (!rc || typeof rc !== 'object' || !isName(rc.type) || !isName(rc.name)) continue;
      const action = actionOf(rc.change?.actions);
      if (action === undefined) continue;
      const address = isName(rc.address) ? rc.address : composeAddress(rc);
      if (seen.has(address)) continue;
      seen.add(address);
      const values = applyPlanMasks(rc.change?.after, rc.change?.after_unknown, undefined, address);
      // `before` stays in the raw object JSONPath policies read: its sensitive values are masked too.
      if (rc.change?.before_sensitive) applyPlanMasks(rc.change.before, undefined, rc.change.before_sensitive, address);
      resources.push(makeResource(rc, address, values, action, input, rc.change?.after_sensitive));
    }
  } else {
    // Very old or trimmed plans: planned_values alone.
    visitModule(plan.planned_values?.root_module, (r) => {
      if (seen.has(r.address)) return;
      seen.add(r.address);
      const values = applyPlanMasks(r.values, undefined, undefined, r.address);
      resources.push(makeResource(r, r.address, values, 'create', input, r.sensitive_values));
    });
  }
  visitModule(plan.prior_state?.values?.root_module, (r) => {
    if (r.mode !== 'data' || seen.has(r.address)) return;
    seen.add(r.address);
    const values = applyPlanMasks(r.values, undefined, undefined, r.address);
    resources.push(makeResource(r, r.address, values, 'read', input, r.sensitive_values));
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

const REFERENCES_PENDING: Resource['references'] = Object.freeze({});

/**
 * `sensitiveMask` is the plan's `after_sensitive` / `sensitive_values`: the values keep what they are
 * (policies compare them) and the mask rides along as the resource's marks, for reporters.
 */
function makeResource(raw: ResourceChange & { module_address?: unknown }, address: string, values: ValueObject, action: Resource['action'], input: string, sensitiveMask: unknown): Resource {
  const modulePath = typeof raw.module_address === 'string' ? raw.module_address : moduleOf(address);
  const resource: Resource = {
    type: raw.type as string,
    address,
    name: raw.name as string,
    mode: raw.mode === 'data' ? 'data' : 'managed',
    modulePath,
    values,
    tags: raw.type === AUTOSCALING_GROUP_TYPE ? autoscalingGroupTagMap(values, address) : effectiveTags(values, address),
    source: 'plan',
    input,
    // Replaced by readPlan once every resource is known: a fresh object here would outlive several collections for nothing.
    references: REFERENCES_PENDING,
    raw,
  };
  // Assigned rather than spread in: one plan can hold 100k resources, each spread a temporary object.
  if (typeof raw.index === 'string' || typeof raw.index === 'number') resource.index = raw.index;
  if (action) resource.action = action;
  if (marksAnything(sensitiveMask)) {
    resource.sensitive = sensitiveMask as SensitiveMarks;
    // JSONPath policies read the raw object: there the sensitive parts stay wrapped, as in `before`.
    const masked = wrapMarked(values, sensitiveMask);
    resource.raw = raw.change ? { ...raw, change: { ...raw.change, after: masked } } : { ...raw, values: masked };
  }
  return resource;
}

/** Effective tags: `tags_all` (which carries provider default_tags), else `tags`. */
export function effectiveTags(values: ValueObject, address: string): TagMap | Unknown | undefined {
  const hasAll = 'tags_all' in values;
  if (!hasAll && !('tags' in values)) return undefined;
  const tags = hasAll ? values['tags_all'] : values['tags'];
  if (isUnknown(tags)) return new Unknown(`the tags of ${address} are known only after apply`);
  if (tags === null || tags === undefined) return {};
  if (!isValueObject(tags)) return {};
  // Usually every value is a known string: the map itself is the TagMap, no copy needed.
  let plain = true;
  for (const key in tags) {
    if (typeof tags[key] !== 'string') {
      plain = false;
      break;
    }
  }
  if (plain) return tags as TagMap;
  const out: TagMap = {};
  for (const [key, value] of Object.entries(tags)) {
    if (isUnknown(value)) setEntry(out, key, value);
    else if (value !== null && value !== undefined) setEntry(out, key, String(value));
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
      if (r && typeof r === 'object' && isName(r.address) && isName(r.type) && isName(r.name)) visit(r);
    }
  }
  if (Array.isArray(m.child_modules)) for (const child of m.child_modules) visitModule(child, visit, depth + 1);
}

/** A usable type, name or address: an entry with an empty one is malformed and skipped like one without. */
function isName(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
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

/** The AWS provider configurations of the plan's configuration (`aws`, `aws.west`, `module.x:aws`); at least the implied one. */
function awsProviderConfigurations(plan: PlanDocument): number {
  const configs = (plan.configuration as { provider_config?: unknown } | undefined)?.provider_config;
  if (typeof configs !== 'object' || configs === null) return 1;
  const aws = Object.values(configs).filter((config) => (config as { name?: unknown } | null)?.name === 'aws').length;
  return Math.max(1, aws);
}
