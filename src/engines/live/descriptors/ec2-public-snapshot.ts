import { bool, num, objects, str, tagMap, tagsOf } from '../aws-object.js';
import type { LiveDraft, ResourceDescriptor } from '../descriptor.js';
import { everyonePermission } from './everyone-permission.js';
import { displayName, ec2Arn } from './naming.js';

/**
 * DescribeSnapshots(OwnerIds self, RestorableByUserIds all): the account's snapshots anyone may create
 * a volume from, in one paginated call per region (never one DescribeSnapshotAttribute per snapshot).
 * Each → `aws_ebs_snapshot` plus the `aws_snapshot_create_volume_permission` with `group = "all"` that
 * the listing proves. Other snapshots are not listed: their permissions are not read. AWS Config does
 * not record create-volume permissions, so this type has no Config source.
 */
export const publicSnapshotDescriptor: ResourceDescriptor = {
  type: 'aws_ebs_snapshot',
  service: 'ec2',
  operation: 'DescribeSnapshots',
  input: { OwnerIds: ['self'], RestorableByUserIds: ['all'] },
  pageSize: 1000,
  alsoProduces: ['aws_snapshot_create_volume_permission'],
  items: (page) => objects(page, 'Snapshots'),
  map(item, { target }) {
    const id = str(item, 'SnapshotId');
    if (!id) return [];
    const tags = tagsOf(item) ?? tagMap([]);
    const arn = ec2Arn(target, '', 'snapshot', id);
    const snapshot: LiveDraft = {
      type: 'aws_ebs_snapshot',
      id,
      arn,
      name: displayName(tags, id),
      values: {
        volume_id: str(item, 'VolumeId'),
        encrypted: bool(item, 'Encrypted') ?? false,
        kms_key_id: str(item, 'KmsKeyId'),
        volume_size: num(item, 'VolumeSize'),
        owner_id: str(item, 'OwnerId') ?? target.account,
        description: str(item, 'Description'),
      },
      tags,
      raw: item,
    };
    return [snapshot, everyonePermission('aws_snapshot_create_volume_permission', 'create-volume-permission', { attribute: 'snapshot_id', id, arn, name: snapshot.name }, item)];
  },
};
