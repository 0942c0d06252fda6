import { bool, num, objects, str, tagMap, tagsOf } from '../aws-object.js';
import type { LiveDraft, ResourceDescriptor } from '../descriptor.js';
import { displayName, ec2Arn } from './naming.js';

/**
 * DescribeVolumes → `aws_ebs_volume`, plus one `aws_volume_attachment` per attachment (Terraform's
 * id format `DEVICE:VOLUME:INSTANCE`), so that "is this volume attached" is answered the same way for
 * live data and for plans.
 */
export const volumeDescriptor: ResourceDescriptor = {
  type: 'aws_ebs_volume',
  service: 'ec2',
  operation: 'DescribeVolumes',
  alsoProduces: ['aws_volume_attachment'],
  pageSize: 500,
  configType: 'AWS::EC2::Volume',
  items: (page) => objects(page, 'Volumes'),
  map(item, { target }) {
    const id = str(item, 'VolumeId');
    if (!id) return [];
    const tags = tagsOf(item) ?? tagMap([]);
    const arn = ec2Arn(target, null, 'volume', id);
    const volume: LiveDraft = {
      type: 'aws_ebs_volume',
      id,
      arn,
      name: displayName(tags, id),
      values: {
        availability_zone: str(item, 'AvailabilityZone'),
        encrypted: bool(item, 'Encrypted') ?? false,
        kms_key_id: str(item, 'KmsKeyId'),
        size: num(item, 'Size'),
        type: str(item, 'VolumeType'),
        iops: num(item, 'Iops'),
        throughput: num(item, 'Throughput'),
        snapshot_id: str(item, 'SnapshotId'),
        multi_attach_enabled: bool(item, 'MultiAttachEnabled') ?? false,
        outpost_arn: str(item, 'OutpostArn'),
        state: str(item, 'State'),
      },
      tags,
      raw: item,
    };
    const attachments = objects(item, 'Attachments').flatMap((a): LiveDraft[] => {
      const instance = str(a, 'InstanceId');
      const state = str(a, 'State');
      if (!instance || state === 'detached' || state === 'detaching') return [];
      const device = str(a, 'Device') ?? '';
      const attachmentId = `${device}:${id}:${instance}`;
      return [
        {
          type: 'aws_volume_attachment',
          id: attachmentId,
          address: `${arn}#attachment/${instance}`,
          locationArn: arn,
          name: attachmentId,
          values: { device_name: device || null, volume_id: id, instance_id: instance, state },
          raw: a,
        },
      ];
    });
    return [volume, ...attachments];
  },
};
