import type { ResourceDescriptor } from './descriptor.js';
import { REGIONAL_DESCRIPTORS } from './descriptors/index.js';
import { IAM_TYPES } from './descriptors/iam-authorization-details.js';
import { BUCKET_TYPES } from './descriptors/s3-bucket.js';

/** What a live audit reads: the regional list calls, and whether the account's S3 buckets and IAM. */
export interface CollectionScope {
  descriptors: readonly ResourceDescriptor[];
  buckets: boolean;
  iam: boolean;
}

/**
 * The collection the selected policies need: the descriptors producing a type they read, plus the
 * types those descriptors need to be decided (prefix lists of rules and routes). No `wanted` means a
 * policy did not say what it reads: then everything is read, since a type left out would silently pass.
 */
export function collectionScope(wanted: ((type: string) => boolean) | undefined): CollectionScope {
  if (wanted === undefined) return { descriptors: REGIONAL_DESCRIPTORS, buckets: true, iam: true };
  const produced = (d: ResourceDescriptor): string[] => [d.type, ...(d.alsoProduces ?? [])];
  const chosen = new Set(REGIONAL_DESCRIPTORS.filter((d) => produced(d).some(wanted)));
  for (const descriptor of [...chosen]) {
    for (const type of descriptor.needs ?? []) for (const needed of REGIONAL_DESCRIPTORS) if (produced(needed).includes(type)) chosen.add(needed);
  }
  return { descriptors: REGIONAL_DESCRIPTORS.filter((d) => chosen.has(d)), buckets: BUCKET_TYPES.some(wanted), iam: IAM_TYPES.some(wanted) };
}

/** The types a set of policies reads, or undefined when one of them does not declare its types. */
export function typesReadBy(policies: readonly { resourceTypes?: readonly string[] }[]): string[] | undefined {
  const types = new Set<string>();
  for (const policy of policies) {
    if (!policy.resourceTypes) return undefined;
    for (const type of policy.resourceTypes) types.add(type);
  }
  return [...types].sort();
}
