import type { TagMap } from '../../../model/resource.js';
import { isUnknown, type Unknown } from '../../../model/unknown.js';
import type { Value, ValueObject } from '../../../model/value.js';
import { bool, field, objects, str, type AwsObject } from '../aws-object.js';
import type { LiveDraft } from '../descriptor.js';
import type { Target } from '../target.js';
import { aclValues, loggingValues, ownershipValues, policyValues } from './s3-bucket-access.js';

/** What is known about one bucket, from the S3 API (one call per setting) or a Config item. */
export interface BucketFacts {
  name: string;
  region: string;
  /** The `ServerSideEncryptionConfiguration`, `none` when the bucket has none, Unknown when unreadable. */
  encryption: AwsObject | 'none' | Unknown;
  /** The GetBucketVersioning output (`Status` absent when never enabled), Unknown when unreadable. */
  versioning: AwsObject | Unknown;
  /** The `PublicAccessBlockConfiguration`, `none` when the bucket has none, Unknown when unreadable. */
  publicAccessBlock: AwsObject | 'none' | Unknown;
  tags: TagMap | Unknown;
  /** The GetBucketAcl output (owner and grants), Unknown when unreadable. */
  acl: AwsObject | Unknown;
  /** The `OwnershipControls`, `none` when the bucket has none (ACLs enabled), Unknown when unreadable. */
  ownership: AwsObject | 'none' | Unknown;
  /** The bucket policy (JSON text), `none` when the bucket has none, Unknown when unreadable. */
  policy: string | 'none' | Unknown;
  /** The GetBucketLogging output (`LoggingEnabled` absent when logging is off), Unknown when unreadable. */
  logging: AwsObject | Unknown;
  raw: unknown;
}

/** The Terraform types mapBucket returns: a policy reading any of them needs the account's buckets read. */
export const BUCKET_TYPES = [
  'aws_s3_bucket',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_acl',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_logging',
] as const;

/**
 * S3 error codes that mean "this bucket has no such setting" rather than a failure: S3 answers a
 * missing configuration with a 404 error instead of an empty result.
 */
export const S3_ABSENT_SETTING_CODES = new Set([
  'NoSuchTagSet',
  'ServerSideEncryptionConfigurationNotFoundError',
  'NoSuchPublicAccessBlockConfiguration',
  'OwnershipControlsNotFoundError',
  'NoSuchBucketPolicy',
]);

/**
 * A bucket → `aws_s3_bucket` plus the settings Terraform (AWS provider v4+) models as resources of
 * their own, which policies such as state-bucket-insecure look for by bucket name:
 * `aws_s3_bucket_server_side_encryption_configuration` and `aws_s3_bucket_public_access_block`
 * (only when the bucket has one) and `aws_s3_bucket_versioning` (always; status `Disabled` when
 * versioning was never turned on), and the access settings of s3-bucket-access.ts:
 * `aws_s3_bucket_acl` (always), `aws_s3_bucket_ownership_controls`, `aws_s3_bucket_policy` and
 * `aws_s3_bucket_logging` (when set). A setting that could not be read is an Unknown, never "absent".
 */
export function mapBucket(facts: BucketFacts, target: Target): LiveDraft[] {
  const { name } = facts;
  const arn = `arn:${target.partition}:s3:::${name}`;
  const sub = (type: string, suffix: string, values: ValueObject, raw: unknown): LiveDraft => ({
    type,
    id: name,
    address: `${arn}#${suffix}`,
    locationArn: arn,
    name,
    values: { bucket: name, ...values },
    raw,
  });
  const drafts: LiveDraft[] = [
    {
      type: 'aws_s3_bucket',
      id: name,
      arn,
      name,
      values: {
        bucket: name,
        region: facts.region,
        bucket_domain_name: `${name}.s3.amazonaws.com`,
        bucket_regional_domain_name: `${name}.s3.${facts.region}.amazonaws.com`,
      },
      tags: facts.tags,
      raw: facts.raw,
    },
  ];

  if (isUnknown(facts.encryption)) {
    drafts.push(sub('aws_s3_bucket_server_side_encryption_configuration', 'server-side-encryption-configuration', { rule: facts.encryption }, null));
  } else if (facts.encryption !== 'none') {
    const rules = objects(facts.encryption, 'Rules').map((rule): ValueObject => {
      const byDefault = field(rule, 'ApplyServerSideEncryptionByDefault');
      return {
        apply_server_side_encryption_by_default: byDefault
          ? [{ sse_algorithm: str(byDefault, 'SSEAlgorithm'), kms_master_key_id: str(byDefault, 'KMSMasterKeyID') }]
          : [],
        bucket_key_enabled: bool(rule, 'BucketKeyEnabled'),
      };
    });
    drafts.push(sub('aws_s3_bucket_server_side_encryption_configuration', 'server-side-encryption-configuration', { rule: rules }, facts.encryption));
  }

  const versioning: Value = isUnknown(facts.versioning)
    ? facts.versioning
    : [{ status: versioningStatus(str(facts.versioning, 'Status')), mfa_delete: mfaDelete(facts.versioning) }];
  drafts.push(sub('aws_s3_bucket_versioning', 'versioning', { versioning_configuration: versioning }, isUnknown(facts.versioning) ? null : facts.versioning));

  if (isUnknown(facts.publicAccessBlock)) {
    const why = facts.publicAccessBlock;
    drafts.push(
      sub('aws_s3_bucket_public_access_block', 'public-access-block', { block_public_acls: why, block_public_policy: why, ignore_public_acls: why, restrict_public_buckets: why }, null),
    );
  } else if (facts.publicAccessBlock !== 'none') {
    const block = facts.publicAccessBlock;
    drafts.push(
      sub(
        'aws_s3_bucket_public_access_block',
        'public-access-block',
        {
          block_public_acls: bool(block, 'BlockPublicAcls') ?? false,
          block_public_policy: bool(block, 'BlockPublicPolicy') ?? false,
          ignore_public_acls: bool(block, 'IgnorePublicAcls') ?? false,
          restrict_public_buckets: bool(block, 'RestrictPublicBuckets') ?? false,
        },
        block,
      ),
    );
  }
  drafts.push(sub('aws_s3_bucket_acl', 'acl', aclValues(facts.acl), isUnknown(facts.acl) ? null : facts.acl));
  const optional: [string, string, ValueObject | undefined, unknown][] = [
    ['aws_s3_bucket_ownership_controls', 'ownership-controls', ownershipValues(facts.ownership), facts.ownership],
    ['aws_s3_bucket_policy', 'policy', policyValues(facts.policy), facts.policy],
    ['aws_s3_bucket_logging', 'logging', loggingValues(facts.logging), facts.logging],
  ];
  for (const [type, suffix, values, raw] of optional) {
    if (values) drafts.push(sub(type, suffix, values, isUnknown(raw) ? null : raw));
  }
  return drafts;
}

/** API `MFADelete: Enabled|Disabled`; Config `isMfaDeleteEnabled: true|false`. */
function mfaDelete(versioning: AwsObject): string {
  const api = str(versioning, 'MFADelete');
  if (api) return api;
  return bool(versioning, 'IsMfaDeleteEnabled') === true ? 'Enabled' : 'Disabled';
}

/** API `Enabled`/`Suspended`/absent, Config `Enabled`/`Suspended`/`Off` → Terraform `Enabled`/`Suspended`/`Disabled`. */
function versioningStatus(status: string | null): string {
  if (status === 'Enabled' || status === 'Suspended') return status;
  return 'Disabled';
}

