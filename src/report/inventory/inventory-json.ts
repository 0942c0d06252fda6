import type { NetworkInventoryDocument } from '../../inventory/network-inventory.js';
import { safeJsonText } from '../json/safe-json-text.js';

/** `--format json`: the document as schemas/warden-network-inventory.schema.json describes it. */
export function inventoryJson(document: NetworkInventoryDocument): string {
  return `${safeJsonText(JSON.stringify(document, null, 2))}\n`;
}
