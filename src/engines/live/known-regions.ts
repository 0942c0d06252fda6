import { partition } from '@aws-sdk/core/client';

/**
 * The partition (`aws`, `aws-cn`, `aws-us-gov` …) that names `region`, from the partition data the
 * AWS SDK itself resolves endpoints with; undefined for a name no partition lists (a typo, or a
 * region newer than the installed SDK). The SDK answers every name with some partition, and only a
 * listed region comes with its description, which is what tells the two apart.
 */
export function partitionOfRegion(region: string): string | undefined {
  const found = partition(region) as { name: string; description?: string };
  return typeof found.description === 'string' ? found.name : undefined;
}
