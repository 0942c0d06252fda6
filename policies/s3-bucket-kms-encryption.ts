import { NAME_TAG_EXCLUSION_PROPERTIES, definePolicy, isUnknown, kmsKeyManagement, locate, nameTagExclusions, type Bucket, type PolicyContext } from '../src/api.js';

export interface KmsEncryptionOptions {
  /** Bucket name globs that must be encrypted with KMS (`*`: every bucket). */
  buckets: string[];
  /** Tag key → value glob: buckets carrying such a tag must be encrypted with KMS. */
  tags: Record<string, string>;
  /** Also require a customer managed key (not the AWS managed key aws/s3). */
  customerManagedKey: boolean;
}

const KMS_ALGORITHMS = new Set(['aws:kms', 'aws:kms:dsse']);
const BUCKET_ENCRYPTION_TYPES = ['aws_s3_bucket', 'aws_s3_bucket_server_side_encryption_configuration'];

export const s3BucketKmsEncryption = definePolicy<KmsEncryptionOptions>({
  id: 's3-bucket-kms-encryption',
  title: 'S3 bucket is not encrypted with KMS where required',
  severity: 'medium',
  description:
    'A bucket that the options say must use KMS (`buckets`: name globs, `*` for all; `tags`: tag key → value glob) has ' +
    'default encryption other than SSE-KMS or DSSE-KMS (sse_algorithm aws:kms or aws:kms:dsse). Since January 2023 ' +
    'S3 encrypts every new object with S3-managed keys (SSE-S3) when nothing else is configured, so "unencrypted" is ' +
    'no longer a state and this policy never reports it: without options it checks nothing. A bucket without an ' +
    'encryption configuration uses SSE-S3 and fails only when KMS is required. With customerManagedKey, the key must ' +
    'be a customer managed key: kms_master_key_id unset, alias/aws/s3 (the AWS managed key, by name or ARN), a data ' +
    'source that looks it up, or live a key DescribeKey reports as AWS managed fails; a key id known only after apply ' +
    'passes when it refers to an aws_kms_key of the configuration and is unknown otherwise. Live, every KMS key of the ' +
    'region is read, so a key ARN of the audited account that was not read (DescribeKey denied, not listed) is unknown, ' +
    'as encryption-at-rest says for the same key; a key ARN of another account passes, since an AWS managed key serves only ' +
    'its own account (decided live only: a plan or source does not know a bucket\'s account). An ' +
    'encryption configuration known only after apply, or unreadable live (GetBucketEncryption), is unknown.',
  remediation:
    'Add an aws_s3_bucket_server_side_encryption_configuration with apply_server_side_encryption_by_default ' +
    '{ sse_algorithm = "aws:kms", kms_master_key_id = aws_kms_key.<name>.arn } and bucket_key_enabled = true (fewer KMS ' +
    'requests). Objects written before the change keep their old encryption until they are copied.',
  tags: ['storage', 'encryption'],
  resourceTypes: [...BUCKET_ENCRYPTION_TYPES, 'aws_kms_key'],
  // Nothing when no bucket must use KMS (the check then looks at none); keys, and only who manages them, with customerManagedKey.
  readsTypes: ({ buckets, tags, customerManagedKey }) =>
    buckets.length === 0 && Object.keys(tags).length === 0 ? [] : [...BUCKET_ENCRYPTION_TYPES, ...(customerManagedKey ? ['aws_kms_key.key_manager'] : [])],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        buckets: NAME_TAG_EXCLUSION_PROPERTIES.exclude,
        tags: NAME_TAG_EXCLUSION_PROPERTIES.excludeTags,
        customerManagedKey: { type: 'boolean' },
      },
    },
    defaults: { buckets: [], tags: {}, customerManagedKey: false },
  },
  messages: {
    kms: 'bucket {{bucket}} is encrypted with KMS by default ({{how}})',
    sseS3: 'bucket {{bucket}} must use KMS ({{why}}) but has no default encryption configuration, so S3 uses S3-managed keys (SSE-S3)',
    notKms: 'bucket {{bucket}} must use KMS ({{why}}) but its default encryption is {{algorithm}}',
    awsManagedKey: 'bucket {{bucket}} must use a customer managed KMS key but uses the AWS managed key aws/s3',
    encryptionUnknown: 'cannot tell how bucket {{bucket}} is encrypted by default',
    keyUnknown: 'cannot tell whether the KMS key of bucket {{bucket}} is customer managed',
  },
  check(context) {
    // Selection uses the same name/tag matching as exclusions elsewhere, read the other way round.
    const required = nameTagExclusions({ exclude: context.options.buckets, excludeTags: context.options.tags });
    for (const bucket of context.inventory.buckets) {
      if (bucket.resource.mode !== 'managed') continue;
      const why = required(bucket.name, bucket.resource.tags);
      if (why) checkBucket(context, bucket, why.replace(/^its /, 'the bucket\'s '));
    }
  },
});

function checkBucket(context: PolicyContext<KmsEncryptionOptions>, bucket: Bucket, why: string): void {
  const resource = bucket.resource;
  const name = typeof bucket.name === 'string' ? bucket.name : resource.address;
  const encryption = bucket.encryption;
  if (isUnknown(encryption)) return context.unknown({ resource, messageId: 'encryptionUnknown', data: { bucket: name }, reason: encryption });
  if (!encryption) {
    return context.fail({ resource, messageId: 'sseS3', data: { bucket: name, why }, evidence: [{ path: `${resource.address} (no encryption configuration)`, value: null, note: 'SSE-S3 by default' }] });
  }
  const location = locate(encryption.resource, encryption.path);
  const at = { ...(location ? { location } : {}) };
  const algorithm = encryption.algorithm;
  if (isUnknown(algorithm)) return context.unknown({ resource, messageId: 'encryptionUnknown', data: { bucket: name }, reason: algorithm, ...at });
  if (typeof algorithm !== 'string' || !KMS_ALGORITHMS.has(algorithm)) {
    return context.fail({ resource, messageId: 'notKms', data: { bucket: name, why, algorithm: JSON.stringify(algorithm) }, evidence: [{ path: `${encryption.resource.address}.${encryption.path}`, value: algorithm }], ...at });
  }
  if (!context.options.customerManagedKey) return context.pass({ resource, messageId: 'kms', data: { bucket: name, how: algorithm } });
  const key = encryption.kmsKeyId;
  const keyPath = encryption.path.replace(/sse_algorithm$/, 'kms_master_key_id');
  const evidence = { path: `${encryption.resource.address}.${keyPath}`, value: key ?? null };
  if (key === null || key === undefined || key === '') return context.fail({ resource, messageId: 'awsManagedKey', data: { bucket: name }, evidence: [evidence], ...at });
  // Whose key it is, by the shared helper: alias/aws/s3 by name or ARN, a key KMS reported as AWS managed, a
  // data source that looks one up, a key of another account; live, a key that was not read is unknown.
  const management = kmsKeyManagement(context.inventory, encryption.resource, keyPath);
  if (isUnknown(management)) return context.unknown({ resource, messageId: 'keyUnknown', data: { bucket: name }, reason: management, ...at });
  if (management?.manager === 'AWS') return context.fail({ resource, messageId: 'awsManagedKey', data: { bucket: name }, evidence: [{ ...evidence, note: management.how }], ...at });
  if (management?.key) return context.pass({ resource, messageId: 'kms', data: { bucket: name, how: `${algorithm} with customer managed key ${management.key.address}` } });
  if (management) return context.pass({ resource, messageId: 'kms', data: { bucket: name, how: `${algorithm} with key ${typeof key === 'string' ? key : 'set'}: ${management.how}` } });
  if (isUnknown(key)) return context.unknown({ resource, messageId: 'encryptionUnknown', data: { bucket: name }, reason: key, ...at });
  return context.pass({ resource, messageId: 'kms', data: { bucket: name, how: `${algorithm} with key ${typeof key === 'string' ? key : 'set'}` } });
}
