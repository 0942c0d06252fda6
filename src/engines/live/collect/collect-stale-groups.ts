import { paginateDescribeStaleSecurityGroups } from '@aws-sdk/client-ec2';
import type { RegionWork } from './collect-region.js';
import { readEach } from './read-each.js';

/** DescribeStaleSecurityGroups' largest page. */
const PAGE_SIZE = 255;

/**
 * Reads the stale rules (a referenced group deleted, or reached through a VPC peering that is gone)
 * of each VPC, within the region's concurrency limit. A failed call is a gap naming the operation and
 * is recorded as `{ Error }`, so the groups of that VPC read as Unknown, never as "not stale".
 */
export function readStaleGroups(work: RegionWork, vpcs: readonly string[]): Promise<Record<string, unknown[]>> {
  return readEach(work, vpcs, 'DescribeStaleSecurityGroups', (client, vpc) => paginateDescribeStaleSecurityGroups({ client, pageSize: PAGE_SIZE }, { VpcId: vpc }));
}
