import type { ApiCallStats, CoverageGap } from '../../model/coverage.js';

/** The top-level key (and format version) that marks a JSON file as a saved warden inventory. */
export const INVENTORY_MARKER = 'warden_inventory';
export const INVENTORY_FORMAT = 1;

/**
 * What a live audit read, kept as the AWS responses themselves (the bodies the SDK returned, without
 * `$metadata`), grouped by where they were read. `--save-inventory` writes it; `warden scan FILE`
 * maps it into Inventories again with the same descriptors, offline. Keeping responses rather than
 * mapped resources means a saved audit benefits from later mapping fixes and can be written by hand
 * from AWS documentation.
 */
export interface Recording {
  [INVENTORY_MARKER]: typeof INVENTORY_FORMAT;
  tool?: { name: string; version: string };
  collected_at?: string;
  /** `K/N` when the audit read one shard of its accounts × regions (`--shard`); `warden merge` joins all N. */
  shard?: string;
  /** `api`, `config` or `config-aggregator:NAME`. */
  source: string;
  targets: TargetRecording[];
  accounts: AccountRecording[];
  /** `config-aggregator` source: the SelectAggregateResourceConfig pages (items say their account and region). */
  aggregator?: { name: string; region: string; pages: unknown[] };
  coverage?: { gaps: CoverageGap[]; apiCalls?: ApiCallStats };
}

/** Responses read in one (account, region). */
export interface TargetRecording {
  account: string;
  region: string;
  /** Pages of each list call by `service:Operation` (`ec2:DescribeVpcs`, `config:SelectResourceConfig`). */
  responses: Record<string, unknown[]>;
  /** GetManagedPrefixListEntries pages by prefix list id (only lists that rules or routes refer to). */
  prefix_list_entries?: Record<string, unknown[]>;
}

/** Account-wide responses: S3 buckets, IAM. */
export interface AccountRecording {
  account: string;
  /**
   * GetAccountAuthorizationDetails pages (IAM is global: read once per account). `region` is the
   * audited region whose inventory holds the IAM resources, so that each is judged once.
   */
  iam?: { region: string; pages: unknown[] };
  /** ListBuckets pages. */
  list_buckets?: unknown[];
  /**
   * Per bucket, per operation (`GetBucketEncryption` …): the response body, or a failure written the
   * way placebo records one: `{ "Error": { "Code": "NoSuchTagSet", "Message": "…" } }`.
   */
  bucket_settings?: Record<string, Record<string, unknown>>;
}

/** A recorded failure: `{ Error: { Code, Message } }`. */
export interface RecordedError {
  Error: { Code: string; Message?: string };
}

export function isRecordedError(value: unknown): value is RecordedError {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { Error?: unknown }).Error;
  return typeof error === 'object' && error !== null && typeof (error as { Code?: unknown }).Code === 'string';
}

export function emptyRecording(source: string): Recording {
  return { [INVENTORY_MARKER]: INVENTORY_FORMAT, source, targets: [], accounts: [] };
}
