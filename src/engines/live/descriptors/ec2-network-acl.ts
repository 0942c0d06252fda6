import { bool, field, num, objects, str, strings, tagMap, tagsOf, type AwsObject } from '../aws-object.js';
import type { ValueObject } from '../../../model/value.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { displayName, ec2Arn } from './naming.js';

/**
 * DescribeNetworkAcls → `aws_network_acl`, or `aws_default_network_acl` for a VPC's default ACL (as
 * Terraform names it; `default_network_acl_id` set), with `ingress`/`egress` entry lists and the
 * associated `subnet_ids`. Every entry is kept, including the final `*` deny (rule 32767).
 */
export const networkAclDescriptor: ResourceDescriptor = {
  type: 'aws_network_acl',
  service: 'ec2',
  operation: 'DescribeNetworkAcls',
  pageSize: 1000,
  configType: 'AWS::EC2::NetworkAcl',
  items: (page) => objects(page, 'NetworkAcls'),
  map(item, { target }) {
    const id = str(item, 'NetworkAclId');
    if (!id) return [];
    const tags = tagsOf(item) ?? tagMap([]);
    const owner = str(item, 'OwnerId');
    const isDefault = bool(item, 'IsDefault') === true;
    const entries = objects(item, 'Entries');
    return [
      {
        type: isDefault ? 'aws_default_network_acl' : 'aws_network_acl',
        id,
        arn: ec2Arn(target, owner, 'network-acl', id),
        name: displayName(tags, id),
        values: {
          vpc_id: str(item, 'VpcId'),
          owner_id: owner ?? target.account,
          subnet_ids: strings(item, 'Associations', 'SubnetId'),
          ingress: entries.filter((e) => bool(e, 'Egress') !== true).map(entry),
          egress: entries.filter((e) => bool(e, 'Egress') === true).map(entry),
          ...(isDefault ? { default_network_acl_id: id } : {}),
        },
        tags,
        raw: item,
      },
    ];
  },
};

function entry(e: AwsObject): ValueObject {
  const ports = field(e, 'PortRange');
  const icmp = field(e, 'IcmpTypeCode');
  return {
    rule_no: num(e, 'RuleNumber'),
    action: str(e, 'RuleAction'),
    protocol: str(e, 'Protocol'),
    from_port: num(ports, 'From') ?? 0,
    to_port: num(ports, 'To') ?? 0,
    cidr_block: str(e, 'CidrBlock'),
    ipv6_cidr_block: str(e, 'Ipv6CidrBlock'),
    icmp_type: num(icmp, 'Type'),
    icmp_code: num(icmp, 'Code'),
  };
}
