import { Unknown } from '../../../src/model/unknown.js';
import { describe, expect, it } from 'vitest';
import type { AwsObject } from '../../../src/engines/live/aws-object.js';
import { dbClusterDescriptor } from '../../../src/engines/live/descriptors/rds-db-cluster.js';
import { dbInstanceDescriptor } from '../../../src/engines/live/descriptors/rds-db-instance.js';
import { redshiftClusterDescriptor } from '../../../src/engines/live/descriptors/redshift-cluster.js';
import { redshiftSubnetGroupDescriptor } from '../../../src/engines/live/descriptors/redshift-subnet-group.js';

const target = { account: '644160558196', region: 'ca-central-1', partition: 'aws' };
const context = { target, prefixListEntries: () => [], detail: () => new Unknown('not read in this test') };

/** A DescribeClusters page in the shape AWS returns it (fields as in recorded responses). */
const PAGE = {
  Clusters: [
    {
      ClusterIdentifier: 'c7n-rs',
      NodeType: 'dc2.large',
      ClusterStatus: 'available',
      MasterUsername: 'admin',
      Endpoint: { Address: 'c7n-rs.c1a2b3c4d5e6.ca-central-1.redshift.amazonaws.com', Port: 5439 },
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-6360920a', Status: 'active' }],
      ClusterSubnetGroupName: 'default',
      VpcId: 'vpc-09b75e60',
      PubliclyAccessible: true,
      Encrypted: false,
      NumberOfNodes: 1,
      ClusterNodes: [{ NodeRole: 'SHARED', PrivateIPAddress: '172.31.29.164', PublicIPAddress: '52.60.104.22' }],
      Tags: [],
    },
  ],
};

describe('Redshift descriptors', () => {
  it('map a DescribeClusters page to aws_redshift_cluster with the attributes the network model reads', () => {
    const [item] = redshiftClusterDescriptor.items(PAGE);
    const [draft] = redshiftClusterDescriptor.map(item!, context);
    expect(draft).toMatchObject({
      type: 'aws_redshift_cluster',
      id: 'c7n-rs',
      arn: 'arn:aws:redshift:ca-central-1:644160558196:cluster:c7n-rs',
      values: { publicly_accessible: true, port: 5439, cluster_subnet_group_name: 'default', vpc_security_group_ids: ['sg-6360920a'], ip_address_type: 'ipv4' },
    });
  });

  it('read an AWS Config item (lower camel case) the same way', () => {
    const config: AwsObject = {
      clusterIdentifier: 'dw',
      publiclyAccessible: 'true',
      endpoint: { port: 5439 },
      clusterSubnetGroupName: 'dw',
      vpcSecurityGroups: [{ vpcSecurityGroupId: 'sg-0a1b2c3d4e5f60718', status: 'active' }],
      ipAddressType: 'dualstack',
    };
    const [draft] = redshiftClusterDescriptor.map(config, context);
    expect(draft?.values).toMatchObject({ publicly_accessible: true, port: 5439, vpc_security_group_ids: ['sg-0a1b2c3d4e5f60718'], ip_address_type: 'dualstack' });
    const [group] = redshiftSubnetGroupDescriptor.map({ clusterSubnetGroupName: 'dw', vpcId: 'vpc-1', subnets: [{ subnetIdentifier: 'subnet-1' }] }, context);
    expect(group).toMatchObject({ type: 'aws_redshift_subnet_group', id: 'dw', values: { subnet_ids: ['subnet-1'], vpc_id: 'vpc-1' } });
  });

  it('give Neptune clusters and instances the subnet-group attribute Terraform gives them, DocumentDB the RDS one', () => {
    const [cluster] = dbClusterDescriptor.map({ DBClusterIdentifier: 'graph', Engine: 'neptune', DBSubnetGroup: 'graph' }, context);
    expect(cluster).toMatchObject({ type: 'aws_neptune_cluster', values: { neptune_subnet_group_name: 'graph' } });
    expect(cluster?.values).not.toHaveProperty('db_subnet_group_name');
    const [instance] = dbInstanceDescriptor.map({ DBInstanceIdentifier: 'docs-1', Engine: 'docdb', DBClusterIdentifier: 'docs', DBSubnetGroup: { DBSubnetGroupName: 'docs' } }, context);
    expect(instance).toMatchObject({ type: 'aws_docdb_cluster_instance', values: { db_subnet_group_name: 'docs' } });
  });
});
