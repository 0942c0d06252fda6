import { bool, field, num, objects, str, strings, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import type { Value } from '../../../model/value.js';
import { metadataOptionsBlock } from './metadata-options.js';
import { ec2Arn } from './naming.js';

/**
 * DescribeLaunchTemplateVersions with `Versions: ['$Latest']` and no template named → one item per
 * launch template of the region: its latest version, in one paginated call (no call per template).
 * The latest version is what the Terraform resource's attributes describe (the provider reads it), so
 * one configuration gives one verdict in plan, source and live. A launch from the `$Default` version,
 * when it differs, is judged on the instance it starts (DescribeInstances shows its effective
 * options). DescribeLaunchTemplateVersions returns no template tags.
 */
export const launchTemplateDescriptor: ResourceDescriptor = {
  type: 'aws_launch_template',
  service: 'ec2',
  operation: 'DescribeLaunchTemplateVersions',
  input: { Versions: ['$Latest'] },
  pageSize: 200,
  configType: 'AWS::EC2::LaunchTemplate',
  items: (page) => objects(page, 'LaunchTemplateVersions'),
  map(item, { target }) {
    const id = str(item, 'LaunchTemplateId');
    if (!id) return [];
    const name = str(item, 'LaunchTemplateName') ?? id;
    const data = field(item, 'LaunchTemplateData');
    const version = num(item, 'VersionNumber', 'LatestVersionNumber');
    return [
      {
        type: 'aws_launch_template',
        id,
        arn: ec2Arn(target, null, 'launch-template', id),
        name,
        values: {
          name,
          latest_version: version,
          ...(bool(item, 'DefaultVersion') === true ? { default_version: version } : {}),
          image_id: str(data, 'ImageId'),
          instance_type: str(data, 'InstanceType'),
          key_name: str(data, 'KeyName'),
          vpc_security_group_ids: strings(data, 'SecurityGroupIds'),
          metadata_options: metadataOptionsBlock(data),
          block_device_mappings: objects(data, 'BlockDeviceMappings').map(blockDeviceMapping),
          network_interfaces: objects(data, 'NetworkInterfaces').map(networkInterface),
        },
        raw: item,
      },
    ];
  },
};

/** Terraform keeps a template's boolean-like EBS and interface settings as strings, `""` when unset; unset here is null. */
function stringBool(object: unknown, name: string): string | null {
  const value = bool(object, name);
  return value === null ? null : String(value);
}

function blockDeviceMapping(mapping: AwsObject): Value {
  const ebs = field(mapping, 'Ebs');
  return {
    device_name: str(mapping, 'DeviceName'),
    virtual_name: str(mapping, 'VirtualName'),
    no_device: str(mapping, 'NoDevice'),
    ebs:
      ebs === undefined || ebs === null
        ? []
        : [
            {
              encrypted: stringBool(ebs, 'Encrypted'),
              kms_key_id: str(ebs, 'KmsKeyId'),
              snapshot_id: str(ebs, 'SnapshotId'),
              volume_size: num(ebs, 'VolumeSize'),
              volume_type: str(ebs, 'VolumeType'),
              delete_on_termination: stringBool(ebs, 'DeleteOnTermination'),
            },
          ],
  };
}

function networkInterface(nic: AwsObject): Value {
  return {
    device_index: num(nic, 'DeviceIndex'),
    network_interface_id: str(nic, 'NetworkInterfaceId'),
    subnet_id: str(nic, 'SubnetId'),
    associate_public_ip_address: stringBool(nic, 'AssociatePublicIpAddress'),
    security_groups: strings(nic, 'Groups'),
  };
}
