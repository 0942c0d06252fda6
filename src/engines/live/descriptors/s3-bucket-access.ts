import { isUnknown, type Unknown } from '../../../model/unknown.js';
import type { ValueObject } from '../../../model/value.js';
import { field, objects, str, type AwsObject } from '../aws-object.js';

/**
 * The access settings of a bucket (ACL, object ownership, bucket policy, server access logging),
 * read per bucket, as the values of the Terraform resources that manage them. Each returns
 * undefined when the bucket has no such setting, so no resource is made for it.
 */

/** GetBucketAcl → `aws_s3_bucket_acl.access_control_policy` (every bucket has an ACL). */
export function aclValues(acl: AwsObject | Unknown): ValueObject {
  if (isUnknown(acl)) return { access_control_policy: acl };
  const grants = objects(acl, 'Grants').map((grant): ValueObject => {
    const grantee = field(grant, 'Grantee');
    return {
      grantee: [{ type: str(grantee, 'Type'), uri: str(grantee, 'URI'), id: str(grantee, 'ID'), email_address: str(grantee, 'EmailAddress') }],
      permission: str(grant, 'Permission'),
    };
  });
  const owner = field(acl, 'Owner');
  return { access_control_policy: [{ grant: grants, owner: [{ id: str(owner, 'ID'), display_name: str(owner, 'DisplayName') }] }] };
}

/** GetBucketOwnershipControls' `OwnershipControls` → `aws_s3_bucket_ownership_controls.rule`. */
export function ownershipValues(controls: AwsObject | 'none' | Unknown): ValueObject | undefined {
  if (controls === 'none') return undefined;
  if (isUnknown(controls)) return { rule: controls };
  return { rule: objects(controls, 'Rules').map((rule) => ({ object_ownership: str(rule, 'ObjectOwnership') })) };
}

/** GetBucketPolicy's `Policy` (a JSON string) → `aws_s3_bucket_policy.policy`. */
export function policyValues(policy: string | 'none' | Unknown): ValueObject | undefined {
  if (policy === 'none') return undefined;
  return { policy };
}

/** GetBucketLogging: `LoggingEnabled` absent means logging is off → no `aws_s3_bucket_logging`. */
export function loggingValues(logging: AwsObject | Unknown): ValueObject | undefined {
  if (isUnknown(logging)) return { target_bucket: logging, target_prefix: logging };
  const enabled = field(logging, 'LoggingEnabled');
  if (enabled === undefined || enabled === null) return undefined;
  return { target_bucket: str(enabled, 'TargetBucket'), target_prefix: str(enabled, 'TargetPrefix') ?? '' };
}
