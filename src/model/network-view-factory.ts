import type { NetworkView } from '../network/network-view.js';
import type { Inventory } from './inventory.js';

/**
 * How `inventory.network` is built. The network modules register it when they load (the policy runner
 * loads them), so that the model — and the policy API, which every policy file imports — does not load
 * the whole network graph: `warden policies` only needs the policies' metadata.
 */
let build: ((inventory: Inventory) => NetworkView) | undefined;

export function provideNetworkView(factory: (inventory: Inventory) => NetworkView): void {
  build = factory;
}

export function buildNetworkView(inventory: Inventory): NetworkView {
  if (!build) throw new Error('the network view is not loaded: import src/network/network-view.js before reading inventory.network');
  return build(inventory);
}
