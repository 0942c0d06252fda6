import { definePolicy, isUnknown, isValueObject, listOf, type PolicyContext, type Resource } from '../src/api.js';
import { ENCRYPTION_MESSAGES, reportEncryption } from './ebs-encryption/encrypted-verdict.js';

export const launchBlockDeviceUnencrypted = definePolicy({
  id: 'launch-block-device-unencrypted',
  title: 'Launch template or launch configuration creates unencrypted EBS volumes',
  severity: 'medium',
  description:
    'An EBS block device that a launch template (block_device_mappings { ebs { encrypted } }) or a launch configuration ' +
    '(root_block_device, ebs_block_device) declares is not encrypted, so every instance launched from it gets an unencrypted ' +
    'volume. When encrypted is not set, the volume follows EBS encryption by default: an aws_ebs_encryption_by_default in the ' +
    'same configuration decides (enabled passes, disabled fails); without one, or when it is known only after apply, or when ' +
    'the configuration spans several AWS provider configurations, the verdict is unknown. A device made from a snapshot with ' +
    'encryption by default off is unknown (it takes the snapshot\'s encryption). Block devices only the AMI declares are not ' +
    'seen. Live: launch templates are read at their latest version (DescribeLaunchTemplateVersions $Latest) and launch ' +
    'configurations with DescribeLaunchConfigurations (every EBS mapping, root or not); an unset Encrypted follows the ' +
    'region\'s GetEbsEncryptionByDefault, unknown when that call failed. Instances\' own root and EBS block devices are ' +
    'ebs-unencrypted\'s. Security Hub EC2.3 checks attached volumes; this is its launch-time counterpart.',
  remediation:
    'Set encrypted = true (and kms_key_id for a customer managed key) on each EBS block device, or turn on EBS encryption by ' +
    'default in every region of the account (aws_ebs_encryption_by_default).',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['2.2.1'],
    'AWS Foundational Security Best Practices': ['EC2.3'],
  },
  tags: ['encryption', 'storage', 'compute'],
  resourceTypes: ['aws_launch_template', 'aws_launch_configuration', 'aws_ebs_encryption_by_default'],
  messages: ENCRYPTION_MESSAGES,
  check(context) {
    for (const template of context.inventory.ofType('aws_launch_template')) {
      if (template.mode !== 'managed') continue;
      const mappings = listOf(template.values['block_device_mappings']);
      if (isUnknown(mappings)) {
        context.unknown({ resource: template, path: 'block_device_mappings', messageId: 'encryptionUnknown', data: { what: `${template.address} block devices` }, reason: mappings });
        continue;
      }
      mappings.forEach((mapping, i) => {
        if (!isValueObject(mapping)) return;
        const ebs = listOf(mapping['ebs']);
        const device = deviceName(mapping['device_name'], `#${i}`);
        if (isUnknown(ebs)) {
          context.unknown({ resource: template, element: `block_device_mappings.${i}`, messageId: 'encryptionUnknown', data: { what: `${template.address} volume ${device}` }, reason: ebs });
          return;
        }
        ebs.forEach((volume, j) => {
          if (isValueObject(volume)) reportEncryption(context, template, `block_device_mappings.${i}.ebs.${j}`, volume['encrypted'], `${template.address} volume ${device}`);
        });
      });
    }
    for (const configuration of context.inventory.ofType('aws_launch_configuration')) {
      if (configuration.mode === 'managed') checkLaunchConfiguration(context, configuration);
    }
  },
});

function checkLaunchConfiguration(context: PolicyContext<Record<string, never>>, configuration: Resource): void {
  for (const block of ['root_block_device', 'ebs_block_device'] as const) {
    const devices = listOf(configuration.values[block]);
    if (isUnknown(devices)) continue;
    devices.forEach((device, i) => {
      if (!isValueObject(device)) return;
      const what = block === 'root_block_device' ? 'root volume' : `volume ${deviceName(device['device_name'], `#${i}`)}`;
      reportEncryption(context, configuration, `${block}.${i}`, device['encrypted'], `${configuration.address} ${what}`);
    });
  }
}

function deviceName(name: unknown, fallback: string): string {
  return typeof name === 'string' && name !== '' ? name : fallback;
}
