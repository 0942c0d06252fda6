import { objects, str, strings, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/** Redshift DescribeClusterSubnetGroups → `aws_redshift_subnet_group` (`id` = name, as in Terraform); tags come with the group. */
export const redshiftSubnetGroupDescriptor: ResourceDescriptor = {
  type: 'aws_redshift_subnet_group',
  service: 'redshift',
  operation: 'DescribeClusterSubnetGroups',
  pageSize: 100,
  configType: 'AWS::Redshift::ClusterSubnetGroup',
  items: (page) => objects(page, 'ClusterSubnetGroups'),
  map(item, { target }) {
    const name = str(item, 'ClusterSubnetGroupName');
    if (!name) return [];
    const tags = tagsOf(item);
    return [
      {
        type: 'aws_redshift_subnet_group',
        id: name,
        arn: `arn:${target.partition}:redshift:${target.region}:${target.account}:subnetgroup:${name}`,
        name,
        values: {
          name,
          description: str(item, 'Description'),
          vpc_id: str(item, 'VpcId'),
          subnet_ids: strings(item, 'Subnets', 'SubnetIdentifier'),
        },
        ...(tags ? { tags } : {}),
        raw: item,
      },
    ];
  },
};
