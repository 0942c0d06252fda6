import { str } from './aws-object.js';
import { operationKey } from './descriptors/index.js';
import { securityGroupDescriptor } from './descriptors/ec2-security-group.js';

/**
 * The VPCs whose groups were listed: DescribeStaleSecurityGroups takes one VPC per call, so a region
 * costs one paginated call per VPC that has groups (bounded by the VPC quota, 5 by default), not one
 * per group.
 */
export function vpcsWithGroups(responses: Record<string, unknown[]>): string[] {
  const vpcs = new Set<string>();
  for (const page of responses[operationKey(securityGroupDescriptor)] ?? []) {
    for (const group of securityGroupDescriptor.items(page)) {
      const vpc = str(group, 'VpcId');
      if (vpc) vpcs.add(vpc);
    }
  }
  return [...vpcs].sort();
}
