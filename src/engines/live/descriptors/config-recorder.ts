import { isUnknown, type Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { bool, field, objects, str, strings, type AwsObject } from '../aws-object.js';
import type { LiveDraft, MapContext, ResourceDescriptor } from '../descriptor.js';
import type { Target } from '../target.js';

/** The record of a region's AWS Config setup taken together: its recorders and delivery channels (there may be none). */
export const CONFIG_COVERAGE_TYPE = 'aws_config_coverage';

export const RECORDER_STATUS_KEY = 'config:DescribeConfigurationRecorderStatus';
const CHANNELS = 'config:DescribeDeliveryChannels';

/**
 * The region's AWS Config configuration recorders, in the shapes Terraform manages them:
 * DescribeConfigurationRecorders → `aws_config_configuration_recorder`, with its
 * `aws_config_configuration_recorder_status` (`is_enabled` = recording, from
 * DescribeConfigurationRecorderStatus); DescribeDeliveryChannels → `aws_config_delivery_channel`; and
 * one `aws_config_coverage` record per region, so that a region without a recorder is a finding on
 * something. Three calls per region, none per resource. The Config source reads the same three calls
 * (collect-config.ts), since a recorder is not an item of its own inventory.
 */
export const configRecorderDescriptor: ResourceDescriptor = {
  type: 'aws_config_configuration_recorder',
  service: 'config',
  operation: 'DescribeConfigurationRecorders',
  companions: ['DescribeConfigurationRecorderStatus', 'DescribeDeliveryChannels'],
  alsoProduces: ['aws_config_configuration_recorder_status', 'aws_config_delivery_channel', CONFIG_COVERAGE_TYPE],
  items: (page) => objects(page, 'ConfigurationRecorders'),
  map(item, context): LiveDraft[] {
    const name = str(item, 'name');
    if (!name) return [];
    const group = field(item, 'recordingGroup');
    const address = recorderAddress(context.target, name);
    return [
      {
        type: 'aws_config_configuration_recorder',
        id: name,
        address,
        name,
        values: {
          name,
          role_arn: str(item, 'roleARN'),
          recording_group: [
            {
              all_supported: bool(group, 'allSupported') ?? false,
              include_global_resource_types: bool(group, 'includeGlobalResourceTypes') ?? false,
              resource_types: strings(group, 'resourceTypes'),
              exclusion_by_resource_types: [{ resource_types: strings(field(group, 'exclusionByResourceTypes'), 'resourceTypes') }],
              recording_strategy: [{ use_only: str(field(group, 'recordingStrategy'), 'useOnly') }],
            },
          ],
        },
        raw: item,
      },
      {
        type: 'aws_config_configuration_recorder_status',
        id: name,
        address: `${address}#status`,
        locationArn: address,
        name,
        values: { name, is_enabled: recording(context, name) },
        raw: null,
      },
    ];
  },
  summarise(items, context) {
    const { target } = context;
    const channels = context.detail(CHANNELS);
    const channelDrafts: LiveDraft[] = isUnknown(channels)
      ? []
      : objects(channels, 'DeliveryChannels').map((channel) => {
          const name = str(channel, 'name') ?? 'default';
          return {
            type: 'aws_config_delivery_channel',
            id: name,
            address: `arn:${target.partition}:config:${target.region}:${target.account}:delivery-channel/${name}`,
            name,
            values: { name, s3_bucket_name: str(channel, 's3BucketName'), s3_key_prefix: str(channel, 's3KeyPrefix'), sns_topic_arn: str(channel, 'snsTopicARN') },
            raw: channel,
          };
        });
    const coverage: LiveDraft = {
      type: CONFIG_COVERAGE_TYPE,
      id: `${target.account}/${target.region}`,
      address: `arn:${target.partition}:config:${target.region}:${target.account}:config-recorder/*`,
      name: `AWS Config in ${target.region}`,
      values: {
        account_id: target.account,
        region: target.region,
        recorders: items.map((item) => str(item, 'name')).filter((name): name is string => name !== null),
        delivery_channels: isUnknown(channels) ? channels : channelDrafts.map((d) => d.name),
      },
      raw: null,
    };
    return [...channelDrafts, coverage];
  },
};

function recorderAddress(target: Target, name: string): string {
  return `arn:${target.partition}:config:${target.region}:${target.account}:config-recorder/${name}`;
}

/** Whether the named recorder is recording, from the region's status answer. */
function recording(context: MapContext, name: string): Value | Unknown {
  const answer = context.detail(RECORDER_STATUS_KEY);
  if (isUnknown(answer)) return answer;
  const status = objects(answer, 'ConfigurationRecordersStatus').find((s: AwsObject) => str(s, 'name') === name);
  return status ? (bool(status, 'recording') ?? false) : false;
}
