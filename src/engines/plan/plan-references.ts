import type { Resource } from '../../model/resource.js';
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

/**
 * Reference edges from the plan's `configuration` section. Ids are often unknown at plan time, so
 * `security_group_id = aws_security_group.web.id` is only visible as an expression reference; this
 * follows such references through `var.*` (module call arguments) and `module.x.output` (module
 * outputs) to concrete resource instances, matching count/for_each keys where the two sides share them.
 */
export class PlanReferenceResolver {
  readonly #modules = new Map<string, ConfigModule>();
  readonly #configResources = new Map<string, ConfigResource>();
  readonly #instances = new Map<string, Resource[]>();
  readonly #moduleInstances = new Map<string, string[]>();

  constructor(configuration: unknown, resources: readonly Resource[]) {
    const root = (configuration as { root_module?: ConfigModule } | undefined)?.root_module;
    if (root && typeof root === 'object') this.#indexModule('', root, 0);
    for (const resource of resources) {
      const key = `${resource.modulePath}|${configAddress(resource)}`;
      const list = this.#instances.get(key);
      if (list) list.push(resource);
      else this.#instances.set(key, [resource]);
      this.#noteModuleInstances(resource.modulePath);
    }
  }

  /** Attribute path → referenced resource addresses, for one resource instance. */
  referencesOf(resource: Resource): Record<string, string[]> {
    const steps = parseModuleAddress(resource.modulePath);
    const config = this.#configResources.get(`${configPathOf(steps)}|${configAddress(resource)}`);
    if (!config?.expressions) return {};
    const out: Record<string, string[]> = {};
    walkExpressions(config.expressions, '', (path, refs) => {
      const targets = new Set<string>();
      for (const ref of refs) for (const target of this.#resolve(ref, steps, resource.index, 0)) targets.add(target);
      if (targets.size > 0) out[path] = [...targets];
    });
    return out;
  }

  #indexModule(path: string, module: ConfigModule, depth: number): void {
    if (depth > MAX_DEPTH) return;
    this.#modules.set(path, module);
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (resource && typeof resource.address === 'string') this.#configResources.set(`${path}|${resource.address}`, resource);
    }
    for (const [name, call] of Object.entries(module.module_calls ?? {})) {
      if (call?.module && typeof call.module === 'object') this.#indexModule(path ? `${path}.${name}` : name, call.module, depth + 1);
    }
  }

  #noteModuleInstances(modulePath: string): void {
    const steps = parseModuleAddress(modulePath);
    for (let n = 1; n <= steps.length; n++) {
      const parent = formatModuleAddress(steps.slice(0, n - 1));
      const key = `${parent}|${steps[n - 1]!.name}`;
      const instance = formatModuleAddress(steps.slice(0, n));
      const list = this.#moduleInstances.get(key);
      if (!list) this.#moduleInstances.set(key, [instance]);
      else if (!list.includes(instance)) list.push(instance);
    }
  }

  /** Resolves one reference string, in the scope of a module instance, to resource addresses. */
  #resolve(ref: string, scope: ModuleStep[], referrerIndex: unknown, depth: number): string[] {
    if (depth > MAX_DEPTH) return [];
    const parts = splitReference(ref);
    const head = parts[0];
    if (head === undefined) return [];
    if (head.name === 'var') return this.#resolveVariable(parts[1]?.name, scope, depth);
    if (head.name === 'module') return this.#resolveModuleOutput(parts, scope, depth);
    const isData = head.name === 'data';
    const typePart = isData ? parts[1] : head;
    const namePart = isData ? parts[2] : parts[1];
    if (!typePart || !namePart || (!isData && NOT_RESOURCES.has(typePart.name))) return [];
    const address = `${isData ? 'data.' : ''}${typePart.name}.${namePart.name}`;
    const instances = this.#instances.get(`${formatModuleAddress(scope)}|${address}`) ?? [];
    return pickInstances(instances, namePart.key, referrerIndex).map((r) => r.address);
  }

  #resolveVariable(name: string | undefined, scope: ModuleStep[], depth: number): string[] {
    if (!name || scope.length === 0) return [];
    const parent = scope.slice(0, -1);
    const self = scope[scope.length - 1]!;
    const call = this.#modules.get(configPathOf(parent))?.module_calls?.[self.name];
    const expression = call?.expressions?.[name];
    const refs = collectReferences(expression);
    const key = self.key ? parseIndexKey(self.key) : undefined;
    return refs.flatMap((r) => this.#resolve(r, parent, key, depth + 1));
  }

  #resolveModuleOutput(parts: RefPart[], scope: ModuleStep[], depth: number): string[] {
    const call = parts[1];
    const output = parts[2];
    if (!call) return [];
    const scopeAddress = formatModuleAddress(scope);
    const instances = (this.#moduleInstances.get(`${scopeAddress}|${call.name}`) ?? []).filter(
      (instance) => call.key === '' || instance.endsWith(`module.${call.name}${call.key}`),
    );
    const childPath = configPathOf([...scope, { name: call.name, key: '' }]);
    const module = this.#modules.get(childPath);
    if (!output) {
      // `module.x` as a whole: every resource instance inside it.
      return instances.flatMap((instance) =>
        [...this.#instances.entries()].filter(([k]) => k.startsWith(`${instance}|`)).flatMap(([, list]) => list.map((r) => r.address)),
      );
    }
    const refs = collectReferences(module?.outputs?.[output.name]?.expression);
    return instances.flatMap((instance) => refs.flatMap((r) => this.#resolve(r, parseModuleAddress(instance), undefined, depth + 1)));
  }
}

interface RefPart {
  name: string;
  key: string;
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

function pickInstances(instances: Resource[], explicitKey: string, referrerIndex: unknown): Resource[] {
  if (instances.length <= 1) return instances;
  if (explicitKey) {
    const wanted = parseIndexKey(explicitKey);
    return instances.filter((r) => r.index === wanted || String(r.index) === String(wanted));
  }
  if (referrerIndex !== undefined) {
    const same = instances.filter((r) => r.index === referrerIndex);
    if (same.length > 0) return same;
  }
  return instances;
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

function configAddress(resource: Resource): string {
  return `${resource.mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}`;
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
function walkExpressions(expressions: Record<string, unknown>, prefix: string, visit: (path: string, refs: string[]) => void): void {
  for (const [key, expression] of Object.entries(expressions)) {
    const path = prefix === '' ? key : key === '' ? prefix : `${prefix}.${key}`;
    if (Array.isArray(expression)) {
      expression.forEach((block, i) => {
        if (block && typeof block === 'object') walkExpressions(block as Record<string, unknown>, `${path}.${i}`, visit);
      });
    } else if (expression && typeof expression === 'object') {
      const refs = (expression as Expression).references;
      if (Array.isArray(refs)) visit(path, refs.filter((r): r is string => typeof r === 'string'));
      else if (!('constant_value' in expression)) walkExpressions(expression as Record<string, unknown>, path, visit);
    }
  }
}
