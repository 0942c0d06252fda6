import { paginateDescribeStaleSecurityGroups } from '@aws-sdk/client-ec2';
import { awsErrorCode, awsErrorMessage } from './aws-error.js';
import type { RegionWork } from './collect-region.js';
import { responseBody } from './list-pages.js';

/** DescribeStaleSecurityGroups' largest page. */
const PAGE_SIZE = 255;

/**
 * Reads the stale rules (a referenced group deleted, or reached through a VPC peering that is gone)
 * of each VPC, within the region's concurrency limit. A failed call is a gap naming the operation and
 * is recorded as `{ Error }`, so the groups of that VPC read as Unknown, never as "not stale".
 */
export async function readStaleGroups(work: RegionWork, vpcs: readonly string[]): Promise<Record<string, unknown[]>> {
  const { target, clients, limit, gaps } = work;
  const out: Record<string, unknown[]> = {};
  await Promise.all(
    vpcs.map((vpc) =>
      limit(async () => {
        try {
          const pages: unknown[] = [];
          const client = clients.get('ec2', target.region);
          for await (const page of paginateDescribeStaleSecurityGroups({ client, pageSize: PAGE_SIZE }, { VpcId: vpc })) pages.push(responseBody(page));
          out[vpc] = pages;
        } catch (error) {
          out[vpc] = [{ Error: { Code: awsErrorCode(error), Message: awsErrorMessage(error) } }];
          gaps.fail(target, 'ec2', 'DescribeStaleSecurityGroups', error);
        }
      }),
    ),
  );
  return out;
}
