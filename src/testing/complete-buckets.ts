import { bucketRaw } from '../engines/live/build-inventories.js';
import type { AccountRecording } from '../engines/live/recording.js';

/** The live-fragment keys of account-wide S3 reads, which a saved inventory keeps per account rather than per region. */
export const LIST_BUCKETS = 's3:ListBuckets';
export const ACCOUNT_PUBLIC_ACCESS_BLOCK = 's3control:GetPublicAccessBlock';

const absent = (Code: string): unknown => ({ Error: { Code, Message: `${Code} (the case does not set it)` } });

/**
 * What S3 answers for a bucket that lacks a setting, used for every per-bucket call a case leaves
 * out: so a case writes only the settings it is about, as a `.tf` case writes only the resources.
 */
const UNSET: Record<string, () => unknown> = {
  GetBucketEncryption: () => absent('ServerSideEncryptionConfigurationNotFoundError'),
  GetBucketVersioning: () => ({}),
  GetPublicAccessBlock: () => absent('NoSuchPublicAccessBlockConfiguration'),
  GetBucketTagging: () => absent('NoSuchTagSet'),
  GetBucketAcl: () => ({ Owner: { ID: 'c0ffee' }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'c0ffee' }, Permission: 'FULL_CONTROL' }] }),
  GetBucketOwnershipControls: () => absent('OwnershipControlsNotFoundError'),
  GetBucketPolicy: () => absent('NoSuchBucketPolicy'),
  GetBucketLogging: () => ({}),
};

/**
 * A case's account-wide S3 objects → the account recording of a saved inventory. `s3:ListBuckets`
 * items are buckets (`Name`; `BucketRegion` defaults to the case's region) carrying their per-bucket
 * responses under the operation's name (`GetBucketAcl: { Grants: [...] }`, or a failure
 * `{ Error: { Code } }`); `s3control:GetPublicAccessBlock` is the account's one response. An object's
 * `address` is recorded against the raw object its live resource will keep.
 */
export function completeAccount(
  fragment: Record<string, Record<string, unknown>[]>,
  account: string,
  region: string,
  addresses: Map<string, string>,
): AccountRecording | undefined {
  const items = fragment[LIST_BUCKETS];
  const blocks = fragment[ACCOUNT_PUBLIC_ACCESS_BLOCK];
  if (!items && !blocks) return undefined;
  const recording: AccountRecording = { account };
  if (items) {
    const buckets: Record<string, unknown>[] = [];
    const settings: Record<string, Record<string, unknown>> = {};
    for (const item of items) {
      const { address, ...rest } = item;
      const bucket: Record<string, unknown> = { BucketRegion: region };
      const read: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(rest)) {
        if (key in UNSET) read[key] = value;
        else bucket[key] = value;
      }
      for (const [operation, unset] of Object.entries(UNSET)) if (!(operation in read)) read[operation] = unset();
      buckets.push(bucket);
      if (typeof bucket['Name'] === 'string') settings[bucket['Name']] = read;
      if (typeof address === 'string') addresses.set(JSON.stringify(bucketRaw(bucket, read)), address);
    }
    recording.list_buckets = [{ Buckets: buckets }];
    recording.bucket_settings = settings;
  }
  const block = blocks?.[0];
  if (block) {
    const { address, ...response } = block;
    if (typeof address === 'string') addresses.set(JSON.stringify(response), address);
    recording.account_public_access_block = { region, response };
  }
  return recording;
}
