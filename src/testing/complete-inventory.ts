import { operationKey, REGIONAL_DESCRIPTORS } from '../engines/live/descriptors/index.js';
import { IAM_AUTHORIZATION_DETAILS_KEY } from '../engines/live/descriptors/iam-authorization-details.js';
import type { IamAccountOperation, IamAccountResponses } from '../engines/live/collect/collect-iam-account.js';
import { CREDENTIAL_REPORT_COLUMNS } from '../engines/live/descriptors/iam-account-settings.js';
import { INVENTORY_FORMAT, INVENTORY_MARKER, type AccountRecording } from '../engines/live/recording.js';
import { vpcsWithGroups } from '../engines/live/stale-group-vpcs.js';
import type { LiveFragment } from './case-table.js';
import { ACCOUNT_PUBLIC_ACCESS_BLOCK, completeAccount, LIST_BUCKETS } from './complete-buckets.js';

/** The account and region a case's live objects are recorded in. */
export const CASE_ACCOUNT = '111122223333';
export const CASE_REGION = 'eu-west-1';
/** When a case's audit read the account: the time credential ages are measured from. */
export const CASE_COLLECTED_AT = '2026-12-01T00:00:00Z';

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
 * Account-wide S3 reads (buckets, the account's public access block) go to the account's recording.
 */
export function completeInventory(fragment: LiveFragment): CompletedInventory {
  const addresses = new Map<string, string>();
  const responses: Record<string, unknown[]> = {};
  const account = completeAccount(fragment, CASE_ACCOUNT, CASE_REGION, addresses);
  const accounts: AccountRecording[] = account ? [account] : [];
  const settings: IamAccountResponses = {};
  for (const [operation, objects] of Object.entries(fragment)) {
    if (operation === LIST_BUCKETS || operation === ACCOUNT_PUBLIC_ACCESS_BLOCK || operation === STALE_GROUPS) continue;
    const stripped = objects.map((object) => withoutAddress(object, addresses));
    // IAM is account-wide: its pages (written whole, with an `address` on each entity) go with the account.
    if (operation.startsWith('iam:') && operation !== IAM_AUTHORIZATION_DETAILS_KEY) settings[operation.slice(4) as IamAccountOperation] = accountSetting(operation, stripped);
    else if (operation === IAM_AUTHORIZATION_DETAILS_KEY) {
      const iam = { region: CASE_REGION, pages: stripped.map((page) => withEntityAddresses(page, addresses)) };
      if (accounts[0]) accounts[0].iam = { ...accounts[0].iam, ...iam };
      else accounts.push({ account: CASE_ACCOUNT, iam });
    }
    else responses[operation] = asPages(operation, stripped);
  }
  const stale = fragment[STALE_GROUPS];
  if (Object.keys(settings).length > 0) {
    const iam = { region: CASE_REGION, pages: [], ...accounts[0]?.iam, account_settings: settings };
    if (accounts[0]) accounts[0].iam = iam;
    else accounts.push({ account: CASE_ACCOUNT, iam });
  }
  return {
    document: {
      [INVENTORY_MARKER]: INVENTORY_FORMAT,
      collected_at: CASE_COLLECTED_AT,
      source: operation(fragment) === 'config' ? 'config' : 'api',
      targets: [{ account: CASE_ACCOUNT, region: CASE_REGION, responses, ...(stale ? { stale_security_groups: stalePages(stale, responses) } : {}) }],
      accounts,
    },
    addresses,
  };
}

const STALE_GROUPS = 'ec2:DescribeStaleSecurityGroups';

/**
 * A case's stale groups (the items of StaleSecurityGroupSet, or `{ VpcId, Error }` for a failed call)
 * → one page per VPC whose groups the case lists, as the collector records them: listing the
 * operation, even empty, says every such VPC was read.
 */
function stalePages(items: Record<string, unknown>[], responses: Record<string, unknown[]>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const vpc of vpcsWithGroups(responses)) {
    const failed = items.find((i) => i['VpcId'] === vpc && i['Error'] !== undefined);
    out[vpc] = [failed ? { Error: failed['Error'] } : { StaleSecurityGroupSet: items.filter((i) => i['VpcId'] === vpc) }];
  }
  return out;
}

/**
 * An account setting's one response. The credential report may be written as rows (objects keyed by
 * the report's column names; columns left out are `N/A`), which become the CSV IAM returns.
 */
function accountSetting(operation: string, objects: Record<string, unknown>[]): unknown {
  if (operation !== 'iam:GetCredentialReport' || objects.some((o) => 'Content' in o)) return objects[0];
  const header = CREDENTIAL_REPORT_COLUMNS;
  const rows = objects.map((row) => header.map((column) => String(row[column] ?? 'N/A')).join(','));
  return { Content: `${[header.join(','), ...rows].join('\n')}\n`, ReportFormat: 'text/csv' };
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
  const candidates = [
    { [listed]: objects },
    { [listed.replace(/^Managed/, '')]: objects },
    { Reservations: [{ Instances: objects }] },
    { [singularList]: objects },
    { [`${listed.replace(/s$/, '')}Descriptions`]: objects },
    // OpenSearch DescribeDomains: `DomainStatusList`.
    { [`${listed.replace(/s$/, '')}StatusList`]: objects },
    // Kinesis ListStreams: `StreamSummaries`.
    { [`${listed.replace(/s$/, '')}Summaries`]: objects },
  ];
  const page = candidates.find((candidate) => descriptor.items(candidate as never).length === objects.length);
  if (page) return [page];
  // Describe calls of one resource each answer one object: EKS DescribeCluster `{ cluster }`, RDS
  // DescribeDBSnapshotAttributes `{ DBSnapshotAttributesResult }`: one page per object.
  const single = [`${listed.charAt(0).toLowerCase()}${listed.slice(1)}`, `${listed}Result`];
  const name = single.find((key) => objects.every((object) => descriptor.items({ [key]: object } as never).length === 1));
  return name ? objects.map((object) => ({ [name]: object })) : [candidates[0]];
}
