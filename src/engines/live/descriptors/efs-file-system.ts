import { Unknown } from '../../../model/unknown.js';
import { bool, field, objects, str, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { displayName } from './naming.js';

/**
 * EFS DescribeFileSystems (paged by MaxItems, at most 100 a page) → `aws_efs_file_system`. The item
 * carries the encryption flag, the key and the tags, so no per-file-system call is needed. An item
 * without `Encrypted` is Unknown, never "unencrypted". AWS Config items (CloudFormation shape) hold
 * the tags as `FileSystemTags`.
 */
export const efsFileSystemDescriptor: ResourceDescriptor = {
  type: 'aws_efs_file_system',
  service: 'efs',
  operation: 'DescribeFileSystems',
  pageSize: 100,
  configType: 'AWS::EFS::FileSystem',
  items: (page) => objects(page, 'FileSystems'),
  map(item, { target }) {
    const id = str(item, 'FileSystemId');
    if (!id) return [];
    const listed = field(item, 'FileSystemTags');
    const tags = tagsOf(item) ?? (listed === undefined ? tagMap([]) : tagMap(listed));
    return [
      {
        type: 'aws_efs_file_system',
        id,
        arn: str(item, 'FileSystemArn', 'Arn') ?? `arn:${target.partition}:elasticfilesystem:${target.region}:${target.account}:file-system/${id}`,
        name: displayName(tags, str(item, 'Name') ?? id),
        values: {
          creation_token: str(item, 'CreationToken'),
          encrypted: bool(item, 'Encrypted') ?? new Unknown('DescribeFileSystems answered without Encrypted for this file system'),
          kms_key_id: str(item, 'KmsKeyId'),
          performance_mode: str(item, 'PerformanceMode'),
          throughput_mode: str(item, 'ThroughputMode'),
          availability_zone_name: str(item, 'AvailabilityZoneName'),
        },
        tags,
        raw: item,
      },
    ];
  },
};
