import { realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Inventory } from '../model/inventory.js';
import type { InlineIgnore } from '../model/inline-ignore.js';
import { collectIgnores } from './hcl/ignore-comments.js';
import type { CoverageGap } from '../model/coverage.js';
import type { BudgetLimits } from './hcl/eval/work-budget.js';
import type { SourceTree } from './hcl/config/source-tree.js';
import { loadHclDirectory } from './hcl/load-hcl.js';
import { InputError, describeFsError, specialFileKind } from './input-error.js';
import { isSavedInventory } from './live/saved-inventory-marker.js';
import { ScanRoot } from './scan-root.js';
import { spoolPipe } from './spool-pipe.js';
import { loadPlanFile, planDetails, type LoadedPlan } from './plan/load-plan.js';
import { attachSources } from './source-map/attach-sources.js';

export interface LoadedInput {
  kind: 'plan' | 'hcl' | 'inventory';
  inventory: Inventory;
  /** Every inventory of the input when there are several (one per root module of a source tree); else absent. */
  inventories?: Inventory[];
  details: Record<string, string>;
  /** Parts of the input that could not be read (a file with a syntax error, a module not downloaded): the scan is incomplete. */
  gaps?: CoverageGap[];
  /** Things the user should know that do not make the scan incomplete. */
  warnings?: string[];
  /**
   * What could not be read without making the scan incomplete (a plan's sources, and with them its
   * inline ignores and source lines): coverage notes, given only when the input has findings they concern.
   */
  findingNotes?: string[];
  /** `warden:ignore` comments in the Terraform source read for this input. */
  ignores?: InlineIgnore[];
  /**
   * When only one file of what was read is the input (`warden scan main.tf`): the findings reported
   * are those about a resource written in it (resourceKey) or located in it. Policies still see the
   * whole configuration.
   */
  only?: { file: string; resources: ReadonlySet<string> };
}

/** How to read inputs beyond their path: Terraform variable values and where sources are. */
export interface LoadOptions {
  /** Locations are shown relative to this directory. */
  cwd?: string;
  /** `--var-file` paths (absolute) and `--var name=value` assignments, for Terraform source. */
  varFiles?: readonly string[];
  vars?: readonly string[];
  /** Element and time budgets for each Terraform source input (DESIGN §8). */
  budget?: BudgetLimits;
  /** Where a plan's `.tf` sources are (default: the plan file's directory, then `cwd`, if they hold `.tf` files). */
  sourceRoot?: string;
}

/** Picks the engine for a path: a directory or a `.tf` file is Terraform source, another file a Terraform plan (JSON) or saved inventory. */
export async function loadInput(path: string, displayName: string, options: LoadOptions = {}): Promise<LoadedInput> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(displayName, describeFsError(error));
  }
  if (info.isFIFO()) {
    const spooled = await spoolPipe(path, displayName).catch((error: unknown) => {
      throw error instanceof InputError ? error : new InputError(displayName, describeFsError(error));
    });
    try {
      return await loadInput(spooled.path, displayName, options);
    } finally {
      await spooled.cleanup();
    }
  }
  // Devices and sockets are refused before they are opened: /dev/zero never ends.
  const special = specialFileKind(info);
  if (special) throw new InputError(displayName, `${special}, not a file: save the plan or inventory to a file and scan that`);
  if (info.isDirectory()) return loadHclInput(path, displayName, options);
  // `warden scan main.tf`: the file's directory is the configuration (variables, other files'
  // resources and rules join it), and the report keeps the resources written in that file.
  if (/\.tf$/i.test(path)) {
    const loaded = await loadHclInput(dirname(path), dirname(displayName), options);
    const file = loaded.tree.display(path);
    const inFile = (loaded.inventories ?? [loaded.inventory]).flatMap((inventory) =>
      inventory.resources.filter((r) => r.location?.kind === 'source' && r.location.file === file).map((r) => resourceKey(r)),
    );
    return { ...loaded, details: { ...loaded.details, file }, only: { file, resources: new Set(inFile) } };
  }
  const file = await loadFileInput(path, displayName);
  if ('saved' in file) return file.saved;
  const { plan } = file;
  const sourced = await attachSources(plan, path, {
    cwd: options.cwd ?? process.cwd(),
    ...variableOptions(options),
    ...(options.sourceRoot ? { sourceRoot: options.sourceRoot } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
  });
  const comments = collectIgnores(sourced.root ? [...sourced.root.modules.values()].flatMap((m) => m.files) : []);
  return {
    kind: 'plan',
    inventory: sourced.inventory,
    details: { ...planDetails(plan), ...sourced.details },
    warnings: [...sourced.warnings, ...comments.warnings],
    ...(sourced.notes.length > 0 ? { findingNotes: sourced.notes } : {}),
    ignores: comments.ignores,
  };
}

/**
 * A plan or saved inventory. The user named the file, so it is read wherever it leads; but when it is
 * a link out of its own directory's scan root (a committed `plan.json -> ~/.aws/credentials`), an
 * error about it shows none of its text: reasons quote values and V8 quotes slices of the input.
 */
async function loadFileInput(path: string, displayName: string): Promise<{ saved: LoadedInput } | { plan: LoadedPlan }> {
  try {
    if (await isSavedInventory(path)) {
      // A saved live audit (`warden audit --save-inventory`): mapped again offline, one inventory per account and region.
      const { loadSavedInventory } = await import('./live/load-saved-inventory.js');
      return { saved: { kind: 'inventory', ...(await loadSavedInventory(path, displayName)) } };
    }
    return { plan: await loadPlanFile(path, displayName) };
  } catch (error) {
    if (!(error instanceof InputError) || (await ScanRoot.of(path)).holds(await realpath(path))) throw error;
    throw new InputError(displayName, 'not a readable plan or saved inventory (none of its text is shown: its real path is outside the scan root)', error.position);
  }
}

async function loadHclInput(dir: string, displayName: string, options: LoadOptions): Promise<LoadedInput & { tree: SourceTree }> {
  const hcl = await loadHclDirectory(dir, displayName, { cwd: options.cwd ?? process.cwd(), ...variableOptions(options), ...(options.budget ? { budget: options.budget } : {}) });
  const modules = await hcl.tree.modules();
  const comments = collectIgnores(modules.flatMap((m) => m.files));
  return {
    kind: 'hcl',
    inventory: hcl.inventories[0]!,
    ...(hcl.inventories.length > 1 ? { inventories: hcl.inventories } : {}),
    details: { rootModules: hcl.roots.map((r) => r.display).join(', '), files: String(modules.reduce((n, m) => n + m.files.length, 0)) },
    gaps: hcl.problems.map((problem) => ({ scope: 'input' as const, ...problem })),
    warnings: [...hcl.warnings, ...comments.warnings],
    ignores: comments.ignores,
    tree: hcl.tree,
  };
}

/** A resource as findings name it, for LoadedInput.only. */
export function resourceKey(resource: { input: string; type: string; address: string }): string {
  return `${resource.input}\u0000${resource.type}\u0000${resource.address}`;
}

function variableOptions(options: LoadOptions): { varFiles?: readonly string[]; vars?: readonly string[] } {
  return { ...(options.varFiles ? { varFiles: options.varFiles } : {}), ...(options.vars ? { vars: options.vars } : {}) };
}
