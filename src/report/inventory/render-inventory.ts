import type { NetworkInventoryDocument } from '../../inventory/network-inventory.js';

export const INVENTORY_FORMATS = ['console', 'json', 'csv'] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

/** The document in one format; each format's module is loaded only when asked for (start-up cost). */
export async function renderInventory(document: NetworkInventoryDocument, format: InventoryFormat): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./inventory-json.js')).inventoryJson(document);
    case 'csv':
      return (await import('./inventory-csv.js')).inventoryCsv(document);
    default:
      return (await import('./inventory-tree.js')).inventoryTree(document);
  }
}
