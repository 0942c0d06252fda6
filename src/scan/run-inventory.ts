import { resolve } from 'node:path';
import type { LoadOptions } from '../engines/load-input.js';
import type { LiveAuditOptions } from '../engines/live/collect-live.js';
import { InputError } from '../engines/input-error.js';
import { buildNetworkInventory } from '../inventory/build-network-inventory.js';
import { NETWORK_INVENTORY_SCHEMA_VERSION, type NetworkInventoryDocument } from '../inventory/network-inventory.js';
import type { Inventory } from '../model/inventory.js';
import { toolInfo } from '../version.js';
import { displayPath } from './display-path.js';
import { describeInternalError } from './internal-error.js';

/**
 * `warden inventory PATH…`: each input read by the loaders `warden scan` uses, then listed. An input
 * that cannot be read (or a part of one: a module not downloaded) is an error line; the others are listed.
 */
export async function inventoryOfPaths(paths: readonly string[], cwd: string, load: LoadOptions = {}): Promise<NetworkInventoryDocument> {
  const { loadInput } = await import('../engines/load-input.js');
  const document = emptyDocument();
  for (const path of paths) {
    const display = displayPath(path, cwd);
    try {
      const loaded = await loadInput(resolve(cwd, path), display, { cwd, ...load });
      add(document, loaded.inventories ?? [loaded.inventory]);
      for (const gap of loaded.gaps ?? []) document.errors.push({ input: gap.target, message: gap.message });
    } catch (error) {
      document.errors.push({ input: display, message: error instanceof InputError ? error.message : describeInternalError(error, display) });
    }
  }
  return document;
}

/** `warden inventory` live: the estate read as `warden audit` reads it, one input per account and region. */
export async function inventoryOfLive(live: LiveAuditOptions): Promise<NetworkInventoryDocument> {
  const [{ collectLive }, { buildInventories }] = await Promise.all([import('../engines/live/collect-live.js'), import('../engines/live/build-inventories.js')]);
  const collection = await collectLive(live);
  const document = emptyDocument();
  add(document, buildInventories(collection.recording));
  for (const gap of collection.gaps) document.errors.push({ input: gap.target, message: gap.message });
  return document;
}

function emptyDocument(): NetworkInventoryDocument {
  return { schemaVersion: NETWORK_INVENTORY_SCHEMA_VERSION, tool: { name: toolInfo().name, version: toolInfo().version }, inputs: [], errors: [] };
}

function add(document: NetworkInventoryDocument, inventories: readonly Inventory[]): void {
  for (const inventory of inventories) document.inputs.push(buildNetworkInventory(inventory));
}
