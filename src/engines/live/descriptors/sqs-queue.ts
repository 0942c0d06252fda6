import { isUnknown, Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { bool, field, str, strings, tagsOf, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import type { Target } from '../target.js';
import { answerPart } from './detail-answer.js';
import { policyText } from './policy-text.js';

/** The attributes read: what encryption-at-rest and resource-policy-public decide on, nothing more. */
const ATTRIBUTES = ['QueueArn', 'KmsMasterKeyId', 'SqsManagedSseEnabled', 'Policy'];

/**
 * SQS ListQueues (queue URLs only) → one GetQueueAttributes per queue (SQS has no call that lists
 * queues with their attributes) → `aws_sqs_queue` with its encryption and queue policy. A queue whose
 * attributes could not be read keeps its name and ARN (from its URL) with those values Unknown. The
 * AWS Config item's configuration is the same attribute map.
 */
export const sqsQueueDescriptor: ResourceDescriptor = {
  type: 'aws_sqs_queue',
  service: 'sqs',
  operation: 'ListQueues',
  pageSize: 1000,
  configType: 'AWS::SQS::Queue',
  items: (page) => strings(page, 'QueueUrls').map((url) => ({ QueueUrl: url })),
  details: [
    {
      operation: 'GetQueueAttributes',
      request: (item) => (str(item, 'QueueUrl') ? { QueueUrl: str(item, 'QueueUrl')! } : undefined),
      input: (request) => ({ ...request, AttributeNames: ATTRIBUTES }),
    },
  ],
  map(item, { target, detail }) {
    const listedUrl = str(item, 'QueueUrl');
    // A listed queue's attributes come from its detail call; a Config item is the attribute map itself.
    const answer = listedUrl ? detail('sqs:GetQueueAttributes', { QueueUrl: listedUrl }) : item;
    const attributes = !listedUrl ? answer : answerPart(answer, 'Attributes', 'GetQueueAttributes');
    const arn = (isUnknown(attributes) ? null : str(attributes, 'QueueArn')) ?? (listedUrl ? arnOf(listedUrl, target) : null);
    if (!arn) return [];
    const name = arn.slice(arn.lastIndexOf(':') + 1);
    const url = listedUrl ?? `https://sqs.${target.region}.amazonaws.com/${target.account}/${name}`;
    const read = (what: (attributes: AwsObject) => Value): Value => (isUnknown(attributes) ? attributes : what(attributes));
    const configTags = listedUrl ? undefined : tagsOf(item);
    return [
      {
        type: 'aws_sqs_queue',
        id: url,
        arn,
        name,
        values: {
          name,
          url,
          kms_master_key_id: read((a) => str(a, 'KmsMasterKeyId')),
          // SQS has sent SqsManagedSseEnabled for every queue since SSE-SQS exists; without it nothing is known.
          sqs_managed_sse_enabled: read((a) => bool(a, 'SqsManagedSseEnabled') ?? (str(a, 'KmsMasterKeyId') ? false : new Unknown('SQS did not say whether SSE-SQS is on (SqsManagedSseEnabled)'))),
          policy: read((a) => policyText(field(a, 'Policy'))),
        },
        // The listing has no tags (they would cost one more call per item): required-tags leaves the type out, as for log groups and KMS keys.
        ...(configTags ? { tags: configTags } : {}),
        raw: isUnknown(answer) ? item : answer,
      },
    ];
  },
};

/** `https://sqs.eu-west-1.amazonaws.com/111122223333/jobs` → the queue's ARN in the audited partition. */
function arnOf(url: string, target: Target): string | null {
  const [account, name] = url.split('/').slice(-2);
  return account && name ? `arn:${target.partition}:sqs:${target.region}:${account}:${name}` : null;
}
