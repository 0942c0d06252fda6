import type { DetailCall, ResourceDescriptor } from './descriptor.js';
import { REGIONAL_DESCRIPTORS } from './descriptors/index.js';
import { IAM_TYPES } from './descriptors/iam-authorization-details.js';
import { ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE } from './descriptors/s3-account-public-access-block.js';
import { IAM_ACCOUNT_TYPES } from './descriptors/iam-account-settings.js';
import { BUCKET_TYPES } from './descriptors/s3-bucket.js';

/** What a live audit reads: the regional list calls, and whether the account's S3 buckets, its S3 public access block and IAM. */
export interface CollectionScope {
  descriptors: readonly ResourceDescriptor[];
  buckets: boolean;
  accountPublicAccessBlock: boolean;
  iam: boolean;
  /** The credential report, account summary and password policy. */
  iamAccount: boolean;
  /** Per-item calls of the chosen descriptors that fill only attributes no selected policy reads (`DetailCall.fills`). */
  skippedDetails: ReadonlySet<DetailCall>;
}

/**
 * The collection the selected policies need: the descriptors producing a type they read, plus the
 * types those descriptors need to be decided (prefix lists of rules and routes), without the detail
 * calls that fill only attributes none of them reads (`readsAttribute`; undefined: every attribute
 * of a type read is read). No `wanted` means a policy did not say what it reads: then everything is
 * read, since a type left out would silently pass.
 */
export function collectionScope(wanted: ((type: string) => boolean) | undefined, readsAttribute?: (type: string, attribute: string) => boolean): CollectionScope {
  if (wanted === undefined) return { descriptors: REGIONAL_DESCRIPTORS, buckets: true, accountPublicAccessBlock: true, iam: true, iamAccount: true, skippedDetails: new Set() };
  const produced = (d: ResourceDescriptor): string[] => [d.type, ...(d.alsoProduces ?? [])];
  const chosen = new Set(REGIONAL_DESCRIPTORS.filter((d) => produced(d).some(wanted)));
  for (const descriptor of [...chosen]) {
    for (const type of descriptor.needs ?? []) for (const needed of REGIONAL_DESCRIPTORS) if (produced(needed).includes(type)) chosen.add(needed);
  }
  const descriptors = REGIONAL_DESCRIPTORS.filter((d) => chosen.has(d));
  const skippedDetails = new Set<DetailCall>();
  if (readsAttribute) {
    for (const descriptor of descriptors) {
      for (const detail of descriptor.details ?? []) {
        if (detail.fills && !detail.fills.some((attribute) => readsAttribute(descriptor.type, attribute))) skippedDetails.add(detail);
      }
    }
  }
  return {
    descriptors,
    buckets: BUCKET_TYPES.some(wanted),
    accountPublicAccessBlock: wanted(ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE),
    iam: IAM_TYPES.some(wanted),
    iamAccount: IAM_ACCOUNT_TYPES.some(wanted),
    skippedDetails,
  };
}

/**
 * The union of what a set of policies reads (each list from `typesReadWith`: types, globs, or
 * `type.attribute`), or undefined when one of them does not declare what it reads.
 */
export function typesReadBy(lists: readonly (readonly string[] | undefined)[]): string[] | undefined {
  const types = new Set<string>();
  for (const list of lists) {
    if (!list) return undefined;
    for (const type of list) types.add(type);
  }
  return [...types].sort();
}
