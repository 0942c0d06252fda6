import {
  accountPublicAccessBlock,
  ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE,
  admitsAnyone,
  definePolicy,
  isAllow,
  isUnknown,
  locate,
  parsePolicyDocument,
  publicAccessBlockInForce,
  RESOURCE_POLICY_TYPES,
  resourcePoliciesOf,
  restrictingCondition,
  statementLabel,
  Unknown,
  type Bucket,
  type FlagInForce,
  type PolicyDocument,
  type PublicAccessBlockFlag,
  type Resource,
  type Value,
} from '../src/api.js';

const BUCKET_POLICY = 'aws_s3_bucket_policy';
const LAMBDA_PERMISSION = 'aws_lambda_permission';
/** Attributes of aws_lambda_permission that confine a `*` principal to one source, account or organisation. */
const LAMBDA_RESTRICTIONS = ['source_arn', 'source_account', 'principal_org_id'];

export const resourcePolicyPublic = definePolicy({
  id: 'resource-policy-public',
  title: 'Resource policy open to anyone',
  severity: 'critical',
  description:
    'A resource policy has an Allow statement whose principal is `"*"`, `{"AWS": "*"}` or a NotPrincipal, without a ' +
    'condition that restricts the caller (the policy-document model\'s rule, shared with iam-role-trust-open: a positive ' +
    'StringEquals/StringLike/ArnEquals/ArnLike test, not negated, not …IfExists, not ForAllValues:, on aws:PrincipalOrgID, ' +
    'aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount, aws:SourceArn, aws:SourceOwner, aws:SourceOrg*, ' +
    'aws:SourceVpc, aws:SourceVpce, sts:ExternalId or kms:CallerAccount, with values that are not wildcards only; aws:SourceIp does not ' +
    'count). Read from: aws_s3_bucket_policy and aws_s3_bucket.policy, aws_kms_key.policy, aws_sqs_queue_policy and ' +
    'aws_sqs_queue.policy, aws_sns_topic_policy and aws_sns_topic.policy, aws_ecr_repository_policy, ' +
    'aws_secretsmanager_secret_policy; and aws_lambda_permission with principal "*" and none of source_arn, ' +
    'source_account, principal_org_id. A bucket policy fails only when no S3 public access block in force neutralises ' +
    'it: restrict_public_buckets on the bucket or the account (aws_s3_account_public_access_block) confines access to ' +
    'the owner account and AWS services; in Terraform source and plans block_public_policy also stops it, because S3 ' +
    'rejects putting the policy, while in a live account it does not stop a policy already in place. The pass names ' +
    'the block. Deny statements are not weighed against the Allow (a Deny with a narrower condition leaves the rest ' +
    'open). Unknown: a document, statement list, Effect, principal or condition known only after apply (in .tf source a principal written as a resource\'s own ARN (`aws_iam_role.r.arn`), an account id attribute (`data.aws_caller_identity.c.account_id`) or a string with known text before the unknown part (`arn:aws:iam::${…}:root`) is one principal, never anyone), a public access ' +
    'block flag not known, or a bucket policy whose bucket is not in the inventory (its own block cannot be read); an ' +
    'inline policy attribute AWS computes (aws_sqs_queue.policy…) that a plan\'s configuration does not write is no policy. ' +
    'Live collection: bucket policies (GetBucketPolicy, read per bucket by the S3 collector), KMS key policies ' +
    '(GetKeyPolicy per customer managed key), SQS queue policies (GetQueueAttributes per queue) and SNS topic policies ' +
    '(GetTopicAttributes per topic); a failed read is unknown. ECR, Secrets Manager and Lambda permissions are read ' +
    'from Terraform source and plans only: warden has no live collector for those services yet. ' +
    'Security Hub equivalents: S3.2/S3.3 (their bucket-policy half; s3-bucket-public-acl covers ACLs), Lambda.1, KMS.5, ' +
    'SQS.3, SNS.4; Security Hub has no control for ECR repository or Secrets Manager secret policies. aws:SourceIp is ' +
    'deliberately not a restriction here, where Access Analyzer counts it: an address range says nothing about whose ' +
    'credentials sign the request.',
  remediation:
    'Name the accounts, roles or services that need access as principals, or keep the wildcard principal only with an ' +
    'aws:PrincipalOrgID, aws:SourceAccount or aws:SourceArn condition. For aws_lambda_permission set source_arn (and ' +
    'source_account) or principal_org_id. For buckets also turn on restrict_public_buckets and block_public_policy in ' +
    'the account-level public access block.',
  frameworks: { 'AWS Foundational Security Best Practices': ['S3.2', 'S3.3', 'Lambda.1', 'KMS.5', 'SQS.3', 'SNS.4'] },
  tags: ['resource-policy', 'internet-exposure', 's3', 'kms', 'sqs', 'sns', 'lambda', 'ecr', 'secretsmanager'],
  resourceTypes: ['aws_s3_bucket', BUCKET_POLICY, 'aws_s3_bucket_public_access_block', ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE, ...RESOURCE_POLICY_TYPES, LAMBDA_PERMISSION],
  messages: {
    open: '{{target}} policy of {{resource}} allows {{principal}} with no restricting condition ({{statement}}){{blocks}}',
    lambdaOpen: 'Lambda permission {{resource}} lets any principal invoke {{function}} with no source_arn, source_account or principal_org_id',
    policyUnknown: 'cannot tell whether the {{target}} policy of {{resource}} is open to anyone',
    neutralised: '{{target}} policy of {{resource}} allows {{principal}} ({{statement}}), but {{block}} stops public access',
    restricted: 'the {{target}} policy of {{resource}} admits no one-and-all principal without a restricting condition',
    lambdaRestricted: 'Lambda permission {{resource}} is confined to a named principal, source or organisation',
  },
  check(context) {
    const { inventory } = context;
    const account = accountPublicAccessBlock(inventory);
    /** `subject` carries the verdict (a bucket, whichever resource writes its policy); `origin` is where the document is written. */
    const judge = (subject: Resource, origin: { resource: Resource; path: string }, target: string, name: string, document: PolicyDocument | Unknown, stop?: () => Stop): void => {
      const data = { target, resource: name };
      const path = origin.path;
      const resource = subject;
      // Written beside its subject (an aws_s3_bucket_policy): point at the attribute there, not at the bucket.
      const written = origin.resource !== subject ? locate(origin.resource, path) : undefined;
      const at = { path, ...(written ? { location: written } : {}) };
      const open = openStatement(document);
      if (isUnknown(open)) {
        context.unknown({ resource, ...at, messageId: 'policyUnknown', data, reason: open });
        return;
      }
      if (!open) {
        context.pass({ resource, messageId: 'restricted', data });
        return;
      }
      const found = { ...data, principal: open.principal, statement: open.statement };
      const stopped: Stop = stop ? stop() : { by: undefined, would: '' };
      if (isUnknown(stopped)) {
        context.unknown({ resource, ...at, messageId: 'policyUnknown', data, reason: stopped });
      } else if (stopped.by !== undefined) {
        context.pass({ resource, messageId: 'neutralised', data: { ...found, block: stopped.by } });
      } else {
        context.fail({
          resource,
          ...at,
          element: `${open.statement} ${open.principal}`,
          messageId: 'open',
          data: { ...found, blocks: stopped.would },
          evidence: [{ path, value: open.principal, note: `${open.statement}: no condition on the caller's organisation, account or source` }],
        });
      }
    };

    const attached = new Set<Resource>();
    for (const bucket of inventory.buckets) {
      if (!bucket.policy) continue;
      attached.add(bucket.policy.resource);
      const { resource, path, document } = bucket.policy;
      const name = typeof bucket.name === 'string' ? bucket.name : bucket.resource.address;
      const flags = publicAccessBlockInForce(bucket, account);
      judge(bucket.resource, bucket.policy, 'bucket', name, parsePolicyDocument(document, `${resource.address} ${path}`), () => blockStop(resource, flags, account !== undefined, bucket));
    }
    // A bucket policy whose bucket is not in the inventory: only the account block can be read.
    for (const resource of inventory.ofType(BUCKET_POLICY)) {
      if (attached.has(resource)) continue;
      const name = describe(resource.values['bucket']);
      judge(resource, { resource, path: 'policy' }, 'bucket', name, parsePolicyDocument(resource.values['policy'], `${resource.address} policy`), () => blockStop(resource, account, account !== undefined, undefined));
    }
    for (const site of resourcePoliciesOf(inventory)) judge(site.resource, site, site.kind.target, site.resource.address, site.document);
    for (const permission of inventory.ofType(LAMBDA_PERMISSION)) checkLambda(permission);

    function checkLambda(permission: Resource): void {
      const data = { resource: permission.address, function: describe(permission.values['function_name']) };
      const principal = permission.values['principal'];
      if (isUnknown(principal)) {
        context.unknown({ resource: permission, path: 'principal', messageId: 'policyUnknown', data: { target: 'Lambda', resource: permission.address }, reason: new Unknown(`the principal is not known (${principal.reason})`) });
        return;
      }
      const restricted = LAMBDA_RESTRICTIONS.some((name) => isSet(permission.values[name]));
      if (principal !== '*' || restricted) {
        context.pass({ resource: permission, messageId: 'lambdaRestricted', data });
        return;
      }
      context.fail({
        resource: permission,
        path: 'principal',
        element: 'principal "*"',
        messageId: 'lambdaOpen',
        data,
        evidence: [{ path: 'principal', value: '*', note: 'no source_arn, source_account or principal_org_id' }],
      });
    }
  },
});

interface OpenStatement {
  principal: string;
  statement: string;
}

/** What stops an open bucket policy: the block flag in force (`by`), or none and what would (`would`, for the message), or Unknown. */
type Stop = { by: string; would?: undefined } | { by: undefined; would: string } | Unknown;

/** The first Allow statement open to anyone without a restricting condition, false when none is, or Unknown. */
function openStatement(document: PolicyDocument | Unknown): OpenStatement | false | Unknown {
  if (isUnknown(document)) return document;
  let doubt: Unknown | undefined = document.unknown;
  for (const statement of document.statements) {
    const allow = isAllow(statement);
    if (allow === false) continue;
    const anyone = admitsAnyone(statement);
    if (anyone === false) continue;
    const restriction = isUnknown(anyone) ? anyone : restrictingCondition(statement);
    if (isUnknown(allow) || isUnknown(anyone) || isUnknown(restriction)) {
      doubt ??= [allow, anyone, restriction].find(isUnknown);
      continue;
    }
    if (restriction === undefined) return { principal: anyone.principal, statement: statementLabel(statement) };
  }
  return doubt ?? false;
}

/**
 * Whether a public access block in force stops a public bucket policy. restrict_public_buckets does,
 * wherever the policy comes from; block_public_policy only before the policy is put (source and plan:
 * S3 would reject it), not a live policy already in place.
 */
function blockStop(policy: Resource, flags: Record<PublicAccessBlockFlag, FlagInForce> | undefined, accountRead: boolean, bucket: Bucket | undefined): Stop {
  const names: PublicAccessBlockFlag[] = policy.source === 'live' ? ['restrict_public_buckets'] : ['restrict_public_buckets', 'block_public_policy'];
  let doubt: Unknown | undefined;
  for (const name of names) {
    const flag = flags?.[name];
    if (flag?.value === true) return { by: `${name} on ${flag.by?.address ?? 'the account'}` };
    if (flag && isUnknown(flag.value)) doubt ??= new Unknown(`${name} on ${flag.by?.address ?? 'the public access block'} is not known (${flag.value.reason})`);
  }
  if (!bucket) doubt ??= new Unknown(`bucket ${describe(policy.values['bucket'])} is not in the inventory, so its public access block cannot be read`);
  if (doubt) return doubt;
  // Live, an account without a block has no record; in source the account block may be managed elsewhere.
  const where = accountRead || policy.source === 'live' ? 'on the bucket or the account' : 'on the bucket or the account (whose block is not in this inventory)';
  return { by: undefined, would: `; ${names.join(' or ')} ${where} would stop it` };
}

function isSet(value: Value | undefined): boolean {
  return value !== undefined && value !== null && value !== '';
}

function describe(value: Value | undefined): string {
  return typeof value === 'string' ? value : isUnknown(value) ? '(known after apply)' : '(not set)';
}
