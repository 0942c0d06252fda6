import type { EC2Client } from '@aws-sdk/client-ec2';
import { awsErrorCode, awsErrorMessage } from './aws-error.js';
import type { RegionWork } from './collect-region.js';
import { responseBody } from './list-pages.js';

/**
 * One paginated EC2 read per key (a prefix list, a VPC), within the region's concurrency limit: the
 * pages by key, or `[{ Error }]` for a key whose read failed, which is also a gap naming the operation.
 */
export async function readEach(
  work: RegionWork,
  keys: readonly string[],
  operation: string,
  pagesOf: (client: EC2Client, key: string) => AsyncIterable<object>,
): Promise<Record<string, unknown[]>> {
  const { target, clients, limit, gaps } = work;
  const out: Record<string, unknown[]> = {};
  await Promise.all(
    keys.map((key) =>
      limit(async () => {
        try {
          const pages: unknown[] = [];
          for await (const page of pagesOf(clients.get('ec2', target.region) as EC2Client, key)) pages.push(responseBody(page));
          out[key] = pages;
        } catch (error) {
          out[key] = [{ Error: { Code: awsErrorCode(error), Message: awsErrorMessage(error) } }];
          gaps.fail(target, 'ec2', operation, error);
        }
      }),
    ),
  );
  return out;
}
