import {
  ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE,
  PUBLIC_ACCESS_BLOCK_FLAGS,
  accountPublicAccessBlock,
  definePolicy,
  isUnknown,
  locate,
  publicAccessBlockInForce,
} from '../src/api.js';

export const s3BucketPublicAccessBlock = definePolicy({
  id: 's3-bucket-public-access-block',
  title: 'S3 bucket does not block public access',
  severity: 'high',
  description:
    'An S3 bucket does not have all four public access block settings in force (block_public_acls, block_public_policy, ' +
    'ignore_public_acls, restrict_public_buckets). S3 applies the more restrictive of the bucket\'s own block ' +
    '(aws_s3_bucket_public_access_block; none means all four off) and the account\'s (aws_s3_account_public_access_block ' +
    'in the same configuration, or the live account\'s), so a setting is in force when either has it on; the pass ' +
    'text names the block that applies. In plan and source, an account block the configuration does not manage is not ' +
    'assumed: the bucket\'s own block decides. A setting known only after apply, or a block that could not be read live, ' +
    'is unknown. Security Hub S3.8 looks at the bucket\'s own settings only; warden also accepts the account block, ' +
    'because it is what S3 enforces.',
  remediation:
    'Add an aws_s3_bucket_public_access_block for the bucket with all four settings true, or turn them on account-wide ' +
    'with aws_s3_account_public_access_block. A bucket that must serve public content should sit behind CloudFront with ' +
    'origin access control.',
  frameworks: { 'AWS Foundational Security Best Practices': ['S3.8'] },
  tags: ['storage', 'public-access'],
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_public_access_block', ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE],
  messages: {
    blocked: 'bucket {{bucket}} blocks public access: all four settings are in force ({{blocks}})',
    notBlocked: 'bucket {{bucket}} does not block public access: {{flags}} not in force ({{where}})',
    flagUnknown: 'cannot tell whether bucket {{bucket}} blocks public access: {{flag}} is not known',
  },
  check(context) {
    const account = accountPublicAccessBlock(context.inventory);
    for (const bucket of context.inventory.buckets) {
      if (bucket.resource.mode !== 'managed') continue;
      const name = typeof bucket.name === 'string' ? bucket.name : bucket.resource.address;
      const inForce = publicAccessBlockInForce(bucket, account);
      const off = PUBLIC_ACCESS_BLOCK_FLAGS.filter((flag) => inForce[flag].value === false);
      const unknown = PUBLIC_ACCESS_BLOCK_FLAGS.find((flag) => isUnknown(inForce[flag].value));
      const own = bucket.publicAccessBlock;
      const ownResource = own && !isUnknown(own) ? own.resource : undefined;
      if (off.length > 0) {
        const where = [
          ownResource ? `${ownResource.address} leaves them off` : 'the bucket has no aws_s3_bucket_public_access_block',
          account ? 'the account block leaves them off too' : 'no account block in this configuration',
        ].join('; ');
        const location = ownResource ? locate(ownResource, off[0]!) : undefined;
        context.fail({
          resource: bucket.resource,
          messageId: 'notBlocked',
          data: { bucket: name, flags: off.join(', '), where },
          evidence: ownResource
            ? off.map((flag) => ({ path: `${ownResource.address}.${flag}`, value: false }))
            : [{ path: `${bucket.resource.address} (no aws_s3_bucket_public_access_block)`, value: off.join(', '), note: 'all four off' }],
          ...(location ? { location } : {}),
        });
      } else if (unknown) {
        const why = inForce[unknown];
        context.unknown({ resource: bucket.resource, messageId: 'flagUnknown', data: { bucket: name, flag: unknown }, reason: isUnknown(why.value) ? why.value : `${unknown} is not known` });
      } else {
        const by = new Set(PUBLIC_ACCESS_BLOCK_FLAGS.map((flag) => inForce[flag].by).filter((r) => r !== undefined));
        const blocks = [...by].map((r) => `the ${r.type === ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE ? 'account' : 'bucket'} block ${r.address}`);
        context.pass({ resource: bucket.resource, messageId: 'blocked', data: { bucket: name, blocks: `set by ${blocks.join(' and ')}` } });
      }
    }
  },
});
