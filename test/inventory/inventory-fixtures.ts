import { loadInput } from '../../src/engines/load-input.js';
import { buildNetworkInventory } from '../../src/inventory/build-network-inventory.js';
import type { InputInventory, InventoryItem } from '../../src/inventory/network-inventory.js';
import { REPO } from '../engines/hcl/hcl-helpers.js';

export const THREE_TIER = 'test/fixtures/inventory/three-tier';
export const LIVE_ESTATE = 'fixtures/live-estate/inventory.json';
export const MODULES_PLAN = 'fixtures/modules-repo/plan.json';
export const MODULES_HCL = 'fixtures/modules-repo';

/** The network inventories of a repository path, as `warden inventory` builds them. */
export async function inventoriesOf(path: string): Promise<InputInventory[]> {
  const loaded = await loadInput(`${REPO}/${path}`, path, { cwd: REPO });
  return (loaded.inventories ?? [loaded.inventory]).map((inventory) => buildNetworkInventory(inventory));
}

export function item(input: InputInventory, kind: InventoryItem['kind'], name: string): InventoryItem {
  const found = input.items.find((i) => i.kind === kind && (i.name === name || i.address === name));
  if (!found) throw new Error(`no ${kind} ${name} in ${input.input}`);
  return found;
}
