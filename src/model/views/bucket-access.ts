import type { Resource } from '../resource.js';
import { isUnknown, type Unknown } from '../unknown.js';
import { isValueObject, listOf, type Value, type ValueObject } from '../value.js';
import type { SettingOrigin } from './buckets.js';

/** One grant of a bucket ACL: who (a group's URI, null for a canonical user or e-mail grantee) and what. */
export interface BucketGrant {
  /** Path of the grant inside its resource, for evidence. */
  path: string;
  uri: Value;
  permission: Value;
}

/**
 * An ACL written on a bucket: a canned ACL (`aws_s3_bucket_acl.acl`, legacy `aws_s3_bucket.acl`) and/or
 * explicit grants (`access_control_policy.grant`, legacy `aws_s3_bucket.grant`, live GetBucketAcl).
 */
export interface BucketAcl extends SettingOrigin {
  /** The canned ACL, null when none is written. */
  canned: Value;
  grants: BucketGrant[] | Unknown;
}

/** `aws_s3_bucket_ownership_controls`: `BucketOwnerEnforced` disables ACLs. */
export interface BucketOwnership extends SettingOrigin {
  objectOwnership: Value;
}

/** The bucket policy document (JSON text), from `aws_s3_bucket_policy` or the legacy inline `policy`. */
export interface BucketPolicyDocument extends SettingOrigin {
  document: Value;
}

/** Server access logging: where the logs go. */
export interface BucketLogging extends SettingOrigin {
  targetBucket: Value;
}

/** The access settings of a bucket, whichever resource wrote them. */
export interface BucketAccess {
  acls: BucketAcl[];
  ownership: BucketOwnership | Unknown | undefined;
  policy: BucketPolicyDocument | undefined;
  logging: BucketLogging | Unknown | undefined;
}

export const ACL_TYPE = 'aws_s3_bucket_acl';
export const OWNERSHIP_TYPE = 'aws_s3_bucket_ownership_controls';
export const POLICY_TYPE = 'aws_s3_bucket_policy';
export const LOGGING_TYPE = 'aws_s3_bucket_logging';

/** Access settings written inside the bucket block (AWS provider v3): `acl`, `grant`, `policy`, `logging`. */
export function inlineAccess(resource: Resource, written: (name: string) => boolean): BucketAccess {
  const v = resource.values;
  const access: BucketAccess = { acls: [], ownership: undefined, policy: undefined, logging: undefined };
  const canned = v['acl'];
  const grant = v['grant'];
  const hasCanned = isUnknown(canned) ? written('acl') : canned !== undefined && canned !== null && canned !== '';
  // With a canned ACL the provider computes `grant` from it: then the canned ACL is what decides.
  const cannedKnown = typeof canned === 'string' && canned !== '';
  const hasGrants = isUnknown(grant) ? written('grant') && !cannedKnown : grant !== undefined && grant !== null;
  if (hasCanned || hasGrants) {
    access.acls.push({ resource, path: hasCanned ? 'acl' : 'grant', canned: hasCanned ? canned! : null, grants: hasGrants ? legacyGrants(grant!) : [] });
  }
  const policy = v['policy'];
  if (isUnknown(policy) ? written('policy') : typeof policy === 'string' && policy !== '') access.policy = { resource, path: 'policy', document: policy! };
  const logging = v['logging'];
  const first = firstElement(logging);
  if (isUnknown(first)) {
    if (written('logging')) access.logging = first;
  } else if (isValueObject(first)) {
    access.logging = { resource, path: 'logging.0.target_bucket', targetBucket: first['target_bucket'] ?? null };
  }
  return access;
}

/** `aws_s3_bucket_acl`: `acl` and/or `access_control_policy { grant { grantee { uri } permission } }`. */
export function aclResource(resource: Resource): BucketAcl {
  const v = resource.values;
  const canned = v['acl'] ?? null;
  const policy = v['access_control_policy'];
  if (isUnknown(policy)) {
    // The provider computes access_control_policy from a canned ACL: then the canned ACL is what decides.
    const computed = (typeof canned === 'string' && canned !== '') || (resource.configuredAttributes && !resource.configuredAttributes.includes('access_control_policy'));
    return { resource, path: computed ? 'acl' : 'access_control_policy', canned, grants: computed ? [] : policy };
  }
  const grants = listOf(firstBlock(policy)?.['grant']);
  if (isUnknown(grants)) return { resource, path: 'access_control_policy.0.grant', canned, grants };
  const out: BucketGrant[] = [];
  for (const [i, grant] of grants.entries()) {
    if (isUnknown(grant)) return { resource, path: 'access_control_policy.0.grant', canned, grants: grant };
    if (!isValueObject(grant)) continue;
    const grantee = grant['grantee'];
    const uri = isUnknown(grantee) ? grantee : (firstBlock(grantee)?.['uri'] ?? null);
    out.push({ path: `access_control_policy.0.grant.${i}`, uri, permission: grant['permission'] ?? null });
  }
  return { resource, path: canned !== null ? 'acl' : 'access_control_policy.0.grant', canned, grants: out };
}

export function ownershipResource(resource: Resource): BucketOwnership | Unknown {
  const rule = resource.values['rule'];
  if (isUnknown(rule)) return rule;
  return { resource, path: 'rule.0.object_ownership', objectOwnership: firstBlock(rule)?.['object_ownership'] ?? null };
}

export function policyResource(resource: Resource): BucketPolicyDocument {
  return { resource, path: 'policy', document: resource.values['policy'] ?? null };
}

/** Logging is configured even when its target is known only after apply; live, an Unknown target means GetBucketLogging failed. */
export function loggingResource(resource: Resource): BucketLogging | Unknown {
  const target = resource.values['target_bucket'] ?? null;
  if (isUnknown(target) && resource.source === 'live') return target;
  return { resource, path: 'target_bucket', targetBucket: target };
}

/** Legacy `grant { uri, permissions = [...] }` blocks, one BucketGrant per permission. */
function legacyGrants(value: Value): BucketGrant[] | Unknown {
  const blocks = listOf(value);
  if (isUnknown(blocks)) return blocks;
  const out: BucketGrant[] = [];
  for (const [i, block] of blocks.entries()) {
    if (isUnknown(block)) return block;
    if (!isValueObject(block)) continue;
    const permissions = listOf(block['permissions']);
    if (isUnknown(permissions)) out.push({ path: `grant.${i}.permissions`, uri: block['uri'] ?? null, permission: permissions });
    else for (const permission of permissions) out.push({ path: `grant.${i}.permissions`, uri: block['uri'] ?? null, permission });
  }
  return out;
}

/** The first element of a block list, or the Unknown standing for it (a dynamic block over a collection not known yet is a list holding an Unknown). */
function firstElement(value: Value | undefined): Value | undefined {
  const list = listOf(value);
  return isUnknown(list) ? list : list[0];
}

/** The first block of a nested-block list (Terraform writes a single block as a one-element list). */
export function firstBlock(value: Value | undefined): ValueObject | undefined {
  const list = listOf(value);
  if (isUnknown(list)) return undefined;
  const first = list[0];
  return isValueObject(first) ? first : undefined;
}
