import { stat } from 'node:fs/promises';
import type { Inventory } from '../model/inventory.js';
import { InputError, describeFsError } from './input-error.js';
import { loadPlanFile } from './plan/load-plan.js';

export interface LoadedInput {
  kind: 'plan' | 'hcl' | 'inventory';
  inventory: Inventory;
  details: Record<string, string>;
}

/** Picks the engine for a path: a JSON file is a Terraform plan. */
export async function loadInput(path: string, displayName: string): Promise<LoadedInput> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(displayName, describeFsError(error));
  }
  if (info.isDirectory()) {
    throw new InputError(displayName, 'is a directory: give the plan JSON file (`terraform show -json PLANFILE > plan.json`)');
  }
  const plan = await loadPlanFile(path, displayName);
  return {
    kind: 'plan',
    inventory: plan.inventory,
    details: { formatVersion: plan.formatVersion, ...(plan.terraformVersion ? { terraformVersion: plan.terraformVersion } : {}) },
  };
}
