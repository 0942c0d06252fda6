import {
  admitsAnyone,
  bucketOfPolicy,
  definePolicy,
  isAllow,
  isUnknown,
  RESOURCE_POLICY_TYPES,
  resourcePoliciesOf,
  restrictingCondition,
  statementLabel,
  Unknown,
  type Inventory,
  type PolicyDocument,
  type Resource,
  type Value,
} from '../src/api.js';

const ACCOUNT_BLOCK = 'aws_s3_account_public_access_block';
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
    'open). Unknown: a document, statement list, Effect, principal or condition known only after apply, a public access ' +
    'block flag not known, or a bucket policy whose bucket is not in the inventory (its own block cannot be read). ' +
    'Live collection: bucket policies (GetBucketPolicy) and KMS key policies (GetKeyPolicy); SQS, SNS, ECR, Secrets ' +
    'Manager and Lambda are read from Terraform only until their live collectors exist. Security Hub equivalents: ' +
    'Lambda.1, KMS.5, SQS.3, SNS.4 and the policy half of S3.2/S3.3 (retired, superseded by S3.8 for blocks); Security ' +
    'Hub has no control for ECR repository or Secrets Manager secret policies.',
  remediation:
    'Name the accounts, roles or services that need access as principals, or keep the wildcard principal only with an ' +
    'aws:PrincipalOrgID, aws:SourceAccount or aws:SourceArn condition. For aws_lambda_permission set source_arn (and ' +
    'source_account) or principal_org_id. For buckets also turn on restrict_public_buckets and block_public_policy in ' +
    'the account-level public access block.',
  frameworks: { 'AWS Foundational Security Best Practices': ['Lambda.1', 'KMS.5', 'SQS.3', 'SNS.4'] },
  tags: ['resource-policy', 'internet-exposure', 's3', 'kms', 'sqs', 'sns', 'lambda', 'ecr', 'secretsmanager'],
  resourceTypes: [...RESOURCE_POLICY_TYPES, LAMBDA_PERMISSION, 'aws_s3_bucket_public_access_block', ACCOUNT_BLOCK],
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
    const s3 = bucketBlocks(inventory);
    for (const site of resourcePoliciesOf(inventory)) {
      const data = { target: site.kind.target, resource: site.resource.address };
      const open = openStatement(site.document);
      if (isUnknown(open)) {
        context.unknown({ resource: site.resource, path: site.path, messageId: 'policyUnknown', data, reason: open });
        continue;
      }
      if (!open) {
        context.pass({ resource: site.resource, messageId: 'restricted', data });
        continue;
      }
      const found = { ...data, principal: open.principal, statement: open.statement };
      const block = site.kind.target === 'bucket' ? s3(site.resource) : { stopped: false as const };
      if (isUnknown(block)) {
        context.unknown({ resource: site.resource, path: site.path, messageId: 'policyUnknown', data, reason: block });
      } else if (block.stopped) {
        context.pass({ resource: site.resource, messageId: 'neutralised', data: { ...found, block: block.by } });
      } else {
        context.fail({
          resource: site.resource,
          path: site.path,
          element: `${open.statement} ${open.principal}`,
          messageId: 'open',
          data: { ...found, blocks: site.kind.target === 'bucket' ? '; no public access block stops it (restrict_public_buckets is off on the bucket and the account)' : '' },
          evidence: [{ path: site.path, value: open.principal, note: `${open.statement}: no condition on the caller's organisation, account or source` }],
        });
      }
    }
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

/** The first Allow statement open to anyone without a restricting condition, false when none is, or Unknown. */
function openStatement(document: PolicyDocument | Unknown): { principal: string; statement: string } | false | Unknown {
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

type BlockAnswer = { stopped: true; by: string } | { stopped: false } | Unknown;

/**
 * For a bucket policy resource, whether a public access block in force stops it: the bucket's own
 * block and the account's, read once for the inventory.
 */
function bucketBlocks(inventory: Inventory): (policy: Resource) => BlockAnswer {
  const bucketOf = bucketOfPolicy(inventory);
  const accountBlocks = inventory.ofType(ACCOUNT_BLOCK);
  const live = (resource: Resource): boolean => resource.source === 'live';
  return (policy) => {
    const bucket = bucketOf(policy);
    // Flags that stop a public policy here: restrict_public_buckets always; block_public_policy only before the policy is put.
    const flags = live(policy) ? ['restrict_public_buckets'] : ['restrict_public_buckets', 'block_public_policy'];
    const candidates: { label: string; values: Value | Record<string, Value> }[] = [];
    if (!bucket) candidates.push({ label: 'the bucket', values: new Unknown(`bucket ${describe(policy.values['bucket'])} is not in the inventory, so its public access block cannot be read`) });
    else if (bucket.publicAccessBlock === undefined) candidates.push({ label: 'the bucket', values: {} });
    else if (isUnknown(bucket.publicAccessBlock)) candidates.push({ label: 'the bucket', values: bucket.publicAccessBlock });
    else {
      const own = bucket.publicAccessBlock;
      candidates.push({ label: `${own.resource.address}`, values: { restrict_public_buckets: own.restrictPublicBuckets, block_public_policy: own.blockPublicPolicy } });
    }
    for (const account of accountBlocks) candidates.push({ label: account.address, values: account.values });
    let doubt: Unknown | undefined;
    for (const { label, values } of candidates) {
      if (isUnknown(values)) {
        doubt ??= values;
        continue;
      }
      for (const flag of flags) {
        const value = (values as Record<string, Value>)[flag];
        if (value === true || value === 'true') return { stopped: true, by: `${flag} on ${label}` };
        if (isUnknown(value)) doubt ??= new Unknown(`${flag} on ${label} is not known (${value.reason})`);
      }
    }
    return doubt ?? { stopped: false };
  };
}

function isSet(value: Value | undefined): boolean {
  return value !== undefined && value !== null && value !== '';
}

function describe(value: Value | undefined): string {
  return typeof value === 'string' ? value : isUnknown(value) ? '(known after apply)' : '(not set)';
}
