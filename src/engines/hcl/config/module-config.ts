import type { Attribute, Block, Body, Expr, ParsedFile } from '../syntax/ast.js';

export interface VariableDecl {
  name: string;
  block: Block;
  default?: Attribute;
  type?: Expr;
  sensitive: boolean;
}

export interface OutputDecl {
  name: string;
  block: Block;
  value?: Attribute;
  sensitive: boolean;
}

export interface ResourceDecl {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  block: Block;
  count?: Attribute;
  forEach?: Attribute;
  /** `provider = aws.west` → `aws.west`; undefined for the default configuration of the type's provider. */
  provider?: string;
}

export interface ModuleCallDecl {
  name: string;
  block: Block;
  source?: string;
  version?: string;
  count?: Attribute;
  forEach?: Attribute;
  /** `providers = { aws = aws.west }`: child name → parent name. */
  providers: Record<string, string>;
  /** Input variables given to the module. */
  inputs: Map<string, Attribute>;
}

export interface ProviderDecl {
  /** Local name (`aws`). */
  name: string;
  alias?: string;
  block: Block;
}

export interface BackendDecl {
  type: string;
  block: Block;
}

/** The declarations of one module directory (all its `.tf` files). */
export interface ModuleConfig {
  dir: string;
  /** The directory as shown to users. */
  displayDir: string;
  files: ParsedFile[];
  variables: Map<string, VariableDecl>;
  locals: Map<string, Attribute>;
  outputs: Map<string, OutputDecl>;
  resources: ResourceDecl[];
  moduleCalls: ModuleCallDecl[];
  providers: ProviderDecl[];
  backend?: BackendDecl;
}

/** Arguments of a module call that Terraform itself reads; every other argument sets a variable of the module. */
export const MODULE_META: ReadonlySet<string> = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** Collects the declarations of a module's parsed files (the first of duplicate names wins). */
export function readModuleConfig(dir: string, displayDir: string, files: ParsedFile[]): ModuleConfig {
  const config: ModuleConfig = {
    dir,
    displayDir,
    files,
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: [],
    moduleCalls: [],
    providers: [],
  };
  for (const { body } of files) {
    for (const item of body.items) {
      if (item.kind !== 'block') continue;
      const [first, second] = item.labels;
      switch (item.type) {
        case 'variable':
          if (first !== undefined && !config.variables.has(first)) config.variables.set(first, variableDecl(first, item));
          break;
        case 'locals':
          for (const attr of attributes(item.body)) if (!config.locals.has(attr.name)) config.locals.set(attr.name, attr);
          break;
        case 'output':
          if (first !== undefined && !config.outputs.has(first)) {
            const value = attribute(item.body, 'value');
            config.outputs.set(first, { name: first, block: item, ...(value ? { value } : {}), sensitive: isTrue(attribute(item.body, 'sensitive')) });
          }
          break;
        case 'resource':
        case 'data':
          if (first !== undefined && second !== undefined) config.resources.push(resourceDecl(item.type === 'data' ? 'data' : 'managed', first, second, item));
          break;
        case 'module':
          if (first !== undefined) config.moduleCalls.push(moduleCallDecl(first, item));
          break;
        case 'provider':
          if (first !== undefined) {
            const alias = literalString(attribute(item.body, 'alias')?.value);
            config.providers.push({ name: first, ...(alias ? { alias } : {}), block: item });
          }
          break;
        case 'terraform':
          for (const inner of item.body.items) {
            if (inner.kind === 'block' && inner.type === 'backend' && inner.labels[0] && !config.backend) config.backend = { type: inner.labels[0], block: inner };
          }
          break;
      }
    }
  }
  return config;
}

function variableDecl(name: string, block: Block): VariableDecl {
  const defaultValue = attribute(block.body, 'default');
  const type = attribute(block.body, 'type')?.value;
  return { name, block, ...(defaultValue ? { default: defaultValue } : {}), ...(type ? { type } : {}), sensitive: isTrue(attribute(block.body, 'sensitive')) };
}

function resourceDecl(mode: ResourceDecl['mode'], type: string, name: string, block: Block): ResourceDecl {
  const count = attribute(block.body, 'count');
  const forEach = attribute(block.body, 'for_each');
  const providerExpr = attribute(block.body, 'provider')?.value;
  const provider = providerExpr ? traversalText(providerExpr) : undefined;
  return { mode, type, name, block, ...(count ? { count } : {}), ...(forEach ? { forEach } : {}), ...(provider ? { provider } : {}) };
}

function moduleCallDecl(name: string, block: Block): ModuleCallDecl {
  const source = literalString(attribute(block.body, 'source')?.value);
  const version = literalString(attribute(block.body, 'version')?.value);
  const count = attribute(block.body, 'count');
  const forEach = attribute(block.body, 'for_each');
  const providers: Record<string, string> = {};
  const providersExpr = attribute(block.body, 'providers')?.value;
  if (providersExpr?.kind === 'object') {
    for (const item of providersExpr.items) {
      const child = item.name ?? traversalText(item.key);
      const parent = traversalText(item.value);
      if (child && parent) providers[child] = parent;
    }
  }
  const inputs = new Map<string, Attribute>();
  for (const attr of attributes(block.body)) if (!MODULE_META.has(attr.name)) inputs.set(attr.name, attr);
  return {
    name,
    block,
    ...(source !== undefined ? { source } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(count ? { count } : {}),
    ...(forEach ? { forEach } : {}),
    providers,
    inputs,
  };
}

export function attributes(body: Body): Attribute[] {
  return body.items.filter((item): item is Attribute => item.kind === 'attribute');
}

export function attribute(body: Body, name: string): Attribute | undefined {
  return body.items.find((item): item is Attribute => item.kind === 'attribute' && item.name === name);
}

export function blocks(body: Body, type: string): Block[] {
  return body.items.filter((item): item is Block => item.kind === 'block' && item.type === type);
}

/** A string written literally (`"./modules/net"`, or a template without interpolations). */
function literalString(expr: Expr | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'literal' && typeof expr.value === 'string') return expr.value;
  if (expr.kind === 'template' && expr.parts.every((p) => p.kind === 'text')) return expr.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  return undefined;
}

/** `aws.west` written as a bare traversal (provider references are not evaluated). */
export function traversalText(expr: Expr): string | undefined {
  if (expr.kind === 'variable') return expr.name;
  if (expr.kind === 'traversal' && expr.target.kind === 'variable' && expr.steps.every((s) => s.kind === 'attr')) {
    return [expr.target.name, ...expr.steps.map((s) => (s.kind === 'attr' ? s.name : ''))].join('.');
  }
  return literalString(expr);
}

function isTrue(attr: Attribute | undefined): boolean {
  return attr?.value.kind === 'literal' && attr.value.value === true;
}
