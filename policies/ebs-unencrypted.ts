import { definePolicy, isUnknown, isValueObject, listOf } from '../src/api.js';
import { ENCRYPTION_MESSAGES, reportEncryption } from './ebs-encryption/encrypted-verdict.js';

export const ebsUnencrypted = definePolicy({
  id: 'ebs-unencrypted',
  title: 'EBS volume is not encrypted',
  severity: 'medium',
  description:
    'An EBS volume (an aws_ebs_volume, or a root or EBS block device declared inside an aws_instance) is not encrypted: ' +
    'its data at rest, its snapshots and the data moving between it and the instance are readable without a KMS key. ' +
    'When `encrypted` is not set, the volume follows EBS encryption by default: an aws_ebs_encryption_by_default in the ' +
    'same configuration decides (enabled passes, disabled fails); without one, or when its value is known only after apply, ' +
    'the verdict is unknown.',
  remediation:
    'Set encrypted = true (and kms_key_id for a customer managed key), or turn on EBS encryption by default in every ' +
    'region of the account. An existing volume cannot be encrypted in place: copy an encrypted snapshot and create a new ' +
    'volume from it.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['2.2.1'],
    'AWS Foundational Security Best Practices': ['EC2.3'],
    'SOC 2': ['CC6.1'],
    'HIPAA Security Rule': ['164.312(a)(2)(iv)'],
  },
  tags: ['encryption', 'storage'],
  resourceTypes: ['aws_ebs_volume', 'aws_instance', 'aws_ebs_encryption_by_default'],
  messages: ENCRYPTION_MESSAGES,
  check(context) {
    for (const volume of context.inventory.ofType('aws_ebs_volume')) {
      if (volume.mode === 'managed') reportEncryption(context, volume, '', volume.values['encrypted'], `${volume.address}`);
    }
    for (const instance of context.inventory.ofType('aws_instance')) {
      if (instance.mode !== 'managed') continue;
      for (const block of ['root_block_device', 'ebs_block_device'] as const) {
        const devices = listOf(instance.values[block]);
        if (isUnknown(devices)) continue;
        devices.forEach((device, i) => {
          if (!isValueObject(device)) return;
          const name = typeof device['device_name'] === 'string' ? device['device_name'] : block === 'root_block_device' ? 'root' : `#${i}`;
          reportEncryption(context, instance, `${block}.${i}`, device['encrypted'], `${instance.address} ${block === 'root_block_device' ? 'root volume' : `volume ${name}`}`);
        });
      }
    }
  },
});
