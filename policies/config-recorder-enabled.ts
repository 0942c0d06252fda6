import { definePolicy, isUnknown, isValueObject, listOf, locate, type PolicyContext, type Resource, type Unknown, type Value } from '../src/api.js';

const RECORDER = 'aws_config_configuration_recorder';
const STATUS = 'aws_config_configuration_recorder_status';
/** The per-region record of a live audit: the region's recorders and delivery channels (see docs/audit.md). */
const COVERAGE = 'aws_config_coverage';

export const configRecorderEnabled = definePolicy({
  id: 'config-recorder-enabled',
  title: 'AWS Config does not record all resources',
  severity: 'medium',
  description:
    'AWS Config must record every supported resource type in every region: a configuration recorder whose recording ' +
    'group has all_supported = true (the default; a selection of types or exclusions fails, since CIS 3.3 asks for all ' +
    'resources), that is recording, with a delivery channel. Global resource types (include_global_resource_types) are ' +
    'not required of each recorder: CIS asks for them in one region only, which one recorder cannot show. In Terraform ' +
    'source and plans a recorder is recording when an aws_config_configuration_recorder_status with is_enabled = true ' +
    'names it (by name or reference); a recorder without one fails, because Terraform creates recorders stopped. The ' +
    'delivery channel is not checked there (starting the recorder needs one, so apply fails without it). Live, each ' +
    'audited region is checked (DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus, ' +
    'DescribeDeliveryChannels): a region without a recorder or without a delivery channel fails on the region\'s record ' +
    '(arn:…:config:REGION:ACCOUNT:config-recorder/*); a call that failed makes it unknown. Values known only after apply ' +
    'are unknown. Like Security Hub Config.1, without its service-linked role check.',
  remediation:
    'In every region: an aws_config_configuration_recorder (recording_group { all_supported = true }, and ' +
    'include_global_resource_types = true in one region), an aws_config_delivery_channel, and an ' +
    'aws_config_configuration_recorder_status with is_enabled = true that depends on the channel.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['3.3'],
    'AWS Foundational Security Best Practices': ['Config.1'],
    'PCI DSS 4.0': ['10.2.1'],
  },
  tags: ['logging', 'config', 'inventory'],
  resourceTypes: [RECORDER, STATUS, COVERAGE],
  messages: {
    notAllTypes: '{{recorder}} records only selected resource types ({{how}})',
    notRecording: '{{recorder}} is not recording ({{why}})',
    recorderUnknown: '{{recorder}}: cannot tell whether it records all resources',
    recording: '{{recorder}} records all supported resource types',
    noRecorder: '{{region}} has no AWS Config configuration recorder',
    noChannel: '{{region}} has no AWS Config delivery channel: the recorder cannot deliver',
    regionUnknown: 'cannot tell whether AWS Config is set up in {{region}}',
  },
  check(context) {
    const { inventory } = context;
    const statuses = inventory.ofType(STATUS).filter((s) => s.mode === 'managed');
    for (const recorder of inventory.ofType(RECORDER)) {
      if (recorder.mode === 'managed') checkRecorder(context, recorder, statuses);
    }
    for (const coverage of inventory.ofType(COVERAGE)) checkRegion(context, coverage);
  },
});

type Context = PolicyContext<Record<string, never>>;

function checkRecorder(context: Context, recorder: Resource, statuses: readonly Resource[]): void {
  const data = { recorder: recorder.address };
  const groups = listOf(recorder.values['recording_group']);
  if (isUnknown(groups)) {
    context.unknown({ resource: recorder, path: 'recording_group', messageId: 'recorderUnknown', data, reason: groups });
    return;
  }
  const group = groups.find(isValueObject);
  // An absent block or attribute: the provider default is all_supported = true.
  const all: Value = group?.['all_supported'] ?? true;
  if (isUnknown(all)) {
    context.unknown({ resource: recorder, path: 'recording_group.0.all_supported', messageId: 'recorderUnknown', data, reason: all });
    return;
  }
  if (all !== true) {
    const types = group ? listOf(group['resource_types']) : [];
    const how = isUnknown(types) ? 'all_supported = false' : `all_supported = false, ${types.length} types selected`;
    context.fail({ resource: recorder, path: 'recording_group.0.all_supported', messageId: 'notAllTypes', data: { ...data, how }, evidence: [{ path: 'recording_group.0.all_supported', value: all }] });
    return;
  }
  const name = recorder.values['name'] ?? 'default';
  const status = statuses.find((s) => s.values['name'] === name || Object.values(s.references).some((refs) => refs.includes(recorder.address)));
  if (!status) {
    context.fail({
      resource: recorder,
      messageId: 'notRecording',
      data: { ...data, why: 'no aws_config_configuration_recorder_status starts it, and a new recorder is created stopped' },
      evidence: [{ path: 'name', value: isUnknown(name) ? null : name, note: 'no aws_config_configuration_recorder_status names this recorder' }],
    });
    return;
  }
  const enabled = status.values['is_enabled'];
  // The status resource's is_enabled is the line that stops (or may stop) the recorder.
  const at = { location: locate(status, 'is_enabled') };
  if (enabled === true) context.pass({ resource: recorder, messageId: 'recording', data });
  else if (isUnknown(enabled)) context.unknown({ resource: recorder, ...at, messageId: 'recorderUnknown', data, reason: enabled });
  else context.fail({ resource: recorder, ...at, messageId: 'notRecording', data: { ...data, why: `${status.address}.is_enabled is ${String(enabled)}` }, evidence: [{ path: 'is_enabled', value: enabled ?? null }] });
}

function checkRegion(context: Context, coverage: Resource): void {
  const region = String(coverage.values['region'] ?? coverage.address);
  const recorders = listOf(coverage.values['recorders']);
  const channels = listOf(coverage.values['delivery_channels']);
  if (isUnknown(recorders) || isUnknown(channels)) {
    context.unknown({ resource: coverage, messageId: 'regionUnknown', data: { region }, reason: isUnknown(recorders) ? recorders : (channels as Unknown) });
  } else if (recorders.length === 0) {
    context.fail({ resource: coverage, messageId: 'noRecorder', data: { region }, evidence: [{ path: 'recorders', value: [] }] });
  } else if (channels.length === 0) {
    context.fail({ resource: coverage, messageId: 'noChannel', data: { region }, evidence: [{ path: 'delivery_channels', value: [] }] });
  }
  // A region with a recorder and a channel has no verdict of its own: its recorders carry it.
}
