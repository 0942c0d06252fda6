import { ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE, PUBLIC_ACCESS_BLOCK_FLAGS, definePolicy, isUnknown, type Unknown } from '../src/api.js';

export const s3AccountPublicAccessBlock = definePolicy({
  id: 's3-account-public-access-block',
  title: 'S3 account-level public access block is not fully on',
  severity: 'medium',
  description:
    'The account-level S3 public access block does not have all four settings on (block_public_acls, block_public_policy, ' +
    'ignore_public_acls, restrict_public_buckets). Plan and source: an aws_s3_account_public_access_block with any of ' +
    'the four false or unset fails; one whose value is known only after apply is unknown. A configuration without an ' +
    'aws_s3_account_public_access_block gets no finding, because the account setting is usually managed elsewhere (a ' +
    'landing-zone or organisation baseline). Live: S3 Control GetPublicAccessBlock for each audited account; an account ' +
    'without the block (NoSuchPublicAccessBlockConfiguration) has all four off and fails; an unreadable block is a ' +
    'coverage gap and unknown.',
  remediation:
    'Add an aws_s3_account_public_access_block with block_public_acls, block_public_policy, ignore_public_acls and ' +
    'restrict_public_buckets all true (or turn on "Block all public access" in the S3 console\'s account settings). ' +
    'Buckets that must be public should be served through CloudFront with origin access control instead.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['2.1.4'],
    'AWS Foundational Security Best Practices': ['S3.1'],
  },
  tags: ['storage', 'public-access'],
  resourceTypes: [ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE],
  messages: {
    allOn: 'account {{account}} blocks public access to S3 with all four public access block settings on',
    flagsOff: 'account {{account}} does not block public access to S3 account-wide ({{flags}} off)',
    flagUnknown: 'cannot tell whether account {{account}} blocks public access to S3 ({{flag}} is not known)',
  },
  check(context) {
    for (const block of context.inventory.ofType(ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE)) {
      if (block.mode !== 'managed') continue;
      const account = typeof block.values['account_id'] === 'string' && block.values['account_id'] !== '' ? block.values['account_id'] : 'of this configuration';
      const off = PUBLIC_ACCESS_BLOCK_FLAGS.filter((flag) => {
        const value = block.values[flag];
        return value === undefined || value === null || value === false || value === 'false';
      });
      const unknown = PUBLIC_ACCESS_BLOCK_FLAGS.map((flag) => [flag, block.values[flag]] as const).find(([, value]) => isUnknown(value));
      if (off.length > 0) {
        context.fail({
          resource: block,
          path: off[0],
          messageId: 'flagsOff',
          data: { account, flags: off.join(', ') },
          evidence: off.map((flag) => ({ path: flag, value: block.values[flag] ?? null, note: block.values[flag] === undefined ? 'not set: false' : undefined })),
        });
      } else if (unknown) {
        context.unknown({ resource: block, path: unknown[0], messageId: 'flagUnknown', data: { account, flag: unknown[0] }, reason: unknown[1] as Unknown });
      } else {
        context.pass({ resource: block, messageId: 'allOn', data: { account } });
      }
    }
  },
});
