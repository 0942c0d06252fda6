import { isUnknown, type Unknown } from '../../../model/unknown.js';
import { field, num, objects, str, tagMap, tagsOf, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { ec2Arn } from './naming.js';

/**
 * DescribeManagedPrefixLists → `aws_ec2_managed_prefix_list` with its `entry` list. The API source
 * reads entries with GetManagedPrefixListEntries only for the lists that security-group rules or
 * routes refer to; a Config item carries them inline (`Entries[].Cidr`). Entries not read are Unknown.
 */
export const managedPrefixListDescriptor: ResourceDescriptor = {
  type: 'aws_ec2_managed_prefix_list',
  service: 'ec2',
  operation: 'DescribeManagedPrefixLists',
  pageSize: 100,
  configType: 'AWS::EC2::PrefixList',
  items: (page) => objects(page, 'PrefixLists'),
  map(item, context) {
    const id = str(item, 'PrefixListId');
    if (!id) return [];
    const owner = str(item, 'OwnerId');
    const inline = field(item, 'Entries');
    const entries: AwsObject[] | Unknown = Array.isArray(inline) ? objects(item, 'Entries') : context.prefixListEntries(id);
    return [
      {
        type: 'aws_ec2_managed_prefix_list',
        id,
        arn: str(item, 'PrefixListArn', 'Arn') ?? ec2Arn(context.target, owner === 'AWS' ? null : owner, 'prefix-list', id),
        name: str(item, 'PrefixListName') ?? id,
        values: {
          name: str(item, 'PrefixListName'),
          address_family: str(item, 'AddressFamily'),
          max_entries: num(item, 'MaxEntries'),
          owner_id: owner,
          version: num(item, 'Version'),
          entry: isUnknown(entries) ? entries : entries.map((e) => ({ cidr: str(e, 'Cidr'), description: str(e, 'Description') })),
        },
        // AWS-managed lists (com.amazonaws.…) are not the account's to tag.
        ...(owner === 'AWS' ? {} : { tags: tagsOf(item) ?? tagMap([]) }),
        raw: item,
      },
    ];
  },
};
