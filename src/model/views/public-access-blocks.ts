import type { Inventory } from '../inventory.js';
import type { Resource } from '../resource.js';
import { Unknown, isUnknown } from '../unknown.js';
import type { Value } from '../value.js';
import type { Bucket } from './buckets.js';

/** The four settings of an S3 public access block, by their Terraform names. */
export const PUBLIC_ACCESS_BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;
export type PublicAccessBlockFlag = (typeof PUBLIC_ACCESS_BLOCK_FLAGS)[number];

export const ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE = 'aws_s3_account_public_access_block';

/** One flag as it is in force: true, false or Unknown, and the block resource that decides it (none when no block sets it). */
export interface FlagInForce {
  value: true | false | Unknown;
  /** The block that turns it on (or, when Unknown, the one whose value is not known). */
  by: Resource | undefined;
}

/**
 * The account-level public access block in the inventory: `aws_s3_account_public_access_block`
 * resources (live: the account's record, or its copy in the account's other regions). Several (one per
 * provider configuration) count as on only where all of them are on, since which one covers which
 * bucket is not matched here. Undefined when the inventory holds none (source: managed elsewhere).
 */
export function accountPublicAccessBlock(inventory: Inventory): Record<PublicAccessBlockFlag, FlagInForce> | undefined {
  const blocks = inventory.ofType(ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE);
  if (blocks.length === 0) return undefined;
  const out = {} as Record<PublicAccessBlockFlag, FlagInForce>;
  for (const flag of PUBLIC_ACCESS_BLOCK_FLAGS) {
    let result: FlagInForce = { value: true, by: blocks[0] };
    for (const block of blocks) {
      const value = flagValue(block.values[flag]);
      if (value === false) {
        result = { value: false, by: undefined };
        break;
      }
      if (isUnknown(value) && result.value === true) result = { value, by: block };
    }
    out[flag] = result;
  }
  return out;
}

/**
 * The flags in force for one bucket: S3 applies the more restrictive of the account's and the
 * bucket's block, so a flag is on when either is on, off when both are known off (an absent block is
 * all off), and Unknown otherwise. `account` undefined: the account block is not in this inventory.
 */
export function publicAccessBlockInForce(bucket: Bucket, account: Record<PublicAccessBlockFlag, FlagInForce> | undefined): Record<PublicAccessBlockFlag, FlagInForce> {
  const out = {} as Record<PublicAccessBlockFlag, FlagInForce>;
  const own = bucket.publicAccessBlock;
  for (const flag of PUBLIC_ACCESS_BLOCK_FLAGS) {
    const fromAccount: FlagInForce = account?.[flag] ?? { value: false, by: undefined };
    const fromBucket: FlagInForce = own === undefined ? { value: false, by: undefined } : isUnknown(own) ? { value: own, by: bucket.resource } : { value: flagValue(bucketFlag(own, flag)), by: own.resource };
    if (fromAccount.value === true) out[flag] = fromAccount;
    else if (fromBucket.value === true) out[flag] = fromBucket;
    else if (isUnknown(fromBucket.value)) out[flag] = fromBucket;
    else if (isUnknown(fromAccount.value)) out[flag] = fromAccount;
    else out[flag] = { value: false, by: undefined };
  }
  return out;
}

function bucketFlag(block: Exclude<Bucket['publicAccessBlock'], Unknown | undefined>, flag: PublicAccessBlockFlag): Value {
  switch (flag) {
    case 'block_public_acls':
      return block.blockPublicAcls;
    case 'block_public_policy':
      return block.blockPublicPolicy;
    case 'ignore_public_acls':
      return block.ignorePublicAcls;
    case 'restrict_public_buckets':
      return block.restrictPublicBuckets;
  }
}

/** A flag value: unset is off (the provider default); anything not a known boolean is Unknown. */
function flagValue(value: Value | undefined): true | false | Unknown {
  if (value === undefined || value === null || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  if (isUnknown(value)) return value;
  return new Unknown(`a public access block setting is ${JSON.stringify(value)}, not a boolean`);
}
