import { isUnknown, Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { field, isAwsObject, str, strings, tagsOf, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { answerPart } from './detail-answer.js';

/** SSE states in which the table's data is not (or no longer) under the KMS key SSEDescription names. */
const NOT_KMS = new Set(['DISABLED', 'DISABLING']);

/**
 * DynamoDB ListTables (names only) → one DescribeTable per table (DynamoDB has no batch describe) →
 * `aws_dynamodb_table` with its `server_side_encryption` block as Terraform states it. Every table is
 * encrypted at rest; SSEDescription says with which key: none means the AWS owned key (block
 * disabled), `SSEType: KMS` names the key's ARN, which is the AWS managed aws/dynamodb key or a
 * customer managed one: the ARN alone does not say which (encryption-at-rest looks the key up among
 * the customer managed keys read). A table whose description could not be read keeps its name and
 * ARN with the block Unknown. The AWS Config item's configuration is the table description.
 */
export const dynamodbTableDescriptor: ResourceDescriptor = {
  type: 'aws_dynamodb_table',
  service: 'dynamodb',
  operation: 'ListTables',
  pageSize: 100,
  configType: 'AWS::DynamoDB::Table',
  items: (page) => strings(page, 'TableNames').map((name) => ({ TableName: name })),
  details: [{ operation: 'DescribeTable', request: (item) => (str(item, 'TableName') ? { TableName: str(item, 'TableName')! } : undefined) }],
  map(item, { target, detail }) {
    // A ListTables item is the name alone; an AWS Config item is the table description.
    const fromConfig = field(item, 'TableArn') !== undefined;
    const name = str(item, 'TableName');
    if (!name) return [];
    const answer = fromConfig ? item : detail('dynamodb:DescribeTable', { TableName: name });
    const table = fromConfig ? answer : answerPart(answer, 'Table', 'DescribeTable');
    const arn = (isUnknown(table) ? null : str(table, 'TableArn')) ?? `arn:${target.partition}:dynamodb:${target.region}:${target.account}:table/${name}`;
    const configTags = fromConfig ? tagsOf(item) : undefined;
    return [
      {
        type: 'aws_dynamodb_table',
        id: name,
        arn,
        name,
        values: {
          name,
          server_side_encryption: isUnknown(table) ? table : serverSideEncryption(field(table, 'SSEDescription')),
        },
        // The listing has no tags (they would cost one more call per item): required-tags leaves the type out, as for log groups and KMS keys.
        ...(configTags ? { tags: configTags } : {}),
        raw: isUnknown(answer) ? item : answer,
      },
    ];
  },
};

/** SSEDescription → Terraform's `server_side_encryption` block: enabled with the key when KMS holds the table's data, else the AWS owned key. */
function serverSideEncryption(description: unknown): Value {
  const kms = isAwsObject(description) && str(description, 'SSEType') === 'KMS' && !NOT_KMS.has(str(description, 'Status') ?? '');
  return [{ enabled: kms, kms_key_arn: kms ? str(description, 'KMSMasterKeyArn') : null }];
}
