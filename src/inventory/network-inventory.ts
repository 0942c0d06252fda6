/**
 * The network inventory of one input: every network resource as a flat row, each naming its VPC, so
 * that a tree, JSON and CSV are three views of the same list (schemas/warden-network-inventory.schema.json).
 * Values are display text: Unknown values read `(known after apply)`, sensitive ones `(sensitive)`.
 */
export const NETWORK_INVENTORY_SCHEMA_VERSION = '1';

export const ITEM_KINDS = [
  'vpc', 'subnet', 'route-table', 'internet-gateway', 'nat-gateway', 'transit-gateway', 'network-acl',
  'security-group', 'elastic-ip', 'database',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** A resource as the inventory names it: Terraform type, address (or ARN), id and Name tag. */
export interface ResourceRef {
  type: string;
  address: string;
  id: string;
  name: string | null;
}

export interface RouteEntry {
  destination: string;
  target: string;
}

export interface InventoryItem extends ResourceRef {
  kind: ItemKind;
  /** Address of the VPC it belongs to; null when it belongs to none or that is not known. */
  vpc: string | null;
  /** Subnets: `public` (a route to an internet gateway), `private`, or `unknown` with the reason in `reason`. */
  exposure?: 'public' | 'private' | 'unknown';
  reason?: string;
  availabilityZone?: string | null;
  cidr?: string | null;
  ipv6Cidr?: string | null;
  /** Subnets: the route table serving it (address) and its network ACL. */
  routeTable?: string | null;
  networkAcl?: string | null;
  /** Route tables: their routes. */
  routes?: RouteEntry[];
  /** Security groups: what each is attached to. */
  attachedTo?: ResourceRef[];
  /** Elastic IPs and databases. */
  publicIp?: string | null;
  associatedWith?: string | null;
  engine?: string | null;
  port?: string | null;
  publiclyAccessible?: string | null;
}

/** The inventory of one input (a plan, a source tree's root module, an account/region). */
export interface InputInventory {
  input: string;
  source: 'plan' | 'hcl' | 'live' | 'empty';
  items: InventoryItem[];
}

export interface NetworkInventoryDocument {
  schemaVersion: typeof NETWORK_INVENTORY_SCHEMA_VERSION;
  tool: { name: string; version: string };
  inputs: InputInventory[];
  /** Inputs that could not be read, one line each. */
  errors: { input: string; message: string }[];
}

/** An error of the document as one line that names its input once. */
export function errorLine(error: { input: string; message: string }): string {
  return error.message.startsWith(error.input) ? error.message : `${error.input}: ${error.message}`;
}
