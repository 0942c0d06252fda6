import { definePolicy, isUnknown } from '../src/api.js';

export const cloudtrailKmsEncryption = definePolicy({
  id: 'cloudtrail-kms-encryption',
  title: 'CloudTrail trail is not encrypted with a KMS key',
  severity: 'medium',
  description:
    'A CloudTrail trail (aws_cloudtrail) has no kms_key_id: its log files are encrypted only with the bucket\'s S3 ' +
    'managed keys (SSE-S3), so anyone who may read the bucket may read the logs. With a KMS key (SSE-KMS), reading ' +
    'them also needs kms:Decrypt on that key. At plan time a key known only after apply (a key created in the same ' +
    'plan) passes when the configuration names the key (a reference), and is unknown otherwise. Live, each trail is checked once, in its home region (DescribeTrails).',
  remediation:
    'Create a KMS key whose policy lets CloudTrail encrypt (cloudtrail.amazonaws.com, kms:GenerateDataKey*) and set ' +
    'kms_key_id = aws_kms_key.KEY.arn on the aws_cloudtrail.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['3.5'],
    'AWS Foundational Security Best Practices': ['CloudTrail.2'],
    'PCI DSS 4.0': ['10.3.2'],
  },
  tags: ['logging', 'cloudtrail', 'encryption'],
  resourceTypes: ['aws_cloudtrail'],
  messages: {
    notEncrypted: '{{trail}} is not encrypted with a KMS key (kms_key_id is not set)',
    encryptionUnknown: '{{trail}}: cannot tell whether it is encrypted with a KMS key',
    encrypted: '{{trail}} is encrypted with KMS key {{key}}',
  },
  check(context) {
    for (const trail of context.inventory.ofType('aws_cloudtrail')) {
      if (trail.mode !== 'managed') continue;
      const data = { trail: trail.address };
      const key = trail.values['kms_key_id'];
      // A key created in the same plan is known only after apply, but the configuration names it.
      const named = trail.references['kms_key_id']?.[0];
      if (typeof key === 'string' && key !== '') context.pass({ resource: trail, messageId: 'encrypted', data: { ...data, key } });
      else if (isUnknown(key) && named) context.pass({ resource: trail, messageId: 'encrypted', data: { ...data, key: named } });
      else if (isUnknown(key)) context.unknown({ resource: trail, path: 'kms_key_id', messageId: 'encryptionUnknown', data, reason: key });
      else context.fail({ resource: trail, messageId: 'notEncrypted', data, evidence: [{ path: 'kms_key_id', value: key ?? null }] });
    }
  },
});
