import { bool, field, objects, str, tagMap, tagsOf, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { displayName, ec2Arn } from './naming.js';

/**
 * DescribeVpcs → `aws_vpc`. `main_route_table_id`, `default_network_acl_id` and
 * `default_security_group_id` are filled in afterwards from the tables, ACLs and groups read
 * beside it (link-network.ts), as the API does not return them here.
 */
export const vpcDescriptor: ResourceDescriptor = {
  type: 'aws_vpc',
  service: 'ec2',
  operation: 'DescribeVpcs',
  pageSize: 1000,
  configType: 'AWS::EC2::VPC',
  items: (page) => objects(page, 'Vpcs'),
  map(item, { target }) {
    const id = str(item, 'VpcId');
    if (!id) return [];
    const tags = tagsOf(item) ?? tagMap([]);
    const ipv6 = objects(item, 'Ipv6CidrBlockAssociationSet').find((a) => isAssociated(a, 'Ipv6CidrBlockState'));
    const owner = str(item, 'OwnerId');
    return [
      {
        type: 'aws_vpc',
        id,
        arn: ec2Arn(target, owner, 'vpc', id),
        name: displayName(tags, id),
        values: {
          cidr_block: str(item, 'CidrBlock'),
          ipv6_cidr_block: ipv6 ? str(ipv6, 'Ipv6CidrBlock') : null,
          ipv6_association_id: ipv6 ? str(ipv6, 'AssociationId') : null,
          secondary_cidr_blocks: objects(item, 'CidrBlockAssociationSet')
            .filter((a) => isAssociated(a, 'CidrBlockState'))
            .map((a) => str(a, 'CidrBlock'))
            .filter((c): c is string => c !== null && c !== str(item, 'CidrBlock')),
          instance_tenancy: str(item, 'InstanceTenancy'),
          dhcp_options_id: str(item, 'DhcpOptionsId'),
          is_default: bool(item, 'IsDefault') ?? false,
          owner_id: owner ?? target.account,
          state: str(item, 'State'),
          main_route_table_id: null,
          default_route_table_id: null,
          default_network_acl_id: null,
          default_security_group_id: null,
        },
        tags,
        raw: item,
      },
    ];
  },
};

/** A CIDR association counts unless AWS reports it in another state (disassociated, failed…). */
function isAssociated(association: AwsObject, stateField: string): boolean {
  const state = str(field(association, stateField), 'State');
  return state === null || state === 'associated';
}
