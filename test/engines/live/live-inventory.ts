import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import type { Inventory } from '../../../src/model/inventory.js';

/** The Inventory of one (account, region) whose list calls returned these pages (`ec2:DescribeAddresses` → [page…]). */
export function liveInventory(responses: Record<string, unknown[]>, account = '111122223333', region = 'eu-west-1'): Inventory {
  return buildInventories({ warden_inventory: 1, source: 'api', targets: [{ account, region, responses }], accounts: [] })[0]!;
}
