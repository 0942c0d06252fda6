import type { Value, ValueObject } from './value.js';

/** Account-level settings that decide what some unset attributes mean (see account-settings.ts). */
export type AccountSetting = 'ebs-encryption-by-default';

/**
 * What an unset attribute means: a fixed value the provider or AWS fills in, the value of an
 * account-level setting the configuration may manage, or something no configuration shows.
 */
export type DefaultMeaning =
  | { value: Value; note: string }
  /** `ifOff`: why the attribute is still undecided when the setting is off (a volume from a snapshot is encrypted as the snapshot is). */
  | { accountSetting: AccountSetting; ifOff?: string }
  | { unknown: string };

export interface ProviderDefault {
  type: string;
  /** Attribute path; a `*` step stands for every block of a nested block list (`root_block_device.*.encrypted`). */
  path: string;
  /** What the unset attribute means for this resource; undefined leaves it unset (another attribute decides, e.g. a replica's source), as source shows it. */
  meaning(values: ValueObject): DefaultMeaning | undefined;
}

const always = (meaning: DefaultMeaning) => (): DefaultMeaning => meaning;
const set = (values: ValueObject, name: string): boolean => values[name] !== undefined && values[name] !== null && values[name] !== '';

/** A new EBS volume is encrypted when encryption by default is on, or when the snapshot it is made from is encrypted. */
const EBS_ENCRYPTION = (values: ValueObject): DefaultMeaning =>
  set(values, 'snapshot_id')
    ? { accountSetting: 'ebs-encryption-by-default', ifOff: 'encrypted is not set and the volume is made from a snapshot, which it takes its encryption from' }
    : { accountSetting: 'ebs-encryption-by-default' };
const IMDS_DEFAULT = always({ unknown: 'http_tokens is not set: whether IMDSv2 is required follows the AMI (ImdsSupport) and the account\'s instance metadata defaults' });
const NOT_PUBLIC = always({ value: false, note: 'publicly_accessible is not set: the provider default is false' });

/**
 * The one table of provider defaults, applied by every engine that reads Terraform (plan and HCL)
 * so that an unset attribute means the same whatever the input. A plan shows a computed attribute
 * as known only after apply and an optional one as null; source shows neither: both become the
 * meaning written here. Live data needs none: the AWS API always returns the effective value.
 */
export const PROVIDER_DEFAULTS: readonly ProviderDefault[] = [
  { type: 'aws_ebs_volume', path: 'encrypted', meaning: EBS_ENCRYPTION },
  { type: 'aws_instance', path: 'root_block_device.*.encrypted', meaning: EBS_ENCRYPTION },
  { type: 'aws_instance', path: 'ebs_block_device.*.encrypted', meaning: EBS_ENCRYPTION },
  { type: 'aws_ebs_encryption_by_default', path: 'enabled', meaning: always({ value: true, note: 'enabled is not set: the provider default is true' }) },
  {
    type: 'aws_db_instance',
    path: 'storage_encrypted',
    meaning: (values) => {
      // A read replica takes its source's encryption: the policy decides from replicate_source_db.
      if (set(values, 'replicate_source_db')) return undefined;
      if (set(values, 'snapshot_identifier')) return { unknown: 'storage_encrypted is not set: a database restored from a snapshot is encrypted as the snapshot is' };
      return { value: false, note: 'storage_encrypted is not set: RDS creates the storage unencrypted' };
    },
  },
  {
    type: 'aws_rds_cluster',
    path: 'storage_encrypted',
    meaning: (values) => {
      if (set(values, 'snapshot_identifier')) return { unknown: 'storage_encrypted is not set: a cluster restored from a snapshot is encrypted as the snapshot is' };
      if (set(values, 'replication_source_identifier')) return { unknown: 'storage_encrypted is not set: a replica cluster is encrypted as its source is' };
      return { value: false, note: 'storage_encrypted is not set: RDS creates the cluster storage unencrypted' };
    },
  },
  { type: 'aws_rds_cluster', path: 'engine_mode', meaning: always({ value: 'provisioned', note: 'engine_mode is not set: the provider default is provisioned' }) },
  { type: 'aws_db_instance', path: 'publicly_accessible', meaning: NOT_PUBLIC },
  { type: 'aws_rds_cluster_instance', path: 'publicly_accessible', meaning: NOT_PUBLIC },
  { type: 'aws_instance', path: 'metadata_options.*.http_tokens', meaning: IMDS_DEFAULT },
  { type: 'aws_launch_template', path: 'metadata_options.*.http_tokens', meaning: IMDS_DEFAULT },
  { type: 'aws_kms_key', path: 'enable_key_rotation', meaning: always({ value: false, note: 'enable_key_rotation is not set: the provider default is false' }) },
  { type: 'aws_kms_key', path: 'key_usage', meaning: always({ value: 'ENCRYPT_DECRYPT', note: 'key_usage is not set: the provider default is ENCRYPT_DECRYPT' }) },
  { type: 'aws_kms_key', path: 'customer_master_key_spec', meaning: always({ value: 'SYMMETRIC_DEFAULT', note: 'customer_master_key_spec is not set: the provider default is SYMMETRIC_DEFAULT' }) },
  { type: 'aws_cloudtrail', path: 'is_multi_region_trail', meaning: always({ value: false, note: 'is_multi_region_trail is not set: the provider default is false' }) },
  { type: 'aws_cloudtrail', path: 'enable_log_file_validation', meaning: always({ value: false, note: 'enable_log_file_validation is not set: the provider default is false' }) },
  // RDS operations (rds-backup-retention, rds-deletion-protection, rds-iam-authentication, rds-auto-minor-upgrade).
  {
    type: 'aws_db_instance',
    path: 'backup_retention_period',
    // A read replica keeps no automated backups of its own unless told to: the policy skips replicas.
    meaning: (values) => (set(values, 'replicate_source_db') ? undefined : { value: 1, note: 'backup_retention_period is not set: RDS keeps automated backups for 1 day (the CreateDBInstance default)' }),
  },
  { type: 'aws_rds_cluster', path: 'backup_retention_period', meaning: always({ value: 1, note: 'backup_retention_period is not set: the provider default is 1 day' }) },
  { type: 'aws_db_instance', path: 'deletion_protection', meaning: always({ value: false, note: 'deletion_protection is not set: the provider default is false' }) },
  { type: 'aws_rds_cluster', path: 'deletion_protection', meaning: always({ value: false, note: 'deletion_protection is not set: the provider default is false' }) },
  { type: 'aws_db_instance', path: 'iam_database_authentication_enabled', meaning: always({ value: false, note: 'iam_database_authentication_enabled is not set: the provider default is false' }) },
  { type: 'aws_rds_cluster', path: 'iam_database_authentication_enabled', meaning: always({ value: false, note: 'iam_database_authentication_enabled is not set: the provider default is false' }) },
  { type: 'aws_db_instance', path: 'auto_minor_version_upgrade', meaning: always({ value: true, note: 'auto_minor_version_upgrade is not set: the provider default is true' }) },
  { type: 'aws_rds_cluster_instance', path: 'auto_minor_version_upgrade', meaning: always({ value: true, note: 'auto_minor_version_upgrade is not set: the provider default is true' }) },
  // Encryption at rest (encryption-at-rest).
  { type: 'aws_efs_file_system', path: 'encrypted', meaning: always({ value: false, note: 'encrypted is not set: the provider default is false' }) },
  {
    type: 'aws_sqs_queue',
    path: 'sqs_managed_sse_enabled',
    // With a KMS key the queue uses SSE-KMS; without one, SQS has encrypted new queues with SSE-SQS since October 2022.
    meaning: (values) => (set(values, 'kms_master_key_id') ? undefined : { value: true, note: 'sqs_managed_sse_enabled is not set: SQS encrypts new queues with SSE-SQS by default' }),
  },
  {
    type: 'aws_elasticache_replication_group',
    path: 'at_rest_encryption_enabled',
    meaning: (values) => {
      const engine = values['engine'];
      if (engine !== undefined && engine !== null && typeof engine !== 'string') return { unknown: 'at_rest_encryption_enabled is not set: its default depends on the engine (true for valkey, false for redis)' };
      return engine === 'valkey'
        ? { value: true, note: 'at_rest_encryption_enabled is not set: the provider default for valkey is true' }
        : { value: false, note: 'at_rest_encryption_enabled is not set: the provider default for redis is false' };
    },
  },
  { type: 'aws_kinesis_stream', path: 'encryption_type', meaning: always({ value: 'NONE', note: 'encryption_type is not set: the provider default is NONE' }) },
  { type: 'aws_redshift_cluster', path: 'encrypted', meaning: always({ value: true, note: 'encrypted is not set: AWS encrypts every new cluster since January 2025 (provider v6 default true)' }) },
  { type: 'aws_neptune_cluster', path: 'storage_encrypted', meaning: always({ value: false, note: 'storage_encrypted is not set: the provider default is false' }) },
  { type: 'aws_docdb_cluster', path: 'storage_encrypted', meaning: always({ value: false, note: 'storage_encrypted is not set: the provider default is false' }) },
  { type: 'aws_cloudtrail', path: 'enable_logging', meaning: always({ value: true, note: 'enable_logging is not set: the provider default is true' }) },
];

/** The table by resource type: most resources have no entry and are skipped with one lookup. */
export const PROVIDER_DEFAULTS_BY_TYPE: ReadonlyMap<string, readonly ProviderDefault[]> = (() => {
  const byType = new Map<string, ProviderDefault[]>();
  for (const entry of PROVIDER_DEFAULTS) {
    const list = byType.get(entry.type);
    if (list) list.push(entry);
    else byType.set(entry.type, [entry]);
  }
  return byType;
})();
