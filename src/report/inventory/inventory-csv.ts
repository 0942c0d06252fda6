import type { NetworkInventoryDocument, InventoryItem } from '../../inventory/network-inventory.js';
import { csvTextCell } from '../csv/csv-cell.js';

/** The fixed header of `--format csv`; scripts read columns by these names. */
export const INVENTORY_CSV_HEADER = [
  'input', 'source', 'kind', 'type', 'address', 'id', 'name', 'vpc', 'exposure', 'availability_zone', 'cidr', 'ipv6_cidr',
  'route_table', 'network_acl', 'routes', 'attached_to', 'public_ip', 'associated_with', 'engine', 'port', 'publicly_accessible', 'reason',
] as const;

/** `--format csv`: one row per resource, lists joined with `; `. */
export function inventoryCsv(document: NetworkInventoryDocument): string {
  const rows = document.inputs.flatMap((input) => input.items.map((item) => [input.input, input.source, ...cells(item)]));
  return [[...INVENTORY_CSV_HEADER], ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

function cells(item: InventoryItem): (string | null | undefined)[] {
  return [
    item.kind, item.type, item.address, item.id, item.name, item.vpc, item.exposure, item.availabilityZone, item.cidr, item.ipv6Cidr,
    item.routeTable, item.networkAcl,
    item.routes?.map((r) => `${r.destination} -> ${r.target}`).join('; '),
    item.attachedTo?.map((r) => `${r.type} ${r.name ?? r.id} (${r.address})`).join('; '),
    item.publicIp, item.associatedWith, item.engine, item.port, item.publiclyAccessible, item.reason,
  ];
}

/** The same cell rules as the findings' CSV (csv-cell.ts): no control character, command or formula, RFC 4180 quoting. */
function cell(value: string | null | undefined): string {
  return value === null || value === undefined ? '' : csvTextCell(value);
}
