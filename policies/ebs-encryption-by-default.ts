import { definePolicy, isUnknown } from '../src/api.js';

export const ebsEncryptionByDefault = definePolicy({
  id: 'ebs-encryption-by-default',
  title: 'EBS encryption by default is off',
  severity: 'medium',
  description:
    'EBS encryption by default is off in a region, so any volume created there without encrypted = true (by a person, a ' +
    'script or a service) is unencrypted. Live: GetEbsEncryptionByDefault per account and region, reported on an ' +
    'aws_ebs_encryption_by_default record of that region; a region where the call failed is a coverage gap, not a pass. ' +
    'In plans and source: an aws_ebs_encryption_by_default with enabled = false fails (enabled defaults to true), and one ' +
    'whose enabled is known only after apply is unknown. A configuration without one is not a finding: the setting is per ' +
    'account and region and is often managed elsewhere (an account baseline), so only a live audit can tell. AWS Config ' +
    'records no such item, so `--source config` does not read it.',
  remediation:
    'Turn it on in every region the account uses: aws_ebs_encryption_by_default { enabled = true } per region (provider), or ' +
    'aws ec2 enable-ebs-encryption-by-default --region REGION. Choose the key with aws_ebs_default_kms_key.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['2.2.1'],
    'AWS Foundational Security Best Practices': ['EC2.7'],
  },
  tags: ['encryption', 'storage', 'account'],
  resourceTypes: ['aws_ebs_encryption_by_default'],
  messages: {
    enabled: 'EBS encryption by default is on ({{address}})',
    disabled: 'EBS encryption by default is off ({{address}})',
    undecided: 'cannot tell whether {{address}} turns EBS encryption by default on',
  },
  check(context) {
    for (const setting of context.inventory.ofType('aws_ebs_encryption_by_default')) {
      if (setting.mode !== 'managed') continue;
      const enabled = setting.values['enabled'];
      const data = { address: setting.address };
      if (enabled === true) context.pass({ resource: setting, messageId: 'enabled', data });
      else if (isUnknown(enabled)) context.unknown({ resource: setting, path: 'enabled', messageId: 'undecided', data, reason: enabled });
      else context.fail({ resource: setting, path: 'enabled', messageId: 'disabled', data, evidence: [{ path: 'enabled', value: enabled ?? null }] });
    }
  },
});
