import {
  ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE,
  accountPublicAccessBlock,
  definePolicy,
  isUnknown,
  locate,
  publicAccessBlockInForce,
  type Bucket,
  type FlagInForce,
  type Unknown,
  type Value,
} from '../src/api.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const GROUPS: Record<string, string> = { [ALL_USERS]: 'AllUsers (anyone)', [AUTHENTICATED_USERS]: 'AuthenticatedUsers (any AWS account)' };

/** What each public canned ACL grants, as S3 expands it. */
const CANNED: Record<string, { group: string; permission: string }[]> = {
  'public-read': [{ group: ALL_USERS, permission: 'READ' }],
  'public-read-write': [
    { group: ALL_USERS, permission: 'READ' },
    { group: ALL_USERS, permission: 'WRITE' },
  ],
  'authenticated-read': [{ group: AUTHENTICATED_USERS, permission: 'READ' }],
};

/** Permissions that let the grantee change the bucket's content or ACL: public write (S3.3). */
const WRITE_PERMISSIONS = new Set(['WRITE', 'WRITE_ACP', 'FULL_CONTROL']);

interface PublicGrant {
  text: string;
  write: boolean;
}

export const s3BucketPublicAcl = definePolicy({
  id: 's3-bucket-public-acl',
  title: 'S3 bucket ACL grants public access',
  severity: 'critical',
  description:
    'An S3 bucket\'s ACL grants access to everyone (the AllUsers group) or to every AWS account (AuthenticatedUsers): a ' +
    'canned ACL public-read, public-read-write or authenticated-read (aws_s3_bucket_acl.acl, legacy aws_s3_bucket.acl), ' +
    'or a grant to either group (aws_s3_bucket_acl access_control_policy, legacy aws_s3_bucket grant, live GetBucketAcl). ' +
    'Write access (WRITE, WRITE_ACP, FULL_CONTROL; S3.3) is critical, read access (S3.2) high. The grant counts only when ' +
    'nothing neutralises it, and the text names what would: object ownership BucketOwnerEnforced ' +
    '(aws_s3_bucket_ownership_controls; ACLs are then disabled) or ignore_public_acls in force in the bucket\'s or the ' +
    'account\'s public access block; in plan and source also block_public_acls, with which S3 rejects the public ACL when ' +
    'Terraform applies it (live, block_public_acls does not affect an ACL already in place). Without ownership controls ' +
    'the bucket is taken to have ACLs enabled. A setting known only after apply is unknown; live, the ACL and ownership ' +
    'are read per bucket (GetBucketAcl, GetBucketOwnershipControls) and with --source config they are unknown.',
  remediation:
    'Remove the public grant (acl = "private", or no aws_s3_bucket_acl at all) and disable ACLs with ' +
    'aws_s3_bucket_ownership_controls object_ownership = "BucketOwnerEnforced"; turn on ignore_public_acls and ' +
    'block_public_acls in the bucket\'s and the account\'s public access block. Serve public content through CloudFront.',
  frameworks: { 'AWS Foundational Security Best Practices': ['S3.2', 'S3.3'] },
  tags: ['storage', 'public-access'],
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_acl', 'aws_s3_bucket_ownership_controls', 'aws_s3_bucket_public_access_block', ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE],
  messages: {
    notPublic: 'bucket {{bucket}} ACL grants nothing to AllUsers or AuthenticatedUsers',
    neutralised: 'bucket {{bucket}} ACL grants {{grants}}, but {{stopper}}',
    publicAcl: 'bucket {{bucket}} ACL grants {{grants}}; {{fix}}',
    aclUnknown: 'cannot tell whether bucket {{bucket}} has a public ACL',
    stopperUnknown: 'bucket {{bucket}} ACL grants {{grants}}; cannot tell whether {{what}} stops it',
  },
  check(context) {
    const account = accountPublicAccessBlock(context.inventory);
    for (const bucket of context.inventory.buckets) {
      if (bucket.resource.mode !== 'managed') continue;
      const name = typeof bucket.name === 'string' ? bucket.name : bucket.resource.address;
      const found = publicGrants(bucket);
      const stoppers = neutralisers(bucket, publicAccessBlockInForce(bucket, account));
      const stopper = stoppers.find((s) => s.value === true);
      if (isUnknown(found)) {
        // An ACL not known yet cannot make the bucket public when ACLs are disabled or ignored anyway.
        if (stopper) context.pass({ resource: bucket.resource, messageId: 'neutralised', data: { bucket: name, grants: 'whatever it is', stopper: stopper.text } });
        else context.unknown({ resource: bucket.resource, messageId: 'aclUnknown', data: { bucket: name }, reason: found });
        continue;
      }
      if (found.grants.length === 0) {
        context.pass({ resource: bucket.resource, messageId: 'notPublic', data: { bucket: name } });
        continue;
      }
      const grants = found.grants.map((g) => g.text).join(', ');
      const severity = found.grants.some((g) => g.write) ? 'critical' : 'high';
      if (stopper) {
        context.pass({ resource: bucket.resource, messageId: 'neutralised', data: { bucket: name, grants, stopper: stopper.text } });
        continue;
      }
      const undecided = stoppers.find((s) => isUnknown(s.value));
      const location = locate(found.origin.resource, found.origin.path);
      const where = { ...(location ? { location } : {}), evidence: [{ path: `${found.origin.resource.address}.${found.origin.path}`, value: grants }] };
      if (undecided) {
        context.unknown({ resource: bucket.resource, severity, messageId: 'stopperUnknown', data: { bucket: name, grants, what: undecided.name }, reason: undecided.value as Unknown, ...where });
        continue;
      }
      const fix =
        bucket.resource.source === 'live'
          ? 'no block stops it: ignore_public_acls (bucket or account) or object ownership BucketOwnerEnforced would'
          : 'no block stops it: ignore_public_acls or block_public_acls (bucket or account) or object ownership BucketOwnerEnforced would';
      context.fail({ resource: bucket.resource, severity, messageId: 'publicAcl', data: { bucket: name, grants, fix }, ...where });
    }
  },
});

/** The grants to the public groups in every ACL written on the bucket, and where the first is written. */
function publicGrants(bucket: Bucket): { grants: PublicGrant[]; origin: { resource: Bucket['resource']; path: string } } | Unknown {
  const grants: PublicGrant[] = [];
  let origin: { resource: Bucket['resource']; path: string } | undefined;
  for (const acl of bucket.acls) {
    if (isUnknown(acl.canned)) return acl.canned;
    if (isUnknown(acl.grants)) return acl.grants;
    if (typeof acl.canned === 'string') {
      for (const grant of CANNED[acl.canned] ?? []) grants.push(describe(grant.group, grant.permission, acl.canned));
      if (grants.length > 0) origin ??= { resource: acl.resource, path: acl.path };
    }
    for (const grant of acl.grants) {
      if (isUnknown(grant.uri)) return grant.uri;
      if (isUnknown(grant.permission)) return grant.permission;
      if (typeof grant.uri !== 'string' || !GROUPS[grant.uri]) continue;
      grants.push(describe(grant.uri, String(grant.permission), undefined));
      // The public grant itself, not the first grant of the list (often the owner's).
      origin ??= { resource: acl.resource, path: grant.path };
    }
  }
  return { grants, origin: origin ?? { resource: bucket.resource, path: '' } };
}

function describe(group: string, permission: string, canned: string | undefined): PublicGrant {
  return { text: `${permission} to ${GROUPS[group]}${canned ? ` (acl ${canned})` : ''}`, write: WRITE_PERMISSIONS.has(permission) };
}

interface Neutraliser {
  name: string;
  value: true | false | Unknown;
  text: string;
}

/** What would stop a public ACL, in the order the text prefers them. */
function neutralisers(bucket: Bucket, inForce: Record<string, FlagInForce>): Neutraliser[] {
  const out: Neutraliser[] = [];
  const ownership = bucket.ownership;
  if (ownership !== undefined) {
    const value: Value = isUnknown(ownership) ? ownership : ownership.objectOwnership;
    const where = isUnknown(ownership) ? 'aws_s3_bucket_ownership_controls' : ownership.resource.address;
    out.push({
      name: 'object ownership',
      value: isUnknown(value) ? value : value === 'BucketOwnerEnforced',
      text: `ACLs are disabled (object ownership BucketOwnerEnforced, ${where})`,
    });
  }
  const flag = (key: string, text: string): void => {
    const state = inForce[key]!;
    out.push({ name: key, value: state.value, text: `${key} in ${state.by?.address ?? 'a public access block'} ${text}` });
  };
  flag('ignore_public_acls', 'makes S3 ignore it');
  if (bucket.resource.source !== 'live') flag('block_public_acls', 'makes S3 reject it when Terraform applies it');
  return out;
}
