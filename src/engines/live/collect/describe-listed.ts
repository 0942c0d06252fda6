import type { ListedBy, ResourceDescriptor } from '../descriptor.js';
import type { RegionWork } from './collect-region.js';
import { listPages, responseBody } from './list-pages.js';

/**
 * Per (account, region) and descriptor, at most this many resources are described one call (or batch)
 * each; beyond it the rest is a coverage gap, so a runaway account costs a bounded number of calls.
 */
export const MAX_DESCRIBED = 1000;

/**
 * The per-resource half of a descriptor whose list call only names its resources (EKS ListClusters →
 * DescribeCluster per cluster; OpenSearch ListDomainNames → DescribeDomains per 5 domains): one describe
 * call per batch of names, each through the region's concurrency limit (and so counted by the client's
 * API call counter). A failed call is a gap naming the describe operation; the other batches are kept.
 */
export async function describeListed(
  work: RegionWork,
  descriptor: ResourceDescriptor,
  listedBy: ListedBy,
  listed: Record<string, unknown>[],
  failed: (operation: string, error: unknown) => void,
): Promise<Record<string, unknown>[]> {
  const names = [...new Set(listed.flatMap((page) => listedBy.names(page)))];
  if (names.length > MAX_DESCRIBED) {
    failed(descriptor.operation, Object.assign(new Error(`${names.length} listed; only the first ${MAX_DESCRIBED} were described`), { name: 'TooManyResources' }));
    names.length = MAX_DESCRIBED;
  }
  const batches: string[][] = [];
  for (let i = 0; i < names.length; i += listedBy.batch) batches.push(names.slice(i, i + listedBy.batch));
  const pages = await Promise.all(
    batches.map((batch) =>
      work.limit(async () => {
        try {
          const out: Record<string, unknown>[] = [];
          const call = { service: descriptor.service, operation: descriptor.operation, input: listedBy.describeInput(batch) };
          for await (const page of listPages(call, work.clients, work.target.region)) out.push(responseBody(page));
          return out;
        } catch (error) {
          failed(descriptor.operation, error);
          return [];
        }
      }),
    ),
  );
  return pages.flat();
}
