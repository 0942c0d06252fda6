import { stringify } from 'csv-stringify/sync';
import type { NetworkInventoryDocument, InventoryItem } from '../../inventory/network-inventory.js';
import { inertCommands } from '../inert-commands.js';
import { printable } from '../printable-text.js';

/** The fixed header of `--format csv`; scripts read columns by these names. */
export const INVENTORY_CSV_HEADER = [
  'input', 'source', 'kind', 'type', 'address', 'id', 'name', 'vpc', 'exposure', 'availability_zone', 'cidr', 'ipv6_cidr',
  'route_table', 'network_acl', 'routes', 'attached_to', 'public_ip', 'associated_with', 'engine', 'port', 'publicly_accessible', 'reason',
] as const;

/** A spreadsheet runs a cell starting with one of these as a formula (CSV injection): such a cell gets a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `--format csv`: one row per resource, lists joined with `; `. */
export function inventoryCsv(document: NetworkInventoryDocument): string {
  const rows = document.inputs.flatMap((input) => input.items.map((item) => [input.input, input.source, ...cells(item)]));
  return stringify([[...INVENTORY_CSV_HEADER], ...rows.map((row) => row.map(cell))], { record_delimiter: 'unix' });
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

function cell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = inertCommands(printable(value));
  return FORMULA_START.test(text) ? `'${text}` : text;
}
