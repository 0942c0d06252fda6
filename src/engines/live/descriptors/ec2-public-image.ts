import { objects, str, tagMap, tagsOf } from '../aws-object.js';
import type { LiveDraft, ResourceDescriptor } from '../descriptor.js';
import { everyonePermission } from './everyone-permission.js';
import { displayName, ec2Arn } from './naming.js';

/**
 * DescribeImages(Owners self, ExecutableUsers all): the account's AMIs anyone may launch, in one
 * paginated call per region. Each → `aws_ami` plus the `aws_ami_launch_permission` with `group = "all"`
 * (unless the item itself says `Public: false`). AWS Config does not record launch permissions.
 */
export const publicImageDescriptor: ResourceDescriptor = {
  type: 'aws_ami',
  service: 'ec2',
  operation: 'DescribeImages',
  input: { Owners: ['self'], ExecutableUsers: ['all'] },
  pageSize: 1000,
  alsoProduces: ['aws_ami_launch_permission'],
  items: (page) => objects(page, 'Images'),
  map(item, { target }) {
    const id = str(item, 'ImageId');
    if (!id) return [];
    const tags = tagsOf(item) ?? tagMap([]);
    const arn = ec2Arn(target, '', 'image', id);
    const image: LiveDraft = {
      type: 'aws_ami',
      id,
      arn,
      name: str(item, 'Name') ?? displayName(tags, id),
      values: { name: str(item, 'Name'), owner_id: str(item, 'OwnerId') ?? target.account, public: item['Public'] === true, state: str(item, 'State') },
      tags,
      raw: item,
    };
    if (item['Public'] === false) return [image];
    return [image, everyonePermission('aws_ami_launch_permission', 'launch-permission', { attribute: 'image_id', id, arn, name: image.name }, item)];
  },
};
