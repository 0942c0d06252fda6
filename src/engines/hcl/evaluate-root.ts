import { applyProviderDefaults } from '../../model/apply-provider-defaults.js';
import type { Resource } from '../../model/resource.js';
import { loadModuleTree } from './config/load-module-tree.js';
import type { ModuleConfig } from './config/module-config.js';
import type { SourceTree } from './config/source-tree.js';
import { moduleResources } from './inventory/build-resources.js';
import { configResources, type VariableSource } from './inventory/config-resources.js';
import { WorkBudget, withBudget } from './eval/work-budget.js';
import { ModuleInstance } from './instances/module-instance.js';
import { rootVariables, type VariableOptions } from './variables/root-variables.js';

/** A root module evaluated with its variable values: the module tree and every resource instance in it. */
export interface EvaluatedRoot {
  dir: string;
  /** The directory as shown to users; also the `input` of its resources. */
  display: string;
  instance: ModuleInstance;
  /** Module configurations by key (`''`, `net`, `net.sub`). */
  modules: Map<string, ModuleConfig>;
  resources: Resource[];
  /** Provider blocks and input variables as pseudo resources (model/terraform-config.ts). */
  configuration: Resource[];
}

/** Evaluates one root module; its expansions spend from `budget` (one per input, shared by its root modules). */
export async function evaluateRoot(tree: SourceTree, rootDir: string, options: VariableOptions, budget = new WorkBudget()): Promise<EvaluatedRoot> {
  const modules = await loadModuleTree(tree, rootDir);
  const config = modules.get('')!;
  const sources = new Map<string, VariableSource>();
  const variables = await rootVariables(config, tree, options, sources);
  const instance = new ModuleInstance({ tree, rootDir, modules, rootVariables: variables }, config, '', '');
  const display = tree.display(rootDir);
  const resources = withBudget(budget, () => moduleResources(instance, display));
  const configuration = withBudget(budget, () => configResources(instance, display, variables, sources));
  // Source leaves unset attributes out: give them what the provider makes of them, as a plan would show.
  const awsProviderConfigurations = [...modules.values()].reduce((n, module) => n + module.providers.filter((p) => p.name === 'aws').length, 0);
  applyProviderDefaults(resources, { awsProviderConfigurations: Math.max(1, awsProviderConfigurations) });
  return { dir: rootDir, display, instance, modules, resources, configuration };
}
