import { isUnknown, type Unknown } from '../../../model/unknown.js';
import { ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE } from '../../../model/views/public-access-blocks.js';
import { bool, type AwsObject } from '../aws-object.js';
import type { LiveDraft } from '../descriptor.js';
import type { Target } from '../target.js';

export { ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE };

/**
 * S3 Control GetPublicAccessBlock of one account → `aws_s3_account_public_access_block`. `none`
 * (NoSuchPublicAccessBlockConfiguration) is an account without the block: every flag off. An
 * unreadable block has Unknown flags, never "off".
 *
 * The setting is account-wide but inventories are per region: the record read in `target` is the
 * managed one; `copy` makes a read-only (`data`) copy for the account's other regions, so that their
 * buckets see the block in force without the account's finding being repeated per region.
 */
export function mapAccountPublicAccessBlock(configuration: AwsObject | 'none' | Unknown, target: Target, raw: unknown, copy = false): LiveDraft {
  const flag = (name: string): boolean | Unknown => (isUnknown(configuration) ? configuration : configuration === 'none' ? false : (bool(configuration, name) ?? false));
  return {
    type: ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE,
    id: target.account,
    address: `arn:${target.partition}:s3::${target.account}:account-public-access-block`,
    name: target.account,
    ...(copy ? { mode: 'data' as const } : {}),
    values: {
      account_id: target.account,
      block_public_acls: flag('BlockPublicAcls'),
      block_public_policy: flag('BlockPublicPolicy'),
      ignore_public_acls: flag('IgnorePublicAcls'),
      restrict_public_buckets: flag('RestrictPublicBuckets'),
    },
    raw,
  };
}
