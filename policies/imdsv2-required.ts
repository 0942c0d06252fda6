import { definePolicy, isUnknown, launchTemplateOf, type Inventory, type PolicyContext, type Resource, type Unknown } from '../src/api.js';
import { ownSetting, type OwnSetting } from './imdsv2-required/instance-metadata.js';

const LAUNCHERS = ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'];
const AMI_TYPES = ['aws_ami', 'aws_ami_copy', 'aws_ami_from_instance'];
const ACCOUNT_DEFAULTS = 'aws_ec2_instance_metadata_defaults';

/** Where a launcher's IMDS setting comes from when it decides. */
interface Decision {
  setting: OwnSetting;
  /** Who decided: the resource itself, its launch template, the account defaults or the AMI. */
  from: Resource;
  how: string;
}

export const imdsv2Required = definePolicy({
  id: 'imdsv2-required',
  title: 'Instances can use IMDSv1 (instance metadata without session tokens)',
  severity: 'high',
  description:
    'An aws_instance, aws_launch_template or aws_launch_configuration lets instances use IMDSv1: metadata_options.http_tokens ' +
    'is "optional". IMDSv1 answers a single unauthenticated GET, so an SSRF flaw in an application hands out the instance ' +
    'role\'s credentials. It passes with http_tokens = "required", or http_endpoint = "disabled" (no metadata service at all). ' +
    'When http_tokens is not set, the launch decides, in this order: an instance launched from a launch template ' +
    '(launch_template { id or name }) takes the template\'s setting (its attributes describe its latest version); then the AMI: ' +
    'an aws_ami in the configuration (resource or data source) with imds_support = "v2.0" requires IMDSv2; then the account\'s ' +
    'instance metadata defaults (an aws_ec2_instance_metadata_defaults in the configuration with http_tokens = "required"); ' +
    'otherwise AWS allows IMDSv1, and unset fails. Unset is unknown when the deciding input is: the AMI comes from a data source or ' +
    'resource whose imds_support is known only after apply (data sources are not read in source scans), the AMI id itself is ' +
    'known only after apply, or the launch template is not in the input. An AMI given by a literal id is not looked up: unset then ' +
    'fails even though the AMI might carry ImdsSupport v2.0 (Amazon Linux 2023 does); set http_tokens explicitly to make the ' +
    'configuration say what it means. Live: instances are judged on the effective MetadataOptions DescribeInstances returns; ' +
    'launch templates on their latest version (DescribeLaunchTemplateVersions $Latest, the version the Terraform resource shows; ' +
    'instances launched from another version are judged themselves); launch configurations on DescribeLaunchConfigurations. ' +
    'The region\'s defaults are read live with GetInstanceMetadataDefaults (an aws_ec2_instance_metadata_defaults record), ' +
    'so a live template or configuration that leaves the setting unset passes where they require IMDSv2. Security Hub EC2.8 checks only instances, AutoScaling.3 launch ' +
    'configurations and EC2.170 launch templates; this policy covers all three.',
  remediation:
    'Set metadata_options { http_tokens = "required" } (keep http_endpoint = "enabled" if the workload reads metadata, and ' +
    'http_put_response_hop_limit = 2 for containers). For running instances: aws ec2 modify-instance-metadata-options ' +
    '--http-tokens required. Account-wide: aws_ec2_instance_metadata_defaults { http_tokens = "required" } in every region.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['5.6'],
    'AWS Foundational Security Best Practices': ['EC2.8', 'AutoScaling.3', 'EC2.170'],
  },
  tags: ['compute', 'imds', 'credentials'],
  resourceTypes: [...LAUNCHERS, ACCOUNT_DEFAULTS, ...AMI_TYPES],
  messages: {
    required: '{{what}} requires IMDSv2 ({{how}})',
    disabled: '{{what}} has the instance metadata service disabled ({{how}})',
    optional: '{{what}} allows IMDSv1: http_tokens is "optional" ({{how}})',
    unsetOptional: '{{what}} allows IMDSv1: http_tokens is not set and {{why}}',
    undecided: '{{what}}: cannot tell whether IMDSv2 is required',
  },
  check(context) {
    const { inventory } = context;
    const defaults = accountDefaults(inventory);
    for (const resource of inventory.ofType(...LAUNCHERS)) {
      if (resource.mode !== 'managed') continue;
      judge(context, resource, decide(inventory, resource, defaults));
    }
  },
});

type Outcome = Decision | { unknown: Unknown | string } | { unset: string };

function decide(inventory: Inventory, resource: Resource, defaults: Outcome | undefined): Outcome {
  let own = ownSetting(resource);
  let from = resource;
  let how = 'metadata_options';
  if (own.kind === 'unset' && resource.type === 'aws_instance') {
    const template = launchTemplateOf(inventory, resource);
    if (isUnknown(template)) return { unknown: template };
    if (template) {
      own = ownSetting(template);
      from = template;
      how = `from launch template ${template.address}`;
    }
  }
  if (own.kind === 'unknown') return { unknown: own.reason };
  if (own.kind === 'decided') return { setting: own, from, how: from === resource ? `${own.path} = "${own.value}"` : how };
  // The AMI and the account defaults can each only make IMDSv2 required, so either one saying so decides.
  const ami = amiDecision(inventory, resource, from);
  for (const outcome of [defaults, ami]) if (outcome && 'setting' in outcome) return outcome;
  for (const outcome of [ami, defaults]) if (outcome && 'unknown' in outcome) return outcome;
  return ami ?? { unset: 'nothing in the configuration requires IMDSv2 (no AMI with imds_support = "v2.0", no account metadata defaults), so AWS allows IMDSv1' };
}

/** The AMI's ImdsSupport, when the AMI is in the input. */
function amiDecision(inventory: Inventory, resource: Resource, template: Resource): Outcome | undefined {
  const attribute = resource.type === 'aws_instance' ? 'ami' : 'image_id';
  let holder = resource;
  let path = attribute;
  if (resource.values[attribute] === undefined || resource.values[attribute] === null || resource.values[attribute] === '') {
    if (template === resource) return undefined;
    holder = template;
    path = 'image_id';
  }
  const amis = inventory.resolve(holder, path, AMI_TYPES);
  if (isUnknown(amis)) return { unknown: `the AMI (${holder.address}.${path}) is known only after apply, and its ImdsSupport may require IMDSv2: ${amis.reason}` };
  const ami = amis[0];
  if (!ami) return { unset: `its AMI ${String(holder.values[path] ?? '(none)')} is not in the configuration, and neither it nor the account's metadata defaults are shown to require IMDSv2, so AWS allows IMDSv1` };
  const support = ami.values['imds_support'];
  if (support === undefined && ami.mode === 'data') return { unknown: `the ImdsSupport of AMI ${ami.address} is read only when Terraform reads the data source; "v2.0" would require IMDSv2` };
  if (isUnknown(support)) return { unknown: `the ImdsSupport of AMI ${ami.address} is not known (${support.reason}); "v2.0" would require IMDSv2` };
  if (support === 'v2.0') return { setting: { kind: 'decided', tokens: 'required', path: 'imds_support', value: 'v2.0' }, from: ami, how: `AMI ${ami.address} has imds_support = "v2.0"` };
  return { unset: `its AMI ${ami.address} does not set imds_support = "v2.0"` };
}

/** The account's instance metadata defaults in the configuration, when exactly one resource sets them. */
function accountDefaults(inventory: Inventory): Outcome | undefined {
  const holders = inventory.ofType(ACCOUNT_DEFAULTS).filter((r) => r.mode === 'managed');
  if (holders.length !== 1) return undefined;
  const holder = holders[0]!;
  const setting = ownSetting(holder);
  if (setting.kind === 'unknown') return { unknown: setting.reason };
  if (setting.kind === 'decided' && setting.tokens !== 'optional') return { setting, from: holder, how: `account metadata defaults ${holder.address}: ${setting.path} = "${setting.value}"` };
  return undefined;
}

function judge(context: PolicyContext<Record<string, never>>, resource: Resource, outcome: Outcome): void {
  const what = resource.address;
  if ('unknown' in outcome) {
    context.unknown({ resource, path: 'metadata_options', messageId: 'undecided', data: { what }, reason: outcome.unknown });
    return;
  }
  if ('unset' in outcome) {
    context.fail({
      resource,
      path: 'metadata_options',
      messageId: 'unsetOptional',
      data: { what, why: outcome.unset },
      evidence: [{ path: 'metadata_options.0.http_tokens', value: null, note: outcome.unset }],
    });
    return;
  }
  const { setting, from, how } = outcome;
  if (setting.kind !== 'decided') return;
  if (setting.tokens === 'optional') {
    const own = from === resource;
    context.fail({
      resource,
      // The http_tokens line of whoever decided: the resource itself or its launch template.
      locationOf: from,
      path: setting.path,
      messageId: 'optional',
      data: { what, how },
      evidence: [{ path: own ? setting.path : `${from.address}.${setting.path}`, value: 'optional' }],
    });
    return;
  }
  context.pass({ resource, messageId: setting.tokens === 'disabled' ? 'disabled' : 'required', data: { what, how } });
}
