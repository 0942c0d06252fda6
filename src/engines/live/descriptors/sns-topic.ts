import { isUnknown, Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { field, objects, str, tagsOf, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { answerPart } from './detail-answer.js';
import { policyText } from './policy-text.js';

/**
 * SNS ListTopics (topic ARNs only) → one GetTopicAttributes per topic (SNS has no call that lists
 * topics with their attributes) → `aws_sns_topic` with its KMS key and topic policy. SNS leaves
 * KmsMasterKeyId out for a topic without server-side encryption, so its absence means none. A topic
 * whose attributes could not be read keeps its ARN, with those values Unknown. An AWS Config item
 * carries the topic's key, and its policy only where the item has one.
 */
export const snsTopicDescriptor: ResourceDescriptor = {
  type: 'aws_sns_topic',
  service: 'sns',
  operation: 'ListTopics',
  configType: 'AWS::SNS::Topic',
  items: (page) => objects(page, 'Topics'),
  details: [{ operation: 'GetTopicAttributes', request: (item) => (str(item, 'TopicArn') ? { TopicArn: str(item, 'TopicArn')! } : undefined) }],
  map(item, { target, detail }) {
    // A ListTopics item is the ARN alone; an AWS Config item is the topic's configuration, whose schema
    // (CloudFormation's) may give the ARN as TopicArn or Id, or only the name.
    const fromConfig = Object.keys(item).length > 1;
    const topicName = str(item, 'TopicName');
    const arn = str(item, 'TopicArn', 'Id') ?? (fromConfig && topicName ? `arn:${target.partition}:sns:${target.region}:${target.account}:${topicName}` : null);
    if (!arn) return [];
    const answer = fromConfig ? item : detail('sns:GetTopicAttributes', { TopicArn: arn });
    const attributes = fromConfig ? answer : answerPart(answer, 'Attributes', 'GetTopicAttributes');
    const read = (what: (attributes: AwsObject) => Value): Value => (isUnknown(attributes) ? attributes : what(attributes));
    const name = arn.slice(arn.lastIndexOf(':') + 1);
    const policy = fromConfig && field(item, 'Policy') === undefined ? new Unknown('AWS Config items of SNS topics do not carry the topic policy (warden reads it with GetTopicAttributes under --source api)') : read((a) => policyText(field(a, 'Policy')));
    const configTags = fromConfig ? tagsOf(item) : undefined;
    return [
      {
        type: 'aws_sns_topic',
        id: arn,
        arn,
        name,
        values: { name, kms_master_key_id: read((a) => str(a, 'KmsMasterKeyId')), policy },
        // The listing has no tags (they would cost one more call per item): required-tags leaves the type out, as for log groups and KMS keys.
        ...(configTags ? { tags: configTags } : {}),
        raw: isUnknown(answer) ? item : answer,
      },
    ];
  },
};
