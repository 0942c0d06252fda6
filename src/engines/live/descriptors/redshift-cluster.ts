import { bool, field, num, objects, str, strings, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/**
 * Redshift DescribeClusters → `aws_redshift_cluster` (`id` = the cluster identifier, as in Terraform).
 * `port` comes from the endpoint, which a cluster being created has not yet: then the database model
 * falls back to Redshift's default 5439.
 */
export const redshiftClusterDescriptor: ResourceDescriptor = {
  type: 'aws_redshift_cluster',
  service: 'redshift',
  operation: 'DescribeClusters',
  pageSize: 100,
  configType: 'AWS::Redshift::Cluster',
  items: (page) => objects(page, 'Clusters'),
  map(item, { target }) {
    const identifier = str(item, 'ClusterIdentifier');
    if (!identifier) return [];
    const endpoint = field(item, 'Endpoint');
    return [
      {
        type: 'aws_redshift_cluster',
        id: identifier,
        arn: `arn:${target.partition}:redshift:${target.region}:${target.account}:cluster:${identifier}`,
        name: identifier,
        values: {
          cluster_identifier: identifier,
          node_type: str(item, 'NodeType'),
          number_of_nodes: num(item, 'NumberOfNodes'),
          publicly_accessible: bool(item, 'PubliclyAccessible') ?? false,
          port: num(endpoint, 'Port'),
          endpoint: str(endpoint, 'Address'),
          cluster_subnet_group_name: str(item, 'ClusterSubnetGroupName'),
          cluster_parameter_group_name: str(objects(item, 'ClusterParameterGroups')[0], 'ParameterGroupName'),
          vpc_security_group_ids: strings(item, 'VpcSecurityGroups', 'VpcSecurityGroupId'),
          vpc_id: str(item, 'VpcId'),
          ip_address_type: str(item, 'IpAddressType') ?? 'ipv4',
          encrypted: bool(item, 'Encrypted') ?? false,
          kms_key_id: str(item, 'KmsKeyId'),
          enhanced_vpc_routing: bool(item, 'EnhancedVpcRouting') ?? false,
          database_name: str(item, 'DBName'),
          cluster_version: str(item, 'ClusterVersion'),
          automated_snapshot_retention_period: num(item, 'AutomatedSnapshotRetentionPeriod'),
          availability_zone: str(item, 'AvailabilityZone'),
          multi_az: str(item, 'MultiAZ') === 'Enabled',
          status: str(item, 'ClusterStatus'),
        },
        tags: tagsOf(item) ?? tagMap([]),
        raw: item,
      },
    ];
  },
};
