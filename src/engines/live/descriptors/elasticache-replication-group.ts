import { bool, num, objects, str } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/**
 * DescribeReplicationGroups → `aws_elasticache_replication_group`. The API leaves the encryption flags
 * out for groups created without them, which is what Terraform's `false` means.
 */
export const replicationGroupDescriptor: ResourceDescriptor = {
  type: 'aws_elasticache_replication_group',
  service: 'elasticache',
  operation: 'DescribeReplicationGroups',
  pageSize: 100,
  configType: 'AWS::ElastiCache::ReplicationGroup',
  items: (page) => objects(page, 'ReplicationGroups'),
  map(item, { target }) {
    const id = str(item, 'ReplicationGroupId');
    if (!id) return [];
    return [
      {
        type: 'aws_elasticache_replication_group',
        id,
        arn: str(item, 'ARN') ?? `arn:${target.partition}:elasticache:${target.region}:${target.account}:replicationgroup:${id}`,
        name: id,
        values: {
          replication_group_id: id,
          description: str(item, 'Description'),
          engine: str(item, 'Engine'),
          status: str(item, 'Status'),
          node_type: str(item, 'CacheNodeType'),
          transit_encryption_enabled: bool(item, 'TransitEncryptionEnabled') ?? false,
          transit_encryption_mode: str(item, 'TransitEncryptionMode'),
          at_rest_encryption_enabled: bool(item, 'AtRestEncryptionEnabled') ?? false,
          auth_token_enabled: bool(item, 'AuthTokenEnabled') ?? false,
          num_node_groups: objects(item, 'NodeGroups').length,
          snapshot_retention_limit: num(item, 'SnapshotRetentionLimit'),
        },
        raw: item,
      },
    ];
  },
};
