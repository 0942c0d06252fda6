import { bool, num, objects, str, strings, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { clusterTypeFor, NEPTUNE_DOCDB_CLUSTER_TYPES, subnetGroupAttributeFor } from './rds-engine-types.js';

/** DescribeDBClusters → `aws_rds_cluster` (Neptune/DocumentDB clusters to their own types); `id` is the cluster identifier, as in Terraform. */
export const dbClusterDescriptor: ResourceDescriptor = {
  type: 'aws_rds_cluster',
  service: 'rds',
  operation: 'DescribeDBClusters',
  pageSize: 100,
  configType: 'AWS::RDS::DBCluster',
  alsoProduces: NEPTUNE_DOCDB_CLUSTER_TYPES,
  items: (page) => objects(page, 'DBClusters'),
  map(item, { target }) {
    const identifier = str(item, 'DBClusterIdentifier');
    if (!identifier) return [];
    const engine = str(item, 'Engine');
    return [
      {
        type: clusterTypeFor(engine),
        id: identifier,
        arn: str(item, 'DBClusterArn') ?? `arn:${target.partition}:rds:${target.region}:${target.account}:cluster:${identifier}`,
        name: identifier,
        values: {
          cluster_identifier: identifier,
          cluster_resource_id: str(item, 'DbClusterResourceId'),
          engine,
          engine_version: str(item, 'EngineVersion'),
          engine_mode: str(item, 'EngineMode'),
          port: num(item, 'Port'),
          endpoint: str(item, 'Endpoint'),
          reader_endpoint: str(item, 'ReaderEndpoint'),
          [subnetGroupAttributeFor(engine)]: str(item, 'DBSubnetGroup'),
          vpc_security_group_ids: strings(item, 'VpcSecurityGroups', 'VpcSecurityGroupId'),
          storage_encrypted: bool(item, 'StorageEncrypted') ?? false,
          kms_key_id: str(item, 'KmsKeyId'),
          publicly_accessible: bool(item, 'PubliclyAccessible'),
          cluster_members: strings(item, 'DBClusterMembers', 'DBInstanceIdentifier'),
          availability_zones: strings(item, 'AvailabilityZones'),
          iam_database_authentication_enabled: bool(item, 'IAMDatabaseAuthenticationEnabled') ?? false,
          deletion_protection: bool(item, 'DeletionProtection') ?? false,
          backup_retention_period: num(item, 'BackupRetentionPeriod'),
          database_name: str(item, 'DatabaseName'),
          status: str(item, 'Status'),
        },
        tags: tagsOf(item) ?? tagMap([]),
        raw: item,
      },
    ];
  },
};

