import { bool, field, num, objects, str, strings, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import type { Value } from '../../../model/value.js';
import { metadataOptionsBlock } from './metadata-options.js';

/**
 * DescribeLaunchConfigurations (Auto Scaling) → `aws_launch_configuration`, id = name as in Terraform.
 * Which mapping is the root device depends on the AMI, which the response does not carry: every EBS
 * mapping becomes an `ebs_block_device` with its device name. Launch configurations carry no tags.
 */
export const launchConfigurationDescriptor: ResourceDescriptor = {
  type: 'aws_launch_configuration',
  service: 'autoscaling',
  operation: 'DescribeLaunchConfigurations',
  pageSize: 100,
  configType: 'AWS::AutoScaling::LaunchConfiguration',
  items: (page) => objects(page, 'LaunchConfigurations'),
  map(item) {
    const name = str(item, 'LaunchConfigurationName');
    if (!name) return [];
    return [
      {
        type: 'aws_launch_configuration',
        id: name,
        ...(str(item, 'LaunchConfigurationARN') ? { arn: str(item, 'LaunchConfigurationARN')! } : {}),
        name,
        values: {
          name,
          image_id: str(item, 'ImageId'),
          instance_type: str(item, 'InstanceType'),
          key_name: str(item, 'KeyName'),
          security_groups: strings(item, 'SecurityGroups'),
          associate_public_ip_address: bool(item, 'AssociatePublicIpAddress'),
          metadata_options: metadataOptionsBlock(item),
          ebs_block_device: objects(item, 'BlockDeviceMappings').flatMap(ebsBlockDevice),
        },
        raw: item,
      },
    ];
  },
};

function ebsBlockDevice(mapping: AwsObject): Value[] {
  const ebs = field(mapping, 'Ebs');
  if (ebs === undefined || ebs === null) return [];
  return [
    {
      device_name: str(mapping, 'DeviceName'),
      encrypted: bool(ebs, 'Encrypted'),
      snapshot_id: str(ebs, 'SnapshotId'),
      volume_size: num(ebs, 'VolumeSize'),
      volume_type: str(ebs, 'VolumeType'),
    },
  ];
}
