import { relative } from 'node:path';
import { isSensitive, Sensitive } from '../../../model/sensitive.js';
import { Unknown, isUnknown } from '../../../model/unknown.js';
import { setEntry, type Value, type ValueObject } from '../../../model/value.js';
import type { ModuleCallDecl, ModuleConfig, ResourceDecl } from '../config/module-config.js';
import { EvalError } from '../eval/eval-error.js';
import { applySteps, evaluate, type EvalContext, type NameResolver } from '../eval/evaluator.js';
import { Memo, type Evaluated } from '../eval/memo.js';
import { convert, parseType } from '../eval/type-constraint.js';
import type { Span, Step } from '../syntax/ast.js';
import { evaluateAttribute } from './evaluate-body.js';
import { expandInstances } from './expansion.js';
import { providersOf, type ProviderRef } from './providers.js';
import { ResourceInstance } from './resource-instance.js';
import type { RootContext } from './root-context.js';

/** Nothing is defined in this scope: used for defaults, tfvars and other constant expressions. */
export const CONSTANT_NAMES: NameResolver = { resolve: () => undefined };

/** How a child module instance was called: from which parent, by which call, with which count/each. */
export interface ModuleCallSite {
  parent: ModuleInstance;
  call: ModuleCallDecl;
  bindings: ReadonlyMap<string, Value>;
}

/**
 * One instance of a module (the root, or a child per count/for_each key) and the scope its
 * expressions are evaluated in: `var.*` bound from the call (or the root's variable values),
 * `local.*`, `module.*` outputs, resources and data sources of this instance.
 */
export class ModuleInstance implements NameResolver {
  readonly #variables = new Memo();
  readonly #locals = new Memo();
  readonly #outputs = new Memo();
  readonly #resources = new Map<ResourceDecl, ResourceInstance[]>();
  readonly #children = new Map<ModuleCallDecl, ModuleInstance[]>();
  readonly #resourceIndex = new Map<string, ResourceDecl>();
  /** Module calls by name (the first of a name, as Terraform reports duplicates elsewhere). */
  readonly #callIndex = new Map<string, ModuleCallDecl>();
  readonly providers: Map<string, ProviderRef>;

  constructor(
    readonly root: RootContext,
    readonly config: ModuleConfig,
    /** Module key: call names from the root (`net.sub`), '' for the root module. */
    readonly key: string,
    /** Module instance address (`module.net["a"]`), '' for the root module. */
    readonly address: string,
    readonly site?: ModuleCallSite,
  ) {
    for (const decl of config.resources) {
      const id = `${decl.mode === 'data' ? 'data.' : ''}${decl.type}.${decl.name}`;
      if (!this.#resourceIndex.has(id)) this.#resourceIndex.set(id, decl);
    }
    for (const call of config.moduleCalls) if (!this.#callIndex.has(call.name)) this.#callIndex.set(call.name, call);
    this.providers = providersOf(this);
  }

  /** The resource instances of one block in this module instance. */
  resourceInstances(decl: ResourceDecl): ResourceInstance[] {
    let instances = this.#resources.get(decl);
    if (!instances) {
      instances = [];
      this.#resources.set(decl, instances);
      const base = `${this.address ? `${this.address}.` : ''}${decl.mode === 'data' ? 'data.' : ''}${decl.type}.${decl.name}`;
      const keys = expandInstances(base, decl.count, decl.forEach, { file: decl.block.file, names: this });
      for (const key of keys) instances.push(new ResourceInstance(this, decl, base + key.suffix, key.index, key.bindings, key.unknownExpansion));
    }
    return instances;
  }

  /** The instances of a module call (none when the module's source could not be read). */
  children(call: ModuleCallDecl): ModuleInstance[] {
    let children = this.#children.get(call);
    if (!children) {
      children = [];
      this.#children.set(call, children);
      const key = this.key ? `${this.key}.${call.name}` : call.name;
      const config = this.root.modules.get(key);
      if (config) {
        const base = `${this.address ? `${this.address}.` : ''}module.${call.name}`;
        for (const instance of expandInstances(base, call.count, call.forEach, { file: call.block.file, names: this })) {
          children.push(new ModuleInstance(this.root, config, key, base + instance.suffix, { parent: this, call, bindings: instance.bindings }));
        }
      }
    }
    return children;
  }

  resolve(name: string, steps: readonly Step[], context: EvalContext, span: Span): Value | undefined {
    switch (name) {
      case 'var':
        return this.#named(steps, context, span, 'var', (n) => this.variable(n));
      case 'local':
        return this.#named(steps, context, span, 'local', (n) => this.#local(n));
      case 'module':
        return this.#module(steps, context, span);
      case 'data':
        return this.#resource('data.', steps, context, span);
      case 'path':
        return applySteps({ module: relative(this.root.rootDir, this.config.dir) || '.', root: '.', cwd: '.' }, steps, context);
      case 'terraform':
        return applySteps({ workspace: 'default' }, steps, context);
      case 'self':
        return new Unknown('self is only known in provisioners');
      default:
        if (this.#resourceIndex.has(`${name}.${steps[0]?.kind === 'attr' ? steps[0].name : ''}`)) return this.#resource(`${name}.`, steps, context, span);
        return undefined;
    }
  }

  /** `var.x` / `local.x`: the memoised value, whose resource references also count for the expression using it. */
  #named(steps: readonly Step[], context: EvalContext, span: Span, kind: string, lookup: (name: string) => Evaluated): Value {
    const first = steps[0];
    if (first?.kind !== 'attr') throw new EvalError(`${kind} must be followed by a name`, { file: context.file, span });
    const { value, refs } = lookup(first.name);
    for (const ref of refs) context.refs?.add(ref);
    return applySteps(value, steps.slice(1), context);
  }

  variable(name: string): Evaluated {
    return this.#variables.get(name, (refs) => {
      const decl = this.config.variables.get(name);
      if (!decl) throw new EvalError(`no variable "${name}" is declared in ${this.config.displayDir}`);
      const type = parseType(decl.type, (expr) => evaluate(expr, { file: decl.block.file, names: CONSTANT_NAMES }));
      let value = this.#variableInput(name, refs);
      if (value === undefined && decl.default) value = evaluateAttribute(decl.default, { file: decl.default.file, names: CONSTANT_NAMES });
      if (value === undefined) {
        value = new Unknown(this.site ? `${this.address} is called without the required input ${name}` : `var.${name} has no value (set it in terraform.tfvars, with --var-file or --var)`);
      }
      value = convert(value, type);
      return decl.sensitive && !isUnknown(value) && !isSensitive(value) ? new Sensitive(value) : value;
    });
  }

  /** The value given for a variable: the module call's argument, or for the root the tfvars/--var value. */
  #variableInput(name: string, refs: Set<string>): Value | undefined {
    if (!this.site) return this.root.rootVariables.get(name);
    const input = this.site.call.inputs.get(name);
    if (!input) return undefined;
    return evaluateAttribute(input, { file: input.file, names: this.site.parent, bindings: this.site.bindings, refs });
  }

  #local(name: string): Evaluated {
    return this.#locals.get(name, (refs) => {
      const attr = this.config.locals.get(name);
      if (!attr) throw new EvalError(`no local value "${name}" in ${this.config.displayDir}`);
      return evaluateAttribute(attr, { file: attr.file, names: this, refs });
    });
  }

  output(name: string): Evaluated {
    return this.#outputs.get(name, (refs) => {
      const decl = this.config.outputs.get(name);
      if (!decl) throw new EvalError(`module ${this.address} has no output "${name}"`);
      if (!decl.value) return null;
      const value = evaluateAttribute(decl.value, { file: decl.value.file, names: this, refs });
      return decl.sensitive && !isUnknown(value) && !isSensitive(value) ? new Sensitive(value) : value;
    });
  }

  /** `module.x`, `module.x.out`, `module.x[0].out`, `module.x["k"].out`. */
  #module(steps: readonly Step[], context: EvalContext, span: Span): Value {
    const first = steps[0];
    if (first?.kind !== 'attr') throw new EvalError('module must be followed by a module name', { file: context.file, span });
    const call = this.#callIndex.get(first.name);
    if (!call) throw new EvalError(`no module call "${first.name}" in ${this.config.displayDir}`, { file: context.file, span });
    const instances = this.children(call);
    if (instances.length === 0 && !this.root.modules.has(this.key ? `${this.key}.${call.name}` : call.name)) {
      return new Unknown(`module.${call.name} could not be read (source ${call.source ?? 'missing'})`);
    }
    let rest = steps.slice(1);
    let instance: ModuleInstance | undefined;
    if (!call.count && !call.forEach) {
      instance = instances[0];
    } else if (instances.length === 1 && instances[0]!.address.endsWith('[*]')) {
      instance = instances[0];
      if (rest[0]?.kind === 'index') rest = rest.slice(1);
      else return new Unknown(`the instances of module.${call.name} are not known statically`);
    } else if (rest[0]?.kind === 'index') {
      const step = rest[0];
      const key = evaluate(step.key, context);
      if (isUnknown(key)) return key;
      instance = instances.find((i) => i.address.endsWith(`[${typeof key === 'number' ? key : JSON.stringify(String(key))}]`));
      if (!instance) throw new EvalError(`module.${call.name} has no instance ${JSON.stringify(key)}`, { file: context.file, span });
      rest = rest.slice(1);
    } else {
      const objects = instances.map((i) => [i, this.#outputsObject(i, context)] as const);
      const whole: Value = call.count ? objects.map(([, o]) => o) : Object.fromEntries(objects.map(([i, o]) => [keyOf(i.address), o]));
      return applySteps(whole, rest, context);
    }
    if (!instance) return new Unknown(`module.${call.name} has no instances`);
    const next = rest[0];
    if (next?.kind === 'attr' && instance.config.outputs.has(next.name)) {
      const { value, refs } = instance.output(next.name);
      for (const ref of refs) context.refs?.add(ref);
      return applySteps(value, rest.slice(1), context);
    }
    return applySteps(this.#outputsObject(instance, context), rest, context);
  }

  #outputsObject(instance: ModuleInstance, context: EvalContext): ValueObject {
    const out: ValueObject = {};
    for (const name of instance.config.outputs.keys()) {
      const { value, refs } = instance.output(name);
      for (const ref of refs) context.refs?.add(ref);
      setEntry(out, name, value);
    }
    return out;
  }

  /** A resource or data source reference: `aws_x.y`, `aws_x.y[0]`, `aws_x.y["k"]`, then attributes. */
  #resource(prefix: string, steps: readonly Step[], context: EvalContext, span: Span): Value {
    const dataType = prefix === 'data.' ? steps[0] : undefined;
    const rest = prefix === 'data.' ? steps.slice(1) : steps;
    const typeName = prefix === 'data.' ? (dataType?.kind === 'attr' ? dataType.name : '') : prefix.slice(0, -1);
    const nameStep = rest[0];
    if (nameStep?.kind !== 'attr') throw new EvalError(`${prefix}${typeName} must be followed by a name`, { file: context.file, span });
    const id = `${prefix === 'data.' ? 'data.' : ''}${typeName}.${nameStep.name}`;
    const decl = this.#resourceIndex.get(id);
    if (!decl) throw new EvalError(`no ${prefix === 'data.' ? 'data source' : 'resource'} ${id} in ${this.config.displayDir}`, { file: context.file, span });
    const instances = this.resourceInstances(decl);
    let after = rest.slice(1);
    const record = (list: ResourceInstance[]): void => {
      for (const instance of list) context.refs?.add(instance.address);
    };
    if (!decl.count && !decl.forEach) {
      record(instances);
      return applySteps(instances[0]!.value, after, context);
    }
    const expansion = instances[0]?.unknownExpansion;
    if (expansion) {
      record(instances);
      return expansion;
    }
    const next = after[0];
    if (next?.kind === 'index') {
      const key = evaluate(next.key, context);
      if (isUnknown(key)) {
        record(instances);
        return key;
      }
      const instance = instances.find((i) => i.index === key || String(i.index) === String(key));
      if (!instance) throw new EvalError(`${id} has no instance ${JSON.stringify(key)}`, { file: context.file, span });
      record([instance]);
      after = after.slice(1);
      return applySteps(instance.value, after, context);
    }
    record(instances);
    const whole: Value = decl.count ? instances.map((i) => i.value) : Object.fromEntries(instances.map((i) => [String(i.index), i.value]));
    return applySteps(whole, after, context);
  }
}

/** `module.x["a"]` → `a`, `module.x[0]` → `0`. */
function keyOf(address: string): string {
  const match = /\[("(?:[^"\\]|\\.)*"|\d+)\]$/.exec(address);
  if (!match) return '';
  return match[1]!.startsWith('"') ? (JSON.parse(match[1]!) as string) : match[1]!;
}
