import { dirname } from 'node:path';
import { Inventory } from '../../model/inventory.js';
import type { Resource } from '../../model/resource.js';
import { SourceTree } from '../hcl/config/source-tree.js';
import { WorkBudget, type BudgetLimits } from '../hcl/eval/work-budget.js';
import { ScanRoot } from '../scan-root.js';
import { evaluateRoot, type EvaluatedRoot } from '../hcl/evaluate-root.js';
import { backendBlock } from '../hcl/inventory/backend-block.js';
import type { VariableOptions } from '../hcl/variables/root-variables.js';
import type { LoadedPlan } from '../plan/load-plan.js';
import { backendResources } from '../state/backend-resources.js';
import { readInitBackend } from '../state/init-backend.js';
import { findSourceRoot } from './find-source-root.js';
import { mapPlanToSource } from './map-plan-to-source.js';

export interface PlanWithSources {
  inventory: Inventory;
  details: Record<string, string>;
  /** Source problems do not make a plan scan incomplete: they only cost source lines. */
  warnings: string[];
  /** What scanning without sources costs (inline ignores, source lines): for the report's coverage. */
  notes: string[];
  /** The evaluated source root, when the sources were found and read. */
  root?: EvaluatedRoot;
}

export interface SourceOptions extends VariableOptions {
  cwd: string;
  sourceRoot?: string;
  /** The element and time budgets for evaluating the sources (as for a source input). */
  budget?: BudgetLimits;
}

/**
 * Adds what a plan does not carry: the `.tf` file and line of each resource's block (when the
 * sources are at hand) and the state backend (the `backend` block, and the config `terraform init`
 * recorded beside the plan or in the sources). Without sources the plan is scanned as it is, with
 * locations in the plan file.
 */
export async function attachSources(plan: LoadedPlan, planPath: string, options: SourceOptions): Promise<PlanWithSources> {
  const input = plan.inventory.input;
  const rootDir = await findSourceRoot(planPath, options.cwd, options.sourceRoot);
  const planRoot = await ScanRoot.of(planPath);
  const tree = new SourceTree(options.cwd, rootDir ? await ScanRoot.of(rootDir) : planRoot);
  const warnings: string[] = [];
  const notes: string[] = [];
  const details: Record<string, string> = {};
  let root: EvaluatedRoot | undefined;
  if (rootDir) {
    details['sourceRoot'] = tree.display(rootDir);
    try {
      const budget = new WorkBudget(options.budget);
      root = await evaluateRoot(tree, rootDir, options, budget);
      if (budget.exhausted) warnings.push(`sources of ${input}: ${budget.exhausted}`);
      const mapping = mapPlanToSource(plan.inventory.resources, root, plan.document.configuration);
      details['mappedToSource'] = `${mapping.mapped}/${mapping.total}`;
      for (const mismatch of mapping.mismatches) warnings.push(`sources of ${input}: ${mismatch}; those resources keep plan-file locations`);
    } catch (error) {
      warnings.push(`sources of ${input} in ${details['sourceRoot']} could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  if (!rootDir) notes.push(withoutSources(plan, options.sourceRoot));
  let recorded = await readInitBackend(dirname(planPath), (path) => tree.display(path), planRoot);
  if (!recorded && rootDir && rootDir !== dirname(planPath)) recorded = await readInitBackend(rootDir, (path) => tree.display(path), tree.root);
  if (recorded && 'problem' in recorded) warnings.push(recorded.problem);
  for (const problem of tree.problems) warnings.push(`sources of ${input}: ${problem.message}`);
  const backends: Resource[] = backendResources(input, 'plan', root ? backendBlock(root.modules.get('')!) : undefined, recorded && 'part' in recorded ? recorded.part : undefined);
  const inventory = backends.length > 0 ? new Inventory([...plan.inventory.resources, ...backends], input, plan.inventory.configuration) : plan.inventory;
  return { inventory, details, warnings, notes, ...(root ? { root } : {}) };
}

/**
 * Said once per plan whose sources were not found: suppressed findings would otherwise turn into
 * failures without a word, and a one-line plan (`terraform show -json` writes one) puts every
 * finding at line 1, which no annotation can use.
 */
function withoutSources(plan: LoadedPlan, sourceRoot: string | undefined): string {
  const input = plan.inventory.input;
  const located = plan.inventory.resources.filter((r) => r.location?.kind === 'source');
  const oneLine = located.length > 0 && located.every((r) => r.location?.kind === 'source' && r.location.startLine === 1);
  const where = sourceRoot === undefined ? "no .tf files beside it or in the working directory" : 'none in --source-root';
  return `${input}: the plan's .tf sources were not found (${where}), so inline warden:ignore comments cannot be read and findings point into the plan file${
    oneLine ? ` (all at ${input}:1: it is one line, as terraform show -json writes it)` : ''
  }; give --source-root DIR, the root module's directory, to read them`;
}
