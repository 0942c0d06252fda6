import { objects, str, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { displayName, ec2Arn } from './naming.js';

/** DescribeAddresses (one call, the API does not page) → `aws_eip`; `association_id` is null when the address is not associated with anything. */
export const eipDescriptor: ResourceDescriptor = {
  type: 'aws_eip',
  service: 'ec2',
  operation: 'DescribeAddresses',
  configType: 'AWS::EC2::EIP',
  items: (page) => objects(page, 'Addresses'),
  map(item, { target }) {
    const allocation = str(item, 'AllocationId');
    const id = allocation ?? str(item, 'PublicIp');
    if (!id) return [];
    const tags = tagsOf(item) ?? tagMap([]);
    return [
      {
        type: 'aws_eip',
        id,
        ...(allocation ? { arn: ec2Arn(target, null, 'elastic-ip', allocation) } : {}),
        name: displayName(tags, str(item, 'PublicIp') ?? id),
        values: {
          allocation_id: allocation,
          association_id: str(item, 'AssociationId'),
          domain: str(item, 'Domain'),
          instance: str(item, 'InstanceId'),
          network_interface: str(item, 'NetworkInterfaceId'),
          network_interface_owner_id: str(item, 'NetworkInterfaceOwnerId'),
          private_ip: str(item, 'PrivateIpAddress'),
          public_ip: str(item, 'PublicIp'),
          public_ipv4_pool: str(item, 'PublicIpv4Pool'),
          network_border_group: str(item, 'NetworkBorderGroup'),
          customer_owned_ip: str(item, 'CustomerOwnedIp'),
          carrier_ip: str(item, 'CarrierIp'),
        },
        tags,
        raw: item,
      },
    ];
  },
};
