import { operationKey, REGIONAL_DESCRIPTORS } from '../engines/live/descriptors/index.js';
import { IAM_AUTHORIZATION_DETAILS_KEY } from '../engines/live/descriptors/iam-authorization-details.js';
import { INVENTORY_FORMAT, INVENTORY_MARKER, type AccountRecording } from '../engines/live/recording.js';
import type { LiveFragment } from './case-table.js';

/** The account and region a case's live objects are recorded in. */
export const CASE_ACCOUNT = '111122223333';
export const CASE_REGION = 'eu-west-1';

/** A completed live fragment: the saved inventory to load, and the Terraform address each recorded object stands for. */
export interface CompletedInventory {
  document: Record<string, unknown>;
  /** The JSON text of each object that declared an `address` → that address. */
  addresses: Map<string, string>;
}

/**
 * A case's live fragment → the saved inventory `warden audit --save-inventory` would write for one
 * account and region. Objects may be given bare (the items of a Describe call, wrapped here into one
 * response page as the descriptor reads it) or as whole pages. An object's `address` key is taken out
 * and remembered, so its live resource's verdicts can be compared under its Terraform address.
 */
export function completeInventory(fragment: LiveFragment): CompletedInventory {
  const addresses = new Map<string, string>();
  const responses: Record<string, unknown[]> = {};
  const accounts: AccountRecording[] = [];
  for (const [operation, objects] of Object.entries(fragment)) {
    const stripped = objects.map((object) => withoutAddress(object, addresses));
    // IAM is account-wide: its pages (written whole, with an `address` on each entity) go with the account.
    if (operation === IAM_AUTHORIZATION_DETAILS_KEY) accounts.push({ account: CASE_ACCOUNT, iam: { region: CASE_REGION, pages: stripped.map((page) => withEntityAddresses(page, addresses)) } });
    else responses[operation] = asPages(operation, stripped);
  }
  return {
    document: {
      [INVENTORY_MARKER]: INVENTORY_FORMAT,
      source: operation(fragment) === 'config' ? 'config' : 'api',
      targets: [{ account: CASE_ACCOUNT, region: CASE_REGION, responses }],
      accounts,
    },
    addresses,
  };
}

function operation(fragment: LiveFragment): string | undefined {
  return Object.keys(fragment)[0]?.split(':')[0];
}

/** Removes an object's `address` and records it against the object's JSON text (the raw object its live resource keeps). */
function withoutAddress(object: Record<string, unknown>, addresses: Map<string, string>): Record<string, unknown> {
  const { address, ...rest } = object;
  if (typeof address === 'string') addresses.set(JSON.stringify(rest), address);
  return rest;
}

/** Objects anywhere inside a GetAccountAuthorizationDetails page (a role, a user's attached policy) may carry an `address`. */
function withEntityAddresses(page: Record<string, unknown>, addresses: Map<string, string>): Record<string, unknown> {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    const inner = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, strip(item)]));
    return withoutAddress(inner, addresses);
  };
  return strip(page) as Record<string, unknown>;
}

/**
 * Bare items become one page in the shape the operation's descriptor reads (`{ Volumes: [...] }`,
 * DescribeInstances' `{ Reservations: [{ Instances: [...] }] }`); objects that already are pages of
 * that operation stay as they are. Operations without a descriptor (Config) are pages as given.
 */
function asPages(operation: string, objects: Record<string, unknown>[]): unknown[] {
  const descriptor = REGIONAL_DESCRIPTORS.find((d) => operationKey(d) === operation);
  if (!descriptor) return objects;
  if (objects.length > 0 && objects.every((o) => descriptor.items(o as never).length > 0)) return objects;
  const listed = operation.replace(/^[a-z0-9]+:(Describe|List|Get)/, '');
  // DescribeTrails lists its items under `trailList`: the singular, lower camel case, with `List`.
  const singularList = `${listed.charAt(0).toLowerCase()}${listed.slice(1).replace(/s$/, '')}List`;
  const candidates = [{ [listed]: objects }, { [listed.replace(/^Managed/, '')]: objects }, { Reservations: [{ Instances: objects }] }, { [singularList]: objects }];
  return [candidates.find((page) => descriptor.items(page as never).length === objects.length) ?? candidates[0]];
}
