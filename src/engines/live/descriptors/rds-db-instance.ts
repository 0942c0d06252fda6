import { bool, field, num, objects, str, strings, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { instanceTypeFor, NEPTUNE_DOCDB_INSTANCE_TYPES, subnetGroupAttributeFor } from './rds-engine-types.js';

/**
 * DescribeDBInstances → `aws_db_instance`, or `aws_rds_cluster_instance` for an Aurora cluster
 * member (Terraform's split). `id` is the DBI resource id and `identifier` the name, as in provider
 * v5; `port` comes from the endpoint (Config: `endpoint.port`), null while the instance has none yet.
 */
export const dbInstanceDescriptor: ResourceDescriptor = {
  type: 'aws_db_instance',
  service: 'rds',
  operation: 'DescribeDBInstances',
  pageSize: 100,
  configType: 'AWS::RDS::DBInstance',
  alsoProduces: ['aws_rds_cluster_instance', ...NEPTUNE_DOCDB_INSTANCE_TYPES],
  items: (page) => objects(page, 'DBInstances'),
  map(item, { target }) {
    const identifier = str(item, 'DBInstanceIdentifier');
    if (!identifier) return [];
    const engine = str(item, 'Engine');
    const cluster = str(item, 'DBClusterIdentifier');
    const endpoint = field(item, 'Endpoint');
    const address = str(endpoint, 'Address');
    const endpointPort = num(endpoint, 'Port');
    const instancePort = num(item, 'DbInstancePort');
    const port = endpointPort ?? (instancePort !== null && instancePort > 0 ? instancePort : null);
    const arn = str(item, 'DBInstanceArn') ?? `arn:${target.partition}:rds:${target.region}:${target.account}:db:${identifier}`;
    return [
      {
        type: instanceTypeFor(engine, cluster !== null),
        id: str(item, 'DbiResourceId') ?? identifier,
        arn,
        name: identifier,
        values: {
          identifier,
          resource_id: str(item, 'DbiResourceId'),
          cluster_identifier: cluster,
          engine,
          engine_version: str(item, 'EngineVersion'),
          instance_class: str(item, 'DBInstanceClass'),
          publicly_accessible: bool(item, 'PubliclyAccessible') ?? false,
          port,
          address,
          endpoint: address && port !== null ? `${address}:${port}` : null,
          [subnetGroupAttributeFor(engine)]: str(field(item, 'DBSubnetGroup'), 'DBSubnetGroupName'),
          vpc_security_group_ids: strings(item, 'VpcSecurityGroups', 'VpcSecurityGroupId'),
          storage_encrypted: bool(item, 'StorageEncrypted') ?? false,
          kms_key_id: str(item, 'KmsKeyId'),
          multi_az: bool(item, 'MultiAZ') ?? false,
          availability_zone: str(item, 'AvailabilityZone'),
          iam_database_authentication_enabled: bool(item, 'IAMDatabaseAuthenticationEnabled') ?? false,
          deletion_protection: bool(item, 'DeletionProtection') ?? false,
          auto_minor_version_upgrade: bool(item, 'AutoMinorVersionUpgrade') ?? true,
          backup_retention_period: num(item, 'BackupRetentionPeriod'),
          allocated_storage: num(item, 'AllocatedStorage'),
          storage_type: str(item, 'StorageType'),
          db_name: str(item, 'DBName'),
          status: str(item, 'DBInstanceStatus'),
        },
        tags: tagsOf(item) ?? tagMap([]),
        raw: item,
      },
    ];
  },
};
