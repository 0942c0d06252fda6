import { resolve, sep } from 'node:path';
import { Inventory } from '../../model/inventory.js';
import type { Resource } from '../../model/resource.js';
import { InputError } from '../input-error.js';
import { backendResources } from '../state/backend-resources.js';
import { readInitBackend } from '../state/init-backend.js';
import { stateFileResource } from '../state/state-file-resource.js';
import { isLocalSource } from './config/module-sources.js';
import { ScanRoot } from '../scan-root.js';
import { SourceTree, type SourceProblem } from './config/source-tree.js';
import { discoverSources } from './discover-sources.js';
import { BudgetExceeded, WorkBudget, type BudgetLimits } from './eval/work-budget.js';
import { evaluateRoot, type EvaluatedRoot } from './evaluate-root.js';
import { backendBlock } from './inventory/backend-block.js';
import type { VariableOptions } from './variables/root-variables.js';

export interface HclLoadOptions extends VariableOptions {
  /** Paths in locations are shown relative to this directory. */
  cwd: string;
  /** The element and time budgets of this input (defaults: DEFAULT_MAX_ELEMENTS, DEFAULT_TIME_BUDGET_SECONDS). */
  budget?: BudgetLimits;
}

export interface LoadedHcl {
  roots: EvaluatedRoot[];
  /** One inventory per root module (each is a separate Terraform configuration). */
  inventories: Inventory[];
  /** Files and modules that could not be read: the scan is incomplete. */
  problems: SourceProblem[];
  warnings: string[];
  tree: SourceTree;
}

/**
 * Scans a directory of Terraform source. Every directory with `.tf` files is a module; those that no
 * other module calls through a local source are root modules, each evaluated with its own tfvars.
 */
export async function loadHclDirectory(dir: string, displayName: string, options: HclLoadOptions): Promise<LoadedHcl> {
  const discovered = await discoverSources(dir);
  if (discovered.moduleDirs.length === 0 && discovered.stateFiles.length === 0) {
    throw new InputError(displayName, 'no Terraform files (*.tf) in this directory or below it');
  }
  const tree = new SourceTree(options.cwd, await ScanRoot.of(dir));
  for (const file of discovered.jsonFiles) tree.warnings.push(`${tree.display(file)}: Terraform JSON syntax (.tf.json) is not read; its resources are not scanned`);
  await tree.preload(discovered.moduleDirs);
  const called = new Set<string>();
  for (const moduleDir of discovered.moduleDirs) {
    const config = await tree.module(moduleDir);
    for (const call of config.moduleCalls) if (call.source !== undefined && isLocalSource(call.source)) called.add(resolve(moduleDir, call.source));
  }
  let rootDirs = discovered.moduleDirs.filter((d) => !called.has(d));
  if (rootDirs.length === 0 && discovered.moduleDirs.length > 0) rootDirs = [discovered.moduleDirs.includes(dir) ? dir : discovered.moduleDirs[0]!];
  const roots: EvaluatedRoot[] = [];
  const extra = new Map<string, Resource[]>();
  // The clock starts with the input; reading files counts as well as evaluating them.
  const budget = new WorkBudget(options.budget);
  for (const rootDir of rootDirs) {
    const root = await evaluateRoot(tree, rootDir, options, budget).catch((error: unknown) => {
      // The root module is named when it is not the input itself (a tree with several roots).
      if (error instanceof BudgetExceeded) throw new InputError(displayName, rootDir === dir ? error.message : `root module ${tree.display(rootDir)}: ${error.message}`);
      throw error;
    });
    roots.push(root);
    const recorded = await readInitBackend(rootDir, (path) => tree.display(path), tree.root);
    if (recorded && 'problem' in recorded) tree.problems.push({ target: tree.display(rootDir), message: recorded.problem });
    extra.set(rootDir, backendResources(root.display, 'hcl', backendBlock(root.modules.get('')!), recorded && 'part' in recorded ? recorded.part : undefined));
  }
  for (const assignment of options.vars ?? []) {
    const name = assignment.slice(0, assignment.indexOf('='));
    if (!roots.some((root) => root.modules.get('')!.variables.has(name))) tree.warnings.push(`--var ${name}: no root module declares this variable`);
  }
  if (budget.exhausted) tree.problems.push({ target: displayName, message: budget.exhausted });
  const inventories = roots.map((root) => new Inventory([...root.resources, ...(extra.get(root.dir) ?? [])], root.display, root.configuration));
  addStateFiles(inventories, roots, discovered.stateFiles, tree, displayName);
  return {
    roots,
    inventories,
    problems: tree.problems,
    warnings: tree.warnings,
    tree,
  };
}

/** Each state file goes into the inventory of the root module it lies in (the deepest one), else of the scanned directory. */
function addStateFiles(inventories: Inventory[], roots: readonly EvaluatedRoot[], files: readonly string[], tree: SourceTree, displayName: string): void {
  const deepestFirst = [...roots].sort((a, b) => b.dir.length - a.dir.length);
  const byInput = new Map<string, Resource[]>();
  for (const file of files) {
    const input = deepestFirst.find((root) => file.startsWith(root.dir + sep))?.display ?? displayName;
    const list = byInput.get(input) ?? [];
    list.push(stateFileResource(tree.display(file), input));
    byInput.set(input, list);
  }
  for (const [input, resources] of byInput) {
    const index = inventories.findIndex((inventory) => inventory.input === input);
    if (index >= 0) inventories[index] = new Inventory([...inventories[index]!.resources, ...resources], input, inventories[index]!.configuration);
    else inventories.push(new Inventory(resources, input));
  }
}
