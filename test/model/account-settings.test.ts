import { describe, expect, it } from 'vitest';
import { buildInventories } from '../../src/engines/live/build-inventories.js';
import { isUnknown } from '../../src/model/unknown.js';

const TEMPLATE = {
  LaunchTemplateId: 'lt-0a1b2c3d4e5f60718',
  LaunchTemplateName: 'app',
  VersionNumber: 1,
  LaunchTemplateData: { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 10 } }] },
};

function liveTemplate(responses: Record<string, unknown[]>) {
  const [inventory] = buildInventories({ warden_inventory: 1, source: 'api', targets: [{ account: '111122223333', region: 'eu-west-1', responses }], accounts: [] });
  const template = inventory!.ofType('aws_launch_template')[0]!;
  return (template.values['block_device_mappings'] as { ebs: { encrypted: unknown }[] }[])[0]!.ebs[0]!.encrypted;
}

describe('account settings in a live inventory', () => {
  it("an unset block-device encryption follows the region's EBS default read in the same audit", () => {
    const responses = { 'ec2:DescribeLaunchTemplateVersions': [{ LaunchTemplateVersions: [TEMPLATE] }] };
    expect(liveTemplate({ ...responses, 'ec2:GetEbsEncryptionByDefault': [{ EbsEncryptionByDefault: true }] })).toBe(true);
    expect(liveTemplate({ ...responses, 'ec2:GetEbsEncryptionByDefault': [{ EbsEncryptionByDefault: false }] })).toBe(false);
  });

  it('is Unknown, saying the setting was not read, when the audit has no record of it', () => {
    const encrypted = liveTemplate({ 'ec2:DescribeLaunchTemplateVersions': [{ LaunchTemplateVersions: [TEMPLATE] }] });
    expect(isUnknown(encrypted)).toBe(true);
    expect(isUnknown(encrypted) && encrypted.reason).toContain('was not read in this audit');
  });
});
