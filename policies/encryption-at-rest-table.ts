import { isUnknown, knownString, listOf, isValueObject, type Evidence, type Resource, type Unknown, type Value } from '../src/api.js';

/** How one resource's encryption at rest reads: encrypted, not, or not known before apply. */
export type AtRestState =
  | { state: 'encrypted'; how: string }
  | { state: 'unencrypted'; path: string; value: Value | undefined }
  | { state: 'unknown'; path: string; reason: Unknown };

export interface AtRestEntry {
  type: string;
  /** What it is, for messages ("EFS file system"). */
  kind: string;
  /** The Security Hub control each finding carries; undefined where FSBP has none. */
  control: string | undefined;
  /** Read the state. The provider-defaults table (src/model/provider-defaults.ts) has already given unset attributes their meaning. */
  read(resource: Resource): AtRestState;
  /** Where a customer managed key is set, for types whose key the user may require (options.customerManagedKey). */
  keyPath?: string;
  /**
   * Why the service takes customer managed keys only (CloudWatch Logs), where it does: a key it names is
   * then the customer's without a key record. Elsewhere a live key may be reported by ARN whether AWS or the
   * customer manages it (DynamoDB names its AWS managed aws/dynamodb key by ARN; a secret may name
   * aws/secretsmanager's): only the key read into the inventory (DescribeKey's KeyManager) says which.
   */
  customerKeysOnly?: string;
}

/**
 * Whether a key is set: a known non-empty string, or a plan's key known only after apply (a key the
 * configuration creates or looks up). A live value that could not be read says nothing either way.
 */
const set = (resource: Resource, value: Value | undefined): boolean => (isUnknown(value) ? resource.source !== 'live' : (knownString(value) ?? '') !== '');

/** A boolean attribute that is true when encrypted (also rds-storage-unencrypted's `storage_encrypted`). */
export const flag = (path: string, how: string) => (resource: Resource): AtRestState => {
  const value = resource.values[path];
  if (value === true) return { state: 'encrypted', how };
  if (isUnknown(value)) return { state: 'unknown', path, reason: value };
  return { state: 'unencrypted', path, value };
};

/**
 * Why a store reads as unencrypted, in the words every encryption-at-rest verdict uses (this family,
 * rds-storage-unencrypted, ebs-unencrypted): an unset attribute says what the provider-defaults table
 * took it to mean, else the value written. The evidence is the attribute, its value and that note.
 */
export function unencryptedReason(resource: Resource, path: string, value: Value | undefined): { why: string; evidence: Evidence[] } {
  const note = resource.defaults?.[path];
  const written = value === undefined || value === null ? 'not set' : String(value);
  return { why: note ?? `${path} is ${written}`, evidence: [{ path, value: value ?? null, ...(note ? { note } : {}) }] };
}

/** Encrypted by the service whatever the configuration says; only the key can be chosen. */
const always = (how: string) => (): AtRestState => ({ state: 'encrypted', how });

/** The first block of a nested block list (`encrypt_at_rest[0]`), or the Unknown hiding it. */
function firstBlock(resource: Resource, name: string): Record<string, Value> | Value | undefined {
  const list = listOf(resource.values[name]);
  if (isUnknown(list)) return list;
  const first = list[0];
  return isValueObject(first) ? first : undefined;
}

/**
 * The encryption-at-rest table: Terraform type → the attribute that decides → the control. What an
 * unset attribute means is in the provider-defaults table, shared with every other policy.
 */
export const AT_REST: readonly AtRestEntry[] = [
  { type: 'aws_efs_file_system', kind: 'EFS file system', control: 'EFS.1', read: flag('encrypted', 'encrypted = true') },
  {
    type: 'aws_sqs_queue',
    kind: 'SQS queue',
    control: 'SQS.1',
    read(resource) {
      const key = resource.values['kms_master_key_id'];
      if (set(resource, key)) return { state: 'encrypted', how: 'SSE-KMS (kms_master_key_id)' };
      const sse = flag('sqs_managed_sse_enabled', 'SSE-SQS (sqs_managed_sse_enabled)')(resource);
      return sse.state === 'unencrypted' && isUnknown(key) ? { state: 'unknown', path: 'kms_master_key_id', reason: key } : sse;
    },
  },
  {
    type: 'aws_sns_topic',
    kind: 'SNS topic',
    control: 'SNS.1',
    read(resource) {
      const key = resource.values['kms_master_key_id'];
      if (set(resource, key)) return { state: 'encrypted', how: 'KMS (kms_master_key_id)' };
      if (isUnknown(key)) return { state: 'unknown', path: 'kms_master_key_id', reason: key };
      return { state: 'unencrypted', path: 'kms_master_key_id', value: key };
    },
  },
  { type: 'aws_elasticache_replication_group', kind: 'ElastiCache replication group', control: 'ElastiCache.4', read: flag('at_rest_encryption_enabled', 'at_rest_encryption_enabled = true') },
  {
    type: 'aws_kinesis_stream',
    kind: 'Kinesis stream',
    control: 'Kinesis.1',
    read(resource) {
      const value = resource.values['encryption_type'];
      if (isUnknown(value)) return { state: 'unknown', path: 'encryption_type', reason: value };
      if (knownString(value) === 'KMS') return { state: 'encrypted', how: 'encryption_type = KMS' };
      return { state: 'unencrypted', path: 'encryption_type', value };
    },
  },
  ...(['aws_opensearch_domain', 'aws_elasticsearch_domain'] as const).map((type): AtRestEntry => ({
    type,
    kind: type === 'aws_opensearch_domain' ? 'OpenSearch domain' : 'Elasticsearch domain',
    control: type === 'aws_opensearch_domain' ? 'Opensearch.1' : 'ES.1',
    read(resource) {
      const block = firstBlock(resource, 'encrypt_at_rest');
      if (isUnknown(block)) return { state: 'unknown', path: 'encrypt_at_rest', reason: block };
      const enabled = isValueObject(block) ? block['enabled'] : undefined;
      if (enabled === true) return { state: 'encrypted', how: 'encrypt_at_rest.enabled = true' };
      if (isUnknown(enabled)) return { state: 'unknown', path: 'encrypt_at_rest.0.enabled', reason: enabled };
      return { state: 'unencrypted', path: block === undefined ? 'encrypt_at_rest' : 'encrypt_at_rest.0.enabled', value: enabled };
    },
  })),
  { type: 'aws_redshift_cluster', kind: 'Redshift cluster', control: 'Redshift.10', read: flag('encrypted', 'encrypted = true') },
  { type: 'aws_neptune_cluster', kind: 'Neptune cluster', control: 'Neptune.1', read: flag('storage_encrypted', 'storage_encrypted = true') },
  { type: 'aws_docdb_cluster', kind: 'DocumentDB cluster', control: 'DocumentDB.1', read: flag('storage_encrypted', 'storage_encrypted = true') },
  // Always encrypted at rest; the option customerManagedKey decides whether the key must be the customer's.
  {
    type: 'aws_dynamodb_table',
    kind: 'DynamoDB table',
    control: undefined,
    read: always('DynamoDB encrypts every table at rest'),
    keyPath: 'server_side_encryption.0.kms_key_arn',
  },
  {
    type: 'aws_cloudwatch_log_group',
    kind: 'CloudWatch log group',
    control: undefined,
    read: always('CloudWatch Logs encrypts every log group at rest'),
    keyPath: 'kms_key_id',
    customerKeysOnly: 'CloudWatch Logs takes customer managed keys only',
  },
  {
    type: 'aws_secretsmanager_secret',
    kind: 'Secrets Manager secret',
    control: undefined,
    read: always('Secrets Manager encrypts every secret at rest'),
    keyPath: 'kms_key_id',
  },
];

export const AT_REST_TYPES: string[] = AT_REST.map((entry) => entry.type);
export const CUSTOMER_KEY_TYPES: readonly string[] = AT_REST.filter((entry) => entry.keyPath).map((entry) => entry.type);
