import { stat } from 'node:fs/promises';
import type { Inventory } from '../model/inventory.js';
import type { InlineIgnore } from '../rules/suppressions.js';
import { collectIgnores } from './hcl/ignore-comments.js';
import type { CoverageGap } from '../scan/scan-result.js';
import { loadHclDirectory } from './hcl/load-hcl.js';
import { InputError, describeFsError, specialFileKind } from './input-error.js';
import { isSavedInventory } from './live/saved-inventory-marker.js';
import { spoolPipe } from './spool-pipe.js';
import { loadPlanFile, planDetails } from './plan/load-plan.js';
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
  /** `warden:ignore` comments in the Terraform source read for this input. */
  ignores?: InlineIgnore[];
}

/** How to read inputs beyond their path: Terraform variable values and where sources are. */
export interface LoadOptions {
  /** Locations are shown relative to this directory. */
  cwd?: string;
  /** `--var-file` paths (absolute) and `--var name=value` assignments, for Terraform source. */
  varFiles?: readonly string[];
  vars?: readonly string[];
  /** Where a plan's `.tf` sources are (default: the plan file's directory, then `cwd`, if they hold `.tf` files). */
  sourceRoot?: string;
}

/** Picks the engine for a path: a directory is Terraform source, a file is a Terraform plan (JSON). */
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
  if (info.isDirectory()) {
    const hcl = await loadHclDirectory(path, displayName, { cwd: options.cwd ?? process.cwd(), ...variableOptions(options) });
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
    };
  }
  if (await isSavedInventory(path)) {
    // A saved live audit (`warden audit --save-inventory`): mapped again offline, one inventory per account and region.
    const { loadSavedInventory } = await import('./live/load-saved-inventory.js');
    return { kind: 'inventory', ...(await loadSavedInventory(path, displayName)) };
  }
  const plan = await loadPlanFile(path, displayName);
  const sourced = await attachSources(plan, path, {
    cwd: options.cwd ?? process.cwd(),
    ...variableOptions(options),
    ...(options.sourceRoot ? { sourceRoot: options.sourceRoot } : {}),
  });
  const comments = collectIgnores(sourced.root ? [...sourced.root.modules.values()].flatMap((m) => m.files) : []);
  return {
    kind: 'plan',
    inventory: sourced.inventory,
    details: { ...planDetails(plan), ...sourced.details },
    warnings: [...sourced.warnings, ...comments.warnings],
    ignores: comments.ignores,
  };
}

function variableOptions(options: LoadOptions): { varFiles?: readonly string[]; vars?: readonly string[] } {
  return { ...(options.varFiles ? { varFiles: options.varFiles } : {}), ...(options.vars ? { vars: options.vars } : {}) };
}
