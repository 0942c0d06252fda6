import { objects, str, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { displayName, ec2Arn } from './naming.js';

/** DescribeInternetGateways → `aws_internet_gateway`; `vpc_id` from the attachment that is up (AWS reports it as `available`). */
export const internetGatewayDescriptor: ResourceDescriptor = {
  type: 'aws_internet_gateway',
  service: 'ec2',
  operation: 'DescribeInternetGateways',
  pageSize: 1000,
  configType: 'AWS::EC2::InternetGateway',
  items: (page) => objects(page, 'InternetGateways'),
  map(item, { target }) {
    const id = str(item, 'InternetGatewayId');
    if (!id) return [];
    const tags = tagsOf(item) ?? tagMap([]);
    const owner = str(item, 'OwnerId');
    const attachment = objects(item, 'Attachments').find((a) => {
      const state = str(a, 'State');
      return state === null || state === 'available' || state === 'attached';
    });
    return [
      {
        type: 'aws_internet_gateway',
        id,
        arn: ec2Arn(target, owner, 'internet-gateway', id),
        name: displayName(tags, id),
        values: { vpc_id: attachment ? str(attachment, 'VpcId') : null, owner_id: owner ?? target.account },
        tags,
        raw: item,
      },
    ];
  },
};
