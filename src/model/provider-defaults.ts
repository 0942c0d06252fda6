import { DEFAULT_REDSHIFT_PARAMETER_GROUP } from './redshift-parameter-groups.js';
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
  /**
   * What the unset attribute means for this resource (`block`: the nested block holding it, for a `*`
   * path); undefined leaves it unset (another attribute decides, e.g. a replica's source), as source shows it.
   */
  meaning(values: ValueObject, block?: ValueObject): DefaultMeaning | undefined;
  /** The provider stores this attribute as a string that is `""` when not set (launch templates' `encrypted`). */
  emptyIsUnset?: boolean;
}

const always = (meaning: DefaultMeaning) => (): DefaultMeaning => meaning;
const set = (values: ValueObject, name: string): boolean => values[name] !== undefined && values[name] !== null && values[name] !== '';

/** A new EBS volume is encrypted when encryption by default is on, or when the snapshot it is made from is encrypted. */
const EBS_ENCRYPTION = (values: ValueObject, block?: ValueObject): DefaultMeaning =>
  set(block ?? values, 'snapshot_id')
    ? { accountSetting: 'ebs-encryption-by-default', ifOff: 'encrypted is not set and the volume is made from a snapshot, which it takes its encryption from' }
    : { accountSetting: 'ebs-encryption-by-default' };
/**
 * Unset instance metadata options stay unset (no block, null), in plan as in source: what they mean
 * follows the launch template, the AMI's ImdsSupport and the account's instance metadata defaults,
 * which the imdsv2-required policy weighs.
 */
const NO_METADATA_BLOCK = always({ value: [], note: 'metadata_options is not set' });
const METADATA_UNSET = (name: string) => always({ value: null, note: `${name} is not set` });
const NOT_PUBLIC = always({ value: false, note: 'publicly_accessible is not set: the provider default is false' });
const APPLICATION_LB = always({ value: 'application', note: 'load_balancer_type is not set: the provider default is application' });
const KEEPS_INVALID_HEADERS = always({ value: false, note: 'drop_invalid_header_fields is not set: the provider default is false' });
/** A TLS listener without ssl_policy: the provider leaves it to AWS, which uses ELBSecurityPolicy-2016-08 for API-created listeners. */
const LISTENER_SSL_POLICY = (values: ValueObject): DefaultMeaning | undefined => {
  const protocol = values['protocol'];
  if (typeof protocol !== 'string' || !['HTTPS', 'TLS'].includes(protocol.toUpperCase())) return undefined;
  return { value: 'ELBSecurityPolicy-2016-08', note: 'ssl_policy is not set: AWS uses ELBSecurityPolicy-2016-08' };
};

/**
 * The one table of provider defaults, applied by every engine that reads Terraform (plan and HCL)
 * so that an unset attribute means the same whatever the input. A plan shows a computed attribute
 * as known only after apply and an optional one as null; source shows neither: both become the
 * meaning written here. Live data is given them too: the API returns the effective value of most,
 * but a launch template or configuration leaves unset what the launch decides (block-device encryption).
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
  { type: 'aws_lb', path: 'load_balancer_type', meaning: APPLICATION_LB },
  { type: 'aws_alb', path: 'load_balancer_type', meaning: APPLICATION_LB },
  { type: 'aws_lb', path: 'drop_invalid_header_fields', meaning: KEEPS_INVALID_HEADERS },
  { type: 'aws_alb', path: 'drop_invalid_header_fields', meaning: KEEPS_INVALID_HEADERS },
  { type: 'aws_lb_listener', path: 'ssl_policy', meaning: LISTENER_SSL_POLICY },
  { type: 'aws_alb_listener', path: 'ssl_policy', meaning: LISTENER_SSL_POLICY },
  { type: 'aws_eks_cluster', path: 'vpc_config.*.endpoint_public_access', meaning: always({ value: true, note: 'endpoint_public_access is not set: the provider default is true' }) },
  {
    type: 'aws_eks_cluster',
    path: 'vpc_config.*.public_access_cidrs',
    meaning: always({ value: ['0.0.0.0/0'], note: 'public_access_cidrs is not set: EKS opens the public endpoint to 0.0.0.0/0' }),
  },
  ...['aws_opensearch_domain', 'aws_elasticsearch_domain'].flatMap((type): ProviderDefault[] => [
    { type, path: 'node_to_node_encryption', meaning: always({ value: [{ enabled: false }], note: 'node_to_node_encryption is not set: the domain is created without it' }) },
    { type, path: 'domain_endpoint_options', meaning: always({ value: [{ enforce_https: false }], note: 'domain_endpoint_options is not set: the domain is created without HTTPS enforcement' }) },
    { type, path: 'domain_endpoint_options.*.enforce_https', meaning: always({ value: true, note: 'enforce_https is not set: the provider default is true' }) },
  ]),
  {
    type: 'aws_elasticache_replication_group',
    path: 'transit_encryption_enabled',
    meaning: always({ value: false, note: 'transit_encryption_enabled is not set: the group is created without encryption in transit' }),
  },
  ...['aws_instance', 'aws_launch_template', 'aws_launch_configuration'].flatMap((type): ProviderDefault[] => [
    { type, path: 'metadata_options', meaning: NO_METADATA_BLOCK },
    { type, path: 'metadata_options.*.http_tokens', meaning: METADATA_UNSET('http_tokens') },
    { type, path: 'metadata_options.*.http_endpoint', meaning: METADATA_UNSET('http_endpoint') },
  ]),
  { type: 'aws_launch_template', path: 'block_device_mappings.*.ebs.*.encrypted', meaning: EBS_ENCRYPTION, emptyIsUnset: true },
  // Optional and computed: the provider reads back the group a rule names, so a plan shows it known only after apply
  // even for a rule of CIDRs; a rule whose configuration names no group has none (a self rule names its own by `self`).
  { type: 'aws_security_group_rule', path: 'source_security_group_id', meaning: always({ value: null, note: 'source_security_group_id is not set: the rule names no security group' }) },
  { type: 'aws_subnet', path: 'map_public_ip_on_launch', meaning: always({ value: false, note: 'map_public_ip_on_launch is not set: the provider default is false' }) },
  // Unset, the launch follows the subnet's map_public_ip_on_launch: left unset for the policy to follow.
  { type: 'aws_instance', path: 'associate_public_ip_address', meaning: always({ value: null, note: 'associate_public_ip_address is not set' }) },
  { type: 'aws_launch_configuration', path: 'associate_public_ip_address', meaning: always({ value: null, note: 'associate_public_ip_address is not set' }) },
  { type: 'aws_launch_template', path: 'network_interfaces.*.associate_public_ip_address', meaning: always({ value: null, note: 'associate_public_ip_address is not set' }), emptyIsUnset: true },
  { type: 'aws_launch_configuration', path: 'root_block_device.*.encrypted', meaning: EBS_ENCRYPTION },
  { type: 'aws_launch_configuration', path: 'ebs_block_device.*.encrypted', meaning: EBS_ENCRYPTION },
  { type: 'aws_neptune_cluster_instance', path: 'publicly_accessible', meaning: NOT_PUBLIC },
  // Provider v5 and earlier default it to true, v6 to false: source does not say which provider applies it.
  {
    type: 'aws_redshift_cluster',
    path: 'cluster_parameter_group_name',
    meaning: always({ value: DEFAULT_REDSHIFT_PARAMETER_GROUP, note: `cluster_parameter_group_name is not set: Redshift uses ${DEFAULT_REDSHIFT_PARAMETER_GROUP}` }),
  },
  { type: 'aws_redshift_cluster', path: 'publicly_accessible', meaning: always({ unknown: 'publicly_accessible is not set: AWS provider v5 and earlier make the cluster public (default true), v6 does not; set it explicitly' }) },
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
