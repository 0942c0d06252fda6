import { bool, field, objects, str, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { displayName, ec2Arn } from './naming.js';

/** DescribeSubnets → `aws_subnet`. */
export const subnetDescriptor: ResourceDescriptor = {
  type: 'aws_subnet',
  service: 'ec2',
  operation: 'DescribeSubnets',
  pageSize: 1000,
  configType: 'AWS::EC2::Subnet',
  items: (page) => objects(page, 'Subnets'),
  map(item, { target }) {
    const id = str(item, 'SubnetId');
    if (!id) return [];
    const tags = tagsOf(item) ?? tagMap([]);
    const owner = str(item, 'OwnerId');
    const ipv6 = objects(item, 'Ipv6CidrBlockAssociationSet').find((a) => {
      const state = str(field(a, 'Ipv6CidrBlockState'), 'State');
      return state === null || state === 'associated';
    });
    return [
      {
        type: 'aws_subnet',
        id,
        arn: str(item, 'SubnetArn') ?? ec2Arn(target, owner, 'subnet', id),
        name: displayName(tags, id),
        values: {
          vpc_id: str(item, 'VpcId'),
          cidr_block: str(item, 'CidrBlock'),
          ipv6_cidr_block: ipv6 ? str(ipv6, 'Ipv6CidrBlock') : null,
          availability_zone: str(item, 'AvailabilityZone'),
          availability_zone_id: str(item, 'AvailabilityZoneId'),
          map_public_ip_on_launch: bool(item, 'MapPublicIpOnLaunch') ?? false,
          assign_ipv6_address_on_creation: bool(item, 'AssignIpv6AddressOnCreation') ?? false,
          ipv6_native: bool(item, 'Ipv6Native') ?? false,
          default_for_az: bool(item, 'DefaultForAz') ?? false,
          owner_id: owner ?? target.account,
          state: str(item, 'State'),
        },
        tags,
        raw: item,
      },
    ];
  },
};
