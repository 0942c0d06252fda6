import { bool, field, num, objects, str, strings, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { displayName, ec2Arn } from './naming.js';

/**
 * DescribeNetworkInterfaces → `aws_network_interface`, with `attachment` and the public
 * `association` (public IP) as lists like the Terraform data source. RDS instances show up here as
 * interfaces described `RDSNetworkInterface`, which is where a database's public IP can be read.
 */
export const networkInterfaceDescriptor: ResourceDescriptor = {
  type: 'aws_network_interface',
  service: 'ec2',
  operation: 'DescribeNetworkInterfaces',
  pageSize: 1000,
  configType: 'AWS::EC2::NetworkInterface',
  items: (page) => objects(page, 'NetworkInterfaces'),
  map(item, { target }) {
    const id = str(item, 'NetworkInterfaceId');
    if (!id) return [];
    // Interfaces a service creates and manages (RDS, Lambda, load balancers) are not the account's to tag.
    const managed = bool(item, 'RequesterManaged') === true;
    const tags = tagsOf(item) ?? tagMap([]);
    const owner = str(item, 'OwnerId');
    const attachment = field(item, 'Attachment');
    const association = field(item, 'Association');
    return [
      {
        type: 'aws_network_interface',
        id,
        arn: ec2Arn(target, owner, 'network-interface', id),
        name: displayName(tags, id),
        values: {
          subnet_id: str(item, 'SubnetId'),
          vpc_id: str(item, 'VpcId'),
          availability_zone: str(item, 'AvailabilityZone'),
          description: str(item, 'Description'),
          interface_type: str(item, 'InterfaceType'),
          private_ip: str(item, 'PrivateIpAddress'),
          private_ips: strings(item, 'PrivateIpAddresses', 'PrivateIpAddress'),
          ipv6_addresses: strings(item, 'Ipv6Addresses', 'Ipv6Address'),
          security_groups: strings(item, 'Groups', 'GroupId'),
          source_dest_check: bool(item, 'SourceDestCheck'),
          mac_address: str(item, 'MacAddress'),
          owner_id: owner ?? target.account,
          requester_id: str(item, 'RequesterId'),
          requester_managed: managed,
          status: str(item, 'Status'),
          attachment: attachment
            ? [
                {
                  attachment_id: str(attachment, 'AttachmentId'),
                  instance: str(attachment, 'InstanceId'),
                  instance_owner_id: str(attachment, 'InstanceOwnerId'),
                  device_index: num(attachment, 'DeviceIndex'),
                  status: str(attachment, 'Status'),
                },
              ]
            : [],
          association: association
            ? [
                {
                  public_ip: str(association, 'PublicIp'),
                  public_dns_name: str(association, 'PublicDnsName'),
                  allocation_id: str(association, 'AllocationId'),
                  association_id: str(association, 'AssociationId'),
                  ip_owner_id: str(association, 'IpOwnerId'),
                  carrier_ip: str(association, 'CarrierIp'),
                  customer_owned_ip: str(association, 'CustomerOwnedIp'),
                },
              ]
            : [],
        },
        ...(managed ? {} : { tags }),
        raw: item,
      },
    ];
  },
};
