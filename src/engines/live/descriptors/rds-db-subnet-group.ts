import { objects, str, strings } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/**
 * DescribeDBSubnetGroups → `aws_db_subnet_group` (`id` = name, as in Terraform). The API returns no
 * tags here (they would take a call per group), so the resource carries none and tag policies skip it.
 */
export const dbSubnetGroupDescriptor: ResourceDescriptor = {
  type: 'aws_db_subnet_group',
  service: 'rds',
  operation: 'DescribeDBSubnetGroups',
  pageSize: 100,
  configType: 'AWS::RDS::DBSubnetGroup',
  items: (page) => objects(page, 'DBSubnetGroups'),
  map(item, { target }) {
    const name = str(item, 'DBSubnetGroupName');
    if (!name) return [];
    return [
      {
        type: 'aws_db_subnet_group',
        id: name,
        arn: str(item, 'DBSubnetGroupArn') ?? `arn:${target.partition}:rds:${target.region}:${target.account}:subgrp:${name}`,
        name,
        values: {
          name,
          description: str(item, 'DBSubnetGroupDescription'),
          vpc_id: str(item, 'VpcId'),
          subnet_ids: strings(item, 'Subnets', 'SubnetIdentifier'),
          status: str(item, 'SubnetGroupStatus'),
        },
        raw: item,
      },
    ];
  },
};
