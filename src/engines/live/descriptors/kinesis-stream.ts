import { isUnknown, Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { field, num, objects, str, strings, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { answerPart } from './detail-answer.js';

/**
 * Kinesis ListStreams (paged, 100 a page) names the streams (StreamSummaries: name, ARN, status, but
 * not the encryption), so each stream costs one DescribeStreamSummary (a detail call) →
 * `aws_kinesis_stream` with `encryption_type` (NONE or KMS) and `kms_key_id`. A summary that was not
 * read (denied, failed, beyond the detail cap) leaves the encryption Unknown. AWS Config items
 * (CloudFormation shape: `Name`, `StreamEncryption`) need no detail call. Kinesis returns no tags in
 * either call, so live streams carry none (required-tags leaves them out).
 */
export const kinesisStreamDescriptor: ResourceDescriptor = {
  type: 'aws_kinesis_stream',
  service: 'kinesis',
  operation: 'ListStreams',
  pageSize: 100,
  configType: 'AWS::Kinesis::Stream',
  // Older answers name the streams only (StreamNames).
  items: (page) => {
    const summaries = objects(page, 'StreamSummaries');
    return summaries.length > 0 ? summaries : strings(page, 'StreamNames').map((StreamName) => ({ StreamName }));
  },
  details: [{ operation: 'DescribeStreamSummary', request: (item) => streamRequest(item) }],
  map(item, context) {
    const { target } = context;
    const request = streamRequest(item);
    const name = request?.StreamName ?? str(item, 'Name');
    if (!name) return [];
    const summary = request ? answerPart(context.detail('kinesis:DescribeStreamSummary', request), 'StreamDescriptionSummary', 'DescribeStreamSummary') : configSummary(item);
    const known = isUnknown(summary) ? undefined : summary;
    const arn = str(item, 'StreamARN', 'Arn') ?? (known && str(known, 'StreamARN')) ?? `arn:${target.partition}:kinesis:${target.region}:${target.account}:stream/${name}`;
    return [
      {
        type: 'aws_kinesis_stream',
        id: arn,
        arn,
        name,
        values: {
          name,
          encryption_type: known ? (str(known, 'EncryptionType') ?? new Unknown('DescribeStreamSummary answered without EncryptionType')) : (summary as Unknown),
          kms_key_id: known ? str(known, 'KeyId') : (summary as Unknown),
          stream_status: str(item, 'StreamStatus') ?? (known ? str(known, 'StreamStatus') : null),
          retention_period: known ? (num(known, 'RetentionPeriodHours') as Value) : null,
          shard_count: known ? (num(known, 'OpenShardCount', 'ShardCount') as Value) : null,
        },
        raw: item,
      },
    ];
  },
};

/** A listed stream's detail request; undefined for a Config item (it has `Name`, not `StreamName`). */
function streamRequest(item: AwsObject): { StreamName: string } | undefined {
  const name = str(item, 'StreamName');
  return name ? { StreamName: name } : undefined;
}

/** A Config item in DescribeStreamSummary's terms: no StreamEncryption means none. */
function configSummary(item: AwsObject): AwsObject {
  const encryption = field(item, 'StreamEncryption');
  return {
    EncryptionType: str(encryption, 'EncryptionType') ?? 'NONE',
    KeyId: str(encryption, 'KeyId'),
    RetentionPeriodHours: num(item, 'RetentionPeriodHours'),
    OpenShardCount: num(item, 'ShardCount'),
  };
}
