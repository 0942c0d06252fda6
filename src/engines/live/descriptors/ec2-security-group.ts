import type { ValueObject } from '../../../model/value.js';
import { field, num, objects, str, tagMap, tagsOf, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor, StaleRules } from '../descriptor.js';
import { isUnknown, type Unknown } from '../../../model/unknown.js';
import { ec2Arn } from './naming.js';

/**
 * DescribeSecurityGroups → `aws_security_group` with Terraform-shaped inline `ingress`/`egress`
 * blocks: one block per API permission. A permission naming the group itself becomes `self = true`;
 * a group of another account is written `account/sg-…` as Terraform does. Config items carry the
 * same permissions in lower camel case, with the CIDRs under `ipv4Ranges[].cidrIp` (their `ipRanges`
 * is a bare string list).
 */
export const securityGroupDescriptor: ResourceDescriptor = {
  type: 'aws_security_group',
  service: 'ec2',
  operation: 'DescribeSecurityGroups',
  needs: ['aws_ec2_managed_prefix_list'],
  pageSize: 1000,
  configType: 'AWS::EC2::SecurityGroup',
  items: (page) => objects(page, 'SecurityGroups'),
  map(item, context) {
    const { target } = context;
    const id = str(item, 'GroupId');
    if (!id) return [];
    const owner = str(item, 'OwnerId') ?? target.account;
    const block = (permission: AwsObject): ValueObject => toBlock(permission, id, owner);
    const vpc = str(item, 'VpcId');
    return [
      {
        type: 'aws_security_group',
        id,
        arn: ec2Arn(target, owner, 'security-group', id),
        name: str(item, 'GroupName') ?? id,
        values: {
          name: str(item, 'GroupName'),
          description: str(item, 'Description'),
          vpc_id: str(item, 'VpcId'),
          owner_id: owner,
          ingress: objects(item, 'IpPermissions').map(block),
          egress: objects(item, 'IpPermissionsEgress').map(block),
          ...(vpc ? staleValues(context.staleRules(vpc, id)) : {}),
        },
        tags: tagsOf(item) ?? tagMap([]),
        raw: item,
      },
    ];
  },
};

/**
 * Not a Terraform attribute: the rules DescribeStaleSecurityGroups calls stale (the group they name is
 * deleted, or the VPC peering it was reached through is), each with the groups it names and where
 * AWS last saw them. Unknown when the call was not made or failed (sg-stale-reference reads it).
 */
function staleValues(stale: StaleRules | Unknown): ValueObject {
  if (isUnknown(stale)) return { stale_ingress: stale, stale_egress: stale };
  const rule = (permission: AwsObject): ValueObject => ({
    protocol: str(permission, 'IpProtocol') ?? '-1',
    from_port: num(permission, 'FromPort') ?? 0,
    to_port: num(permission, 'ToPort') ?? 0,
    referenced_groups: objects(permission, 'UserIdGroupPairs').map((pair) => ({
      group_id: str(pair, 'GroupId'),
      vpc_id: str(pair, 'VpcId'),
      vpc_peering_connection_id: str(pair, 'VpcPeeringConnectionId'),
      peering_status: str(pair, 'PeeringStatus'),
    })),
  });
  return { stale_ingress: stale.ingress.map(rule), stale_egress: stale.egress.map(rule) };
}

function toBlock(permission: AwsObject, groupId: string, owner: string): ValueObject {
  const protocol = str(permission, 'IpProtocol') ?? '-1';
  const all = protocol === '-1';
  const ipv4 = cidrs(permission, ['Ipv4Ranges', 'IpRanges'], 'CidrIp');
  const ipv6 = cidrs(permission, ['Ipv6Ranges'], 'CidrIpv6');
  const prefixLists = objects(permission, 'PrefixListIds').map((p) => str(p, 'PrefixListId')).filter(isString);
  const pairs = objects(permission, 'UserIdGroupPairs');
  const self = pairs.some((p) => str(p, 'GroupId') === groupId);
  const groups = pairs
    .filter((p) => str(p, 'GroupId') !== groupId)
    .map((p) => {
      const group = str(p, 'GroupId');
      const user = str(p, 'UserId');
      return group && user && user !== owner ? `${user}/${group}` : group;
    })
    .filter(isString);
  return {
    protocol,
    from_port: all ? 0 : (num(permission, 'FromPort') ?? 0),
    to_port: all ? 0 : (num(permission, 'ToPort') ?? 0),
    cidr_blocks: ipv4.map((r) => r.cidr),
    ipv6_cidr_blocks: ipv6.map((r) => r.cidr),
    prefix_list_ids: prefixLists,
    security_groups: groups,
    self,
    description: commonDescription([
      ...[...ipv4, ...ipv6].map((r) => r.description),
      ...[...objects(permission, 'PrefixListIds'), ...pairs].map((o) => str(o, 'Description')),
    ]),
  };
}

/** CIDR ranges from the first list that holds objects (`ipv4Ranges` in Config, `IpRanges` in the API), else a bare string list. */
function cidrs(permission: AwsObject, lists: string[], key: string): { cidr: string; description: string | null }[] {
  for (const list of lists) {
    const value = field(permission, list);
    if (!Array.isArray(value) || value.length === 0) continue;
    const out: { cidr: string; description: string | null }[] = [];
    for (const range of value) {
      const cidr = typeof range === 'string' ? range : str(range, key);
      if (cidr) out.push({ cidr, description: typeof range === 'string' ? null : str(range, 'Description') });
    }
    if (out.length > 0) return out;
  }
  return [];
}

/** Terraform has one description per block; the API has one per source. Keep it when all sources agree. */
function commonDescription(descriptions: (string | null)[]): string | null {
  const distinct = new Set(descriptions);
  return distinct.size === 1 ? ([...distinct][0] ?? null) : null;
}

function isString(value: string | null): value is string {
  return value !== null;
}
