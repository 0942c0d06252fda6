import type { Resource } from '../../model/resource.js';
import { BlockIndex, blockType } from './block-index.js';
import { closingBracket, configPathOf, formatModuleAddress, parseModuleAddress, type ModuleStep } from './module-address.js';

interface Expression {
  references?: string[];
  constant_value?: unknown;
}
interface ConfigResource {
  address?: string;
  mode?: string;
  type?: string;
  name?: string;
  expressions?: Record<string, unknown>;
}
interface ModuleCall {
  expressions?: Record<string, unknown>;
  module?: ConfigModule;
}
interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, ModuleCall>;
  outputs?: Record<string, { expression?: Expression }>;
}

/** Keywords that start a reference but never name a resource. */
const NOT_RESOURCES = new Set(['count', 'each', 'self', 'path', 'terraform', 'local', 'var', 'module', 'data']);
const MAX_DEPTH = 32;
/** Nested blocks deeper than any provider schema are not walked (a hostile file must not exhaust the stack). */
const MAX_NESTING = 64;

/** The instances of one resource block in one module instance, by count/for_each key. */
interface InstanceGroup {
  all: Resource[];
  /** Only for count/for_each blocks. */
  byKey?: Map<string, Resource[]>;
}

/**
 * Reference edges from the plan's `configuration` section. Ids are often unknown at plan time, so
 * `security_group_id = aws_security_group.web.id` is only visible as an expression reference; this
 * follows such references through `var.*` (module call arguments) and `module.x.output` (module
 * outputs) to concrete resource instances, matching count/for_each keys where the two sides share them.
 * Every lookup is a map access: plans with tens of thousands of instances must not make this quadratic.
 */
export class PlanReferenceResolver {
  readonly #modules = new Map<string, ConfigModule>();
  /** (configuration path `a.b`, type, name) → the block. */
  readonly #configResources = new BlockIndex<ConfigResource>();
  /** (module instance `module.a["x"]`, type, name) → the instances of that block there. */
  readonly #instances = new BlockIndex<InstanceGroup>();
  /** Module instance → its configuration path (`module.a["x"].module.b[0]` → `a.b`). */
  readonly #configPaths = new Map<string, string>();
  /** Module instance as the plan wrote it → as this resolver writes it (the key of every module map). */
  readonly #moduleKeys = new Map<string, string>();
  /** `parent module instance|call name` → the instance addresses of that call. */
  readonly #moduleInstances = new Map<string, Set<string>>();
  /** Module instance address → the resources directly inside it. */
  readonly #moduleResources = new Map<string, Resource[]>();
  readonly #configuredNames = new Map<ConfigResource, readonly string[]>();
  readonly #literalPaths = new Map<ConfigResource, readonly string[]>();
  readonly #parsedModulePaths = new Map<string, ModuleStep[]>();
  /** Per configuration block (shared by its instances): each attribute path and its reference list. */
  readonly #attributeRefs = new Map<ConfigResource, AttributeReferences[]>();
  /** Module instance → reference (with the referrer's key when keyed) → resolved addresses: instances of one module share most lookups. */
  readonly #resolutions = new Map<string, Map<string, readonly string[]>>();
  /** The same for references resolved by the referrer's count/for_each key: module instance → reference → key → addresses. */
  readonly #keyedResolutions = new Map<string, Map<string, Map<string, readonly string[]>>>();
  /** The resource whose configuration block was looked up last (referencesOf, then configuredAttributesOf). */
  #lastResource?: Resource;
  #lastConfig?: ConfigResource;
  readonly #referenceParts = new Map<string, RefPart[]>();
  /** Module call arguments and outputs are read once per module, not once per instance. */
  readonly #expressionRefs = new WeakMap<object, string[]>();
  /** Module instance → how its parent calls it. */
  readonly #callSites = new Map<string, ModuleCallSite>();

  constructor(configuration: unknown, resources: readonly Resource[]) {
    const root = (configuration as { root_module?: ConfigModule } | undefined)?.root_module;
    if (root && typeof root === 'object') this.#indexModule('', root, 0);
    if (this.#modules.size === 0) return; // nothing to resolve against: skip the indexes
    for (const resource of resources) {
      const type = blockType(resource.mode, resource.type);
      const module = this.#moduleKey(resource.modulePath);
      let group = this.#instances.get(module, type, resource.name);
      if (!group) {
        group = { all: [] };
        this.#instances.set(module, type, resource.name, group);
      }
      group.all.push(resource);
      if (resource.index !== undefined) push((group.byKey ??= new Map()), String(resource.index), resource);
      let inModule = this.#moduleResources.get(module);
      if (!inModule) {
        inModule = [];
        this.#moduleResources.set(module, inModule);
        this.#noteModuleInstances(resource.modulePath);
      }
      inModule.push(resource);
    }
  }

  /** Attribute path → referenced resource addresses, for one resource instance. */
  referencesOf(resource: Resource): Record<string, readonly string[]> {
    const config = this.#configOf(resource);
    if (!config) return {};
    const out: Record<string, readonly string[]> = {};
    const steps = this.#steps(resource.modulePath);
    const scope = this.#moduleKey(resource.modulePath);
    for (const { path, refs, keyed } of this.#attributeReferences(config)) {
      const referrerIndex = keyed ? resource.index : undefined;
      let targets: readonly string[] | undefined;
      for (const ref of refs) {
        const found = this.#resolveCached(ref, steps, scope, referrerIndex);
        if (found.length === 0) continue;
        // Usually one reference resolves: its cached (frozen) list is shared by every instance that
        // resolves it, rather than a copy per instance; a second one is merged into a new list.
        targets = targets ? withAdded(targets, found) : found;
      }
      if (targets) out[path] = targets;
    }
    return out;
  }

  /** The attribute names the resource's configuration block sets; undefined when the plan has no configuration for it. */
  configuredAttributesOf(resource: Resource): readonly string[] | undefined {
    const config = this.#configOf(resource);
    if (!config) return undefined;
    let names = this.#configuredNames.get(config);
    if (!names) {
      // One list per configuration block, shared by all its count/for_each instances.
      names = Object.keys(config.expressions ?? {});
      this.#configuredNames.set(config, names);
    }
    return names;
  }

  /** Attribute paths the resource's configuration block writes as a constant string (`constant_value`, no references). */
  literalAttributesOf(resource: Resource): readonly string[] | undefined {
    const config = this.#configOf(resource);
    if (!config) return undefined;
    let paths = this.#literalPaths.get(config);
    if (!paths) {
      const found: string[] = [];
      walkConstants(config.expressions ?? {}, '', found, 0);
      paths = found;
      this.#literalPaths.set(config, paths);
    }
    return paths;
  }

  /**
   * Whether the configuration block of a resource writes the attribute at `steps`; undefined when
   * the plan has no configuration for it or its shape cannot tell (see writtenAt).
   */
  configuredAt(resource: Resource, steps: readonly (string | number)[]): boolean | undefined {
    const config = this.#configOf(resource);
    return config ? writtenAt(config.expressions ?? {}, steps, 0) : undefined;
  }

  #attributeReferences(config: ConfigResource): AttributeReferences[] {
    let list = this.#attributeRefs.get(config);
    if (!list) {
      list = [];
      const expressions = config.expressions;
      if (expressions && typeof expressions === 'object') {
        const found = list;
        walkExpressions(expressions, '', (path, refs) => {
          if (refs.length > 0) found.push({ path, refs, keyed: isKeyed(refs) });
        });
      }
      this.#attributeRefs.set(config, list);
    }
    return list;
  }

  /** #resolve, remembered per (module instance, reference, referrer key): instances of one module share most lookups. */
  #resolveCached(ref: string, scope: ModuleStep[], scopeAddress: string, referrerIndex: unknown, depth = 0): readonly string[] {
    let inScope = this.#resolutions.get(scopeAddress);
    if (!inScope) {
      inScope = new Map();
      this.#resolutions.set(scopeAddress, inScope);
    }
    if (referrerIndex === undefined) {
      let found = inScope.get(ref);
      if (!found) {
        found = Object.freeze(this.#resolve(ref, scope, scopeAddress, undefined, depth));
        inScope.set(ref, found);
      }
      return found;
    }
    // Keyed lookups (count.index, each.key) have a map of their own per reference, by the referrer's
    // instance key as a string (pickInstances compares keys so): no `ref + key` string is built per lookup.
    let byKey = this.#keyedResolutions.get(scopeAddress)?.get(ref);
    if (!byKey) {
      byKey = new Map();
      let keyedInScope = this.#keyedResolutions.get(scopeAddress);
      if (!keyedInScope) {
        keyedInScope = new Map();
        this.#keyedResolutions.set(scopeAddress, keyedInScope);
      }
      keyedInScope.set(ref, byKey);
    }
    const key = String(referrerIndex);
    let found = byKey.get(key);
    if (!found) {
      found = Object.freeze(this.#resolve(ref, scope, scopeAddress, referrerIndex, depth));
      byKey.set(key, found);
    }
    return found;
  }

  #configOf(resource: Resource): ConfigResource | undefined {
    if (this.#modules.size === 0) return undefined;
    if (this.#lastResource !== resource) {
      this.#lastResource = resource;
      let configPath = this.#configPaths.get(resource.modulePath);
      if (configPath === undefined) {
        configPath = configPathOf(this.#steps(resource.modulePath));
        this.#configPaths.set(resource.modulePath, configPath);
      }
      this.#lastConfig = this.#configResources.get(configPath, blockType(resource.mode, resource.type), resource.name);
    }
    return this.#lastConfig;
  }

  /** The module address as this resolver writes it (`module.a["x"]`), whatever quoting the plan used. */
  #moduleKey(modulePath: string): string {
    let key = this.#moduleKeys.get(modulePath);
    if (key === undefined) {
      key = formatModuleAddress(this.#steps(modulePath));
      this.#moduleKeys.set(modulePath, key);
    }
    return key;
  }

  #steps(modulePath: string): ModuleStep[] {
    let steps = this.#parsedModulePaths.get(modulePath);
    if (!steps) {
      steps = parseModuleAddress(modulePath);
      this.#parsedModulePaths.set(modulePath, steps);
    }
    return steps;
  }

  #indexModule(path: string, module: ConfigModule, depth: number): void {
    if (depth > MAX_DEPTH) return;
    this.#modules.set(path, module);
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (resource && typeof resource.type === 'string' && typeof resource.name === 'string') {
        this.#configResources.set(path, blockType(resource.mode, resource.type), resource.name, resource);
      }
    }
    const calls = module.module_calls;
    if (!calls || typeof calls !== 'object') return;
    for (const [name, call] of Object.entries(calls)) {
      if (call?.module && typeof call.module === 'object') this.#indexModule(path ? `${path}.${name}` : name, call.module, depth + 1);
    }
  }

  #noteModuleInstances(modulePath: string): void {
    const steps = this.#steps(modulePath);
    for (let n = 1; n <= steps.length; n++) {
      const key = `${formatModuleAddress(steps.slice(0, n - 1))}|${steps[n - 1]!.name}`;
      const instance = formatModuleAddress(steps.slice(0, n));
      const set = this.#moduleInstances.get(key);
      if (!set) this.#moduleInstances.set(key, new Set([instance]));
      else set.add(instance);
    }
  }

  /** Resolves one reference string, in the scope of a module instance, to resource addresses. */
  #resolve(ref: string, scope: ModuleStep[], scopeAddress: string, referrerIndex: unknown, depth: number): string[] {
    if (depth > MAX_DEPTH) return [];
    let parts = this.#referenceParts.get(ref);
    if (!parts) {
      parts = splitReference(ref);
      this.#referenceParts.set(ref, parts);
    }
    const head = parts[0];
    if (head === undefined) return [];
    if (head.name === 'var') return this.#resolveVariable(parts[1]?.name, scope, scopeAddress, depth);
    if (head.name === 'module') return this.#resolveModuleOutput(parts, scope, scopeAddress, depth);
    const isData = head.name === 'data';
    const typePart = isData ? parts[1] : head;
    const namePart = isData ? parts[2] : parts[1];
    if (!typePart || !namePart || (!isData && NOT_RESOURCES.has(typePart.name))) return [];
    const group = this.#instances.get(scopeAddress, isData ? `data.${typePart.name}` : typePart.name, namePart.name);
    return group ? pickInstances(group, namePart.key, referrerIndex).map((r) => r.address) : [];
  }

  #resolveVariable(name: string | undefined, scope: ModuleStep[], scopeAddress: string, depth: number): string[] {
    if (!name || scope.length === 0) return [];
    const call = this.#moduleCall(scope, scopeAddress);
    const expressions = call.expressions;
    const expression = expressions && typeof expressions === 'object' && Object.hasOwn(expressions, name) ? expressions[name] : undefined;
    const refs = this.#referencesIn(expression);
    const key = isKeyed(refs) ? call.key : undefined;
    return refs.flatMap((r) => this.#resolveCached(r, call.parent, call.parentAddress, key, depth + 1));
  }

  /** How a module instance is called from its parent, worked out once per instance rather than once per variable it reads. */
  #moduleCall(scope: ModuleStep[], scopeAddress: string): ModuleCallSite {
    let site = this.#callSites.get(scopeAddress);
    if (!site) {
      const parent = scope.slice(0, -1);
      const self = scope[scope.length - 1]!;
      const calls = this.#modules.get(configPathOf(parent))?.module_calls;
      const call = calls && Object.hasOwn(calls, self.name) ? calls[self.name] : undefined;
      site = { parent, parentAddress: formatModuleAddress(parent), expressions: call?.expressions, key: self.key ? parseIndexKey(self.key) : undefined };
      this.#callSites.set(scopeAddress, site);
    }
    return site;
  }

  #resolveModuleOutput(parts: RefPart[], scope: ModuleStep[], scopeAddress: string, depth: number): string[] {
    const call = parts[1];
    const output = parts[2];
    if (!call) return [];
    const all = this.#moduleInstances.get(`${scopeAddress}|${call.name}`);
    if (!all) return [];
    const wanted = `${scopeAddress ? `${scopeAddress}.` : ''}module.${call.name}${call.key}`;
    const instances = call.key === '' ? [...all] : all.has(wanted) ? [wanted] : [];
    if (!output) {
      // `module.x` as a whole: every resource instance inside it (and inside its own child modules).
      return instances.flatMap((instance) => this.#resourcesUnder(instance).map((r) => r.address));
    }
    const outputs = this.#modules.get(configPathOf([...scope, { name: call.name, key: '' }]))?.outputs;
    const definition = outputs && typeof outputs === 'object' && Object.hasOwn(outputs, output.name) ? outputs[output.name] : undefined;
    const refs = this.#referencesIn(definition?.expression);
    return instances.flatMap((instance) => refs.flatMap((r) => this.#resolveCached(r, this.#steps(instance), instance, undefined, depth + 1)));
  }

  #referencesIn(expression: unknown): string[] {
    if (typeof expression !== 'object' || expression === null) return [];
    let refs = this.#expressionRefs.get(expression);
    if (!refs) {
      refs = collectReferences(expression);
      this.#expressionRefs.set(expression, refs);
    }
    return refs;
  }

  #resourcesUnder(instance: string): Resource[] {
    const out: Resource[] = [];
    for (const [modulePath, resources] of this.#moduleResources) {
      if (modulePath === instance || modulePath.startsWith(`${instance}.`)) out.push(...resources);
    }
    return out;
  }
}

interface ModuleCallSite {
  parent: ModuleStep[];
  parentAddress: string;
  /** The call's arguments: what `var.*` reads inside the instance. */
  expressions: Record<string, unknown> | undefined;
  /** The instance's count/for_each key, for arguments that index by it. */
  key: string | number | undefined;
}

interface RefPart {
  name: string;
  key: string;
}

interface AttributeReferences {
  /** Dotted attribute path (`ingress.0.security_groups`). */
  path: string;
  refs: string[];
  /** The list indexes by count.index / each.*: resolve to the referrer's own instance key. */
  keyed: boolean;
}

/** `aws_subnet.public[0].id` → [{aws_subnet}, {public, [0]}, {id}]. */
export function splitReference(ref: string): RefPart[] {
  const parts: RefPart[] = [];
  let i = 0;
  while (i < ref.length) {
    let end = i;
    while (end < ref.length && ref[end] !== '.' && ref[end] !== '[') end++;
    const name = ref.slice(i, end);
    i = end;
    let key = '';
    if (ref[i] === '[') {
      const close = closingBracket(ref, i);
      key = ref.slice(i, close + 1);
      i = close + 1;
    }
    parts.push({ name, key });
    if (ref[i] === '.') i++;
    else if (i < ref.length && ref[i] !== '[') break;
  }
  return parts;
}

function pickInstances(group: InstanceGroup, explicitKey: string, referrerIndex: unknown): Resource[] {
  if (group.all.length <= 1) return group.all;
  if (explicitKey) {
    const wanted = parseIndexKey(explicitKey);
    return wanted === undefined ? group.all : (group.byKey?.get(String(wanted)) ?? []);
  }
  if (referrerIndex !== undefined) {
    const same = group.byKey?.get(String(referrerIndex));
    if (same) return same;
  }
  return group.all;
}

/** `targets` and the addresses of `found` it lacks, in order: `targets` itself when it lacks none. */
function withAdded(targets: readonly string[], found: readonly string[]): readonly string[] {
  let merged: string[] | undefined;
  for (const address of found) {
    if ((merged ?? targets).includes(address)) continue;
    (merged ??= targets.slice()).push(address);
  }
  return merged ?? targets;
}

/**
 * Terraform lists a reference together with its containers (`aws_sg.g[1].id`, `aws_sg.g[1]`,
 * `aws_sg.g`; `module.net.sg_id`, `module.net`). Only the most specific one says what is meant:
 * the container would attach a rule to every instance of `g` or every resource of `module.net`.
 */
export function mostSpecificReferences(refs: readonly string[]): string[] {
  if (refs.length <= 1) return [...refs];
  return refs.filter((ref) => !refs.some((other) => other.length > ref.length && other.startsWith(ref) && (other[ref.length] === '.' || other[ref.length] === '[')));
}

/** A reference list that indexes by `count.index`/`each.*` picks the instance with the referrer's own key. */
function isKeyed(refs: readonly string[]): boolean {
  return refs.some((r) => r === 'count.index' || r.startsWith('each.'));
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function parseIndexKey(key: string): string | number | undefined {
  const inner = key.slice(1, -1);
  if (/^\d+$/.test(inner)) return Number(inner);
  try {
    const parsed: unknown = JSON.parse(inner);
    return typeof parsed === 'string' || typeof parsed === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Every `references` list in an expression tree. */
function collectReferences(expression: unknown): string[] {
  const out: string[] = [];
  walkExpressions({ '': expression }, '', (_path, refs) => out.push(...refs));
  return out;
}

/**
 * Visits the expressions of a configuration block: an attribute is `{references}` or
 * `{constant_value}`; nested blocks are arrays of (or single) objects of expressions.
 */
function walkExpressions(expressions: Record<string, unknown>, prefix: string, visit: (path: string, refs: string[]) => void, depth = 0): void {
  if (depth > MAX_NESTING) return;
  for (const [key, expression] of Object.entries(expressions)) {
    const path = prefix === '' ? key : key === '' ? prefix : `${prefix}.${key}`;
    if (Array.isArray(expression)) {
      expression.forEach((block, i) => {
        if (block && typeof block === 'object') walkExpressions(block as Record<string, unknown>, `${path}.${i}`, visit, depth + 1);
      });
    } else if (expression && typeof expression === 'object') {
      const refs = (expression as Expression).references;
      if (Array.isArray(refs)) visit(path, mostSpecificReferences(refs.filter((r): r is string => typeof r === 'string')));
      else if (!('constant_value' in expression)) walkExpressions(expression as Record<string, unknown>, path, visit, depth + 1);
    }
  }
}

/** Collects the paths whose expression is a constant string: `{ "constant_value": "…" }` without references. */
function walkConstants(expressions: unknown, prefix: string, out: string[], depth: number): void {
  if (depth > MAX_NESTING || typeof expressions !== 'object' || expressions === null) return;
  for (const [key, expression] of Object.entries(expressions)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (Array.isArray(expression)) expression.forEach((block, i) => walkConstants(block, `${path}.${i}`, out, depth + 1));
    else if (expression && typeof expression === 'object') {
      const { constant_value: constant, references } = expression as { constant_value?: unknown; references?: unknown };
      const referenced = Array.isArray(references) && references.length > 0;
      if (typeof constant === 'string' && !referenced) out.push(path);
      // A map or list wholly written in the code (one that mixes in a reference has no constant_value).
      else if (constant !== null && typeof constant === 'object' && !referenced) walkConstantValue(constant, path, out, depth + 1);
      else if (!('constant_value' in expression) && !('references' in expression)) walkConstants(expression, path, out, depth + 1);
    }
  }
}

/** The string leaves of a constant map or list (`constant_value: {KEY_ID: "AKIA…"}`), as dotted paths. */
function walkConstantValue(value: object, prefix: string, out: string[], depth: number): void {
  if (depth > MAX_NESTING) return;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('.')) continue;
    const path = `${prefix}.${key}`;
    if (typeof item === 'string') out.push(path);
    else if (item !== null && typeof item === 'object') walkConstantValue(item as object, path, out, depth + 1);
  }
}

/**
 * Whether the expressions of a configuration block write the attribute at `steps`. Nested blocks
 * are lists in the configuration, but a plan may order a set of blocks differently: when the
 * written blocks do not all answer alike, the answer is undefined rather than a guess.
 */
function writtenAt(node: unknown, steps: readonly (string | number)[], at: number): boolean | undefined {
  if (at === steps.length) return true;
  if (Array.isArray(node)) {
    if (typeof steps[at] !== 'number' || node.length === 0) return undefined;
    const answers = new Set(node.map((block) => writtenAt(block, steps, at + 1)));
    return answers.size === 1 ? [...answers][0] : undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const step = String(steps[at]);
  return Object.hasOwn(node, step) ? writtenAt((node as Record<string, unknown>)[step], steps, at + 1) : false;
}
