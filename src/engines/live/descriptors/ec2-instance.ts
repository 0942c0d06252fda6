import { bool, field, num, objects, str, strings, tagMap, tagsOf, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { metadataOptionsBlock } from './metadata-options.js';
import { displayName, ec2Arn } from './naming.js';

/**
 * DescribeInstances → `aws_instance`. Pages hold reservations; each instance is taken with its
 * reservation's owner. Terminated instances (still listed for about an hour) are left out.
 */
export const instanceDescriptor: ResourceDescriptor = {
  type: 'aws_instance',
  service: 'ec2',
  operation: 'DescribeInstances',
  pageSize: 1000,
  configType: 'AWS::EC2::Instance',
  items: (page) =>
    objects(page, 'Reservations').flatMap((reservation) => {
      const owner = str(reservation, 'OwnerId');
      return objects(reservation, 'Instances').map((instance): AwsObject => (owner && !field(instance, 'OwnerId') ? { ...instance, OwnerId: owner } : instance));
    }),
  map(item, { target }) {
    const id = str(item, 'InstanceId');
    const state = str(field(item, 'State'), 'Name');
    if (!id || state === 'terminated') return [];
    const tags = tagsOf(item) ?? tagMap([]);
    const owner = str(item, 'OwnerId');
    const interfaces = objects(item, 'NetworkInterfaces');
    const primary = interfaces.find((i) => num(field(i, 'Attachment'), 'DeviceIndex') === 0);
    const profileArn = str(field(item, 'IamInstanceProfile'), 'Arn');
    return [
      {
        type: 'aws_instance',
        id,
        arn: ec2Arn(target, owner, 'instance', id),
        name: displayName(tags, id),
        values: {
          ami: str(item, 'ImageId'),
          instance_type: str(item, 'InstanceType'),
          availability_zone: str(field(item, 'Placement'), 'AvailabilityZone'),
          subnet_id: str(item, 'SubnetId'),
          vpc_id: str(item, 'VpcId'),
          vpc_security_group_ids: strings(item, 'SecurityGroups', 'GroupId'),
          private_ip: str(item, 'PrivateIpAddress'),
          public_ip: str(item, 'PublicIpAddress'),
          // As the provider reads it: whether the instance has a public IPv4 (an Elastic IP counts).
          associate_public_ip_address: str(item, 'PublicIpAddress') !== null,
          private_dns: str(item, 'PrivateDnsName'),
          public_dns: str(item, 'PublicDnsName'),
          ipv6_addresses: interfaces.flatMap((i) => strings(i, 'Ipv6Addresses', 'Ipv6Address')),
          primary_network_interface_id: primary ? str(primary, 'NetworkInterfaceId') : null,
          key_name: str(item, 'KeyName'),
          iam_instance_profile: profileArn ? profileArn.slice(profileArn.lastIndexOf('/') + 1) : null,
          instance_state: state,
          ebs_optimized: bool(item, 'EbsOptimized'),
          monitoring: str(field(item, 'Monitoring'), 'State') === 'enabled',
          metadata_options: metadataOptionsBlock(item),
          owner_id: owner ?? target.account,
        },
        tags,
        raw: item,
      },
    ];
  },
};
