import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetTopicAttributesCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { isUnknown } from '../../../src/model/unknown.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };
const sqs = mockClient(SQSClient);
const sns = mockClient(SNSClient);
const dynamodb = mockClient(DynamoDBClient);
const sts = mockClient(STSClient);
const queueUrl = (name: string) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`;
const topicArn = (name: string) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`;
const OPEN = (resource: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'SQS:SendMessage', Resource: resource }] });
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0c1d2e3f-0000-4000-8000-000000000001`;

const listRequests: object[] = [];
const denied = () => Object.assign(new Error('not authorized'), { name: 'AccessDenied' });
const unknownReason = (value: unknown) => (isUnknown(value) ? value.reason : `not unknown: ${JSON.stringify(value)}`);

beforeEach(() => {
  for (const mock of [sqs, sns, dynamodb, sts]) mock.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  // Two pages of queues; `locked`'s attributes are denied.
  listRequests.length = 0;
  sqs.on(ListQueuesCommand).callsFake((input: { NextToken?: string }) => {
    // The paginator reuses its input object: copied at call time.
    listRequests.push({ ...input });
    return input.NextToken ? { QueueUrls: [queueUrl('orders'), queueUrl('locked')] } : { QueueUrls: [queueUrl('jobs')], NextToken: 'n' };
  });
  sqs.on(GetQueueAttributesCommand).callsFake((input: { QueueUrl: string }) => {
    const name = input.QueueUrl.split('/').at(-1)!;
    const arn = `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
    if (name === 'locked') throw denied();
    if (name === 'jobs') return { Attributes: { QueueArn: arn, SqsManagedSseEnabled: 'true' } };
    return { Attributes: { QueueArn: arn, KmsMasterKeyId: 'alias/orders', SqsManagedSseEnabled: 'false', Policy: OPEN(arn) } };
  });
  sns.on(ListTopicsCommand).resolves({ Topics: [{ TopicArn: topicArn('alerts') }, { TopicArn: topicArn('audit') }] });
  sns.on(GetTopicAttributesCommand).callsFake((input: { TopicArn: string }) =>
    // SNS leaves KmsMasterKeyId out of an unencrypted topic's attributes.
    input.TopicArn.endsWith(':alerts') ? { Attributes: { TopicArn: input.TopicArn, Owner: ACCOUNT } } : { Attributes: { TopicArn: input.TopicArn, KmsMasterKeyId: 'alias/aws/sns', Policy: OPEN(input.TopicArn) } },
  );
  dynamodb.on(ListTablesCommand).resolves({ TableNames: ['sessions', 'ledger', 'gone'] });
  dynamodb.on(DescribeTableCommand).callsFake((input: { TableName: string }) => {
    const table = { TableName: input.TableName, TableArn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${input.TableName}`, TableStatus: 'ACTIVE' };
    if (input.TableName === 'gone') throw Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException' });
    // No SSEDescription: the AWS owned key.
    if (input.TableName === 'sessions') return { Table: table };
    return { Table: { ...table, SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: KEY } } };
  });
});
afterAll(() => {
  for (const mock of [sqs, sns, dynamodb, sts]) mock.restore();
});

async function audit(types: string[]) {
  const collection = await collectLive({ source: { kind: 'api' }, regions: [REGION], credentials, maxAttempts: 1, readsType: (type) => types.includes(type) });
  // Offline, from the saved recording, as `warden scan inventory.json` maps it.
  const [inventory] = buildInventories(JSON.parse(JSON.stringify(collection.recording)));
  return { collection, inventory: inventory! };
}

describe('SQS, SNS and DynamoDB: a list call and one detail call per listed item', () => {
  it('reads each queue\'s four attributes, follows the pages, and a denied read is a gap naming GetQueueAttributes with the values Unknown', async () => {
    const { collection, inventory } = await audit(['aws_sqs_queue']);
    expect(listRequests).toEqual([{ MaxResults: 1000 }, { MaxResults: 1000, NextToken: 'n' }]);
    // Only what the policies read: no ApproximateNumberOfMessages and the like.
    expect(sqs.commandCalls(GetQueueAttributesCommand).map((c) => c.args[0].input)).toEqual(
      ['jobs', 'orders', 'locked'].map((name) => ({ QueueUrl: queueUrl(name), AttributeNames: ['QueueArn', 'KmsMasterKeyId', 'SqsManagedSseEnabled', 'Policy'] })),
    );
    expect(collection.gaps.map((g) => [g.service, g.operations, g.errorCode])).toEqual([['sqs', ['GetQueueAttributes'], 'AccessDenied']]);

    const queues = new Map(inventory.ofType('aws_sqs_queue').map((q) => [q.name, q]));
    expect([...queues.keys()]).toEqual(['jobs', 'orders', 'locked']);
    const jobs = queues.get('jobs')!;
    expect(jobs.address).toBe(`arn:aws:sqs:${REGION}:${ACCOUNT}:jobs`);
    expect(jobs.values).toMatchObject({ id: queueUrl('jobs'), url: queueUrl('jobs'), kms_master_key_id: null, sqs_managed_sse_enabled: true, policy: null });
    expect(queues.get('orders')!.values).toMatchObject({ kms_master_key_id: 'alias/orders', sqs_managed_sse_enabled: false, policy: OPEN(`arn:aws:sqs:${REGION}:${ACCOUNT}:orders`) });
    // The denied queue keeps its identity from its URL; what was not read is Unknown, never "off" or "none".
    const locked = queues.get('locked')!;
    expect(locked.address).toBe(`arn:aws:sqs:${REGION}:${ACCOUNT}:locked`);
    for (const name of ['kms_master_key_id', 'sqs_managed_sse_enabled', 'policy']) expect(unknownReason(locked.values[name])).toBe('GetQueueAttributes failed: AccessDenied');
    // Tags would cost one ListQueueTags per queue: not read, so the queue carries none and required-tags leaves it out (as log groups).
    expect(jobs.tags).toBeUndefined();
  });

  it('reads each topic\'s attributes: no KmsMasterKeyId is no key', async () => {
    const { collection, inventory } = await audit(['aws_sns_topic']);
    expect(collection.gaps).toEqual([]);
    expect(sns.commandCalls(GetTopicAttributesCommand).map((c) => c.args[0].input)).toEqual([{ TopicArn: topicArn('alerts') }, { TopicArn: topicArn('audit') }]);
    const topics = new Map(inventory.ofType('aws_sns_topic').map((t) => [t.name, t.values]));
    expect(topics.get('alerts')).toMatchObject({ id: topicArn('alerts'), arn: topicArn('alerts'), name: 'alerts', kms_master_key_id: null, policy: null });
    expect(topics.get('audit')).toMatchObject({ kms_master_key_id: 'alias/aws/sns', policy: OPEN(topicArn('audit')) });
  });

  it('describes each table: no SSEDescription is the AWS owned key, KMS names its key, a failed describe leaves the block Unknown', async () => {
    const { collection, inventory } = await audit(['aws_dynamodb_table']);
    expect(dynamodb.commandCalls(ListTablesCommand).map((c) => c.args[0].input)).toEqual([{ Limit: 100 }]);
    expect(dynamodb.commandCalls(DescribeTableCommand)).toHaveLength(3);
    expect(collection.gaps.map((g) => [g.service, g.operations, g.errorCode])).toEqual([['dynamodb', ['DescribeTable'], 'ResourceNotFoundException']]);
    const tables = new Map(inventory.ofType('aws_dynamodb_table').map((t) => [t.name, t.values]));
    expect(tables.get('sessions')).toMatchObject({ id: 'sessions', arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/sessions`, server_side_encryption: [{ enabled: false, kms_key_arn: null }] });
    expect(tables.get('ledger')!['server_side_encryption']).toEqual([{ enabled: true, kms_key_arn: KEY }]);
    expect(unknownReason(tables.get('gone')!['server_side_encryption'])).toBe('DescribeTable failed: ResourceNotFoundException');
  });

  it('makes no queue, topic or table call when no selected policy reads those types', async () => {
    await audit(['aws_vpc']);
    expect([sqs, sns, dynamodb].map((mock) => mock.calls().length)).toEqual([0, 0, 0]);
  });
});
