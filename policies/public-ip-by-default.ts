import { definePolicy, isUnknown, isValueObject, launchTemplateOf, listOf, locate, type Inventory, type PolicyContext, type Resource, type Unknown, type Value } from '../src/api.js';

export interface PublicIpByDefaultOptions {
  /**
   * Tags that mark a subnet as public on purpose (`{ Tier: public }`): a subnet carrying all of them
   * may assign public IPs, and instances launched into it may have one. Empty: no subnet is.
   */
  allowPublicSubnetTags: Record<string, string>;
}

type Options = PublicIpByDefaultOptions;
type Context = PolicyContext<Options>;

/** Where another resource gives the address (an Elastic IP's attachment attribute). */
interface Site {
  resource: Resource;
  path: string;
}

/** Whether a launch gets a public IPv4, and what says so. */
type Answer = { public: boolean; how: string; path?: string; evidence?: string; site?: Site } | { unknown: Unknown | string };

export const publicIpByDefault = definePolicy<Options>({
  id: 'public-ip-by-default',
  title: 'Subnet or launch assigns public IPv4 addresses',
  severity: 'low',
  description:
    'Something gives instances a public IPv4 address without anyone asking per instance: an aws_subnet with ' +
    'map_public_ip_on_launch = true (Security Hub EC2.15; the provider default is false); an aws_instance that has a public ' +
    'IPv4 (EC2.9): associate_public_ip_address = true, an aws_eip or aws_eip_association naming it, or, with ' +
    'associate_public_ip_address unset, a subnet that maps public IPs on launch (resolved through subnet_id, or the network ' +
    'interface of its launch template); an aws_launch_template whose network interface sets associate_public_ip_address = true ' +
    'or an aws_launch_configuration with associate_public_ip_address = true (AutoScaling.5). Option allowPublicSubnetTags ' +
    'marks subnets that are public on purpose (all the given tags must match): such a subnet passes, and so does an ' +
    'instance or template interface launched into it. Unknown: the value, the subnet or its tags are known only after apply, ' +
    'the subnet is not in the input, or an instance names no subnet (it launches into the default subnet of the default VPC, ' +
    'which maps public IPs unless changed). Live: subnets from DescribeSubnets (default subnets included, as EC2.15 does), ' +
    'instances by the public IPv4 DescribeInstances reports (an Elastic IP included), launch templates at their latest ' +
    'version, launch configurations from DescribeLaunchConfigurations. IPv6 addresses are not counted here.',
  remediation:
    'Set map_public_ip_on_launch = false on subnets and associate_public_ip_address = false on instances, launch templates ' +
    'and launch configurations; reach instances through a load balancer, NAT gateway or Systems Manager instead. Tag the ' +
    'subnets that are public on purpose and list the tag in allowPublicSubnetTags.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['EC2.15', 'EC2.9', 'AutoScaling.5'],
    'PCI DSS 4.0': ['1.4.4'],
  },
  tags: ['network', 'internet-exposure', 'compute'],
  resourceTypes: ['aws_subnet', 'aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_eip', 'aws_eip_association'],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { allowPublicSubnetTags: { type: 'object', additionalProperties: { type: 'string' } } },
    },
    defaults: { allowPublicSubnetTags: {} },
  },
  messages: {
    subnetMaps: '{{what}} assigns a public IPv4 to every instance launched into it (map_public_ip_on_launch = true)',
    subnetPrivate: '{{what}} does not assign public IPv4 addresses',
    allowedSubnet: '{{what}} is a public subnet allowed by its tags ({{tags}})',
    launchPublic: '{{what}} gets a public IPv4 ({{how}})',
    launchPrivate: '{{what}} gets no public IPv4 ({{how}})',
    undecided: '{{what}}: cannot tell whether it gets a public IPv4',
  },
  check(context) {
    const { inventory } = context;
    for (const subnet of inventory.ofType('aws_subnet')) {
      if (subnet.mode === 'managed') checkSubnet(context, subnet);
    }
    const withEip = instancesWithElasticIps(inventory);
    for (const instance of inventory.ofType('aws_instance')) {
      if (instance.mode !== 'managed') continue;
      const site = withEip.get(instance);
      judge(context, instance, site ? { public: true, how: `Elastic IP ${site.resource.address}`, site } : instanceAnswer(context, instance));
    }
    for (const template of inventory.ofType('aws_launch_template')) {
      if (template.mode === 'managed') judge(context, template, templateAnswer(context, template));
    }
    for (const configuration of inventory.ofType('aws_launch_configuration')) {
      if (configuration.mode === 'managed') judge(context, configuration, flagAnswer(configuration, 'associate_public_ip_address') ?? { public: false, how: 'associate_public_ip_address is not set' });
    }
  },
});

function checkSubnet(context: Context, subnet: Resource): void {
  const what = subnet.address;
  const maps = subnet.values['map_public_ip_on_launch'];
  if (isUnknown(maps)) {
    context.unknown({ resource: subnet, path: 'map_public_ip_on_launch', messageId: 'undecided', data: { what }, reason: maps });
    return;
  }
  if (maps !== true) {
    context.pass({ resource: subnet, messageId: 'subnetPrivate', data: { what } });
    return;
  }
  const allowed = allowedByTags(context.options, subnet);
  if (allowed === true) {
    context.pass({ resource: subnet, messageId: 'allowedSubnet', data: { what, tags: tagText(context.options) } });
  } else if (isUnknown(allowed)) {
    context.unknown({ resource: subnet, path: 'tags', messageId: 'undecided', data: { what }, reason: `map_public_ip_on_launch is true and its tags, which may allow it, are not known: ${allowed.reason}` });
  } else {
    context.fail({ resource: subnet, path: 'map_public_ip_on_launch', messageId: 'subnetMaps', data: { what }, evidence: [{ path: 'map_public_ip_on_launch', value: true }] });
  }
}

function instanceAnswer(context: Context, instance: Resource): Answer {
  const subnets = (): Resource[] | Unknown => context.inventory.resolve(instance, 'subnet_id', ['aws_subnet']);
  const own = flagAnswer(instance, 'associate_public_ip_address');
  if (own) return allowIfInAllowedSubnet(context, own, subnets);
  const template = launchTemplateOf(context.inventory, instance);
  if (isUnknown(template)) return { unknown: template };
  if (template) {
    const nics = listOf(template.values['network_interfaces']);
    if (isUnknown(nics)) return { unknown: nics };
    const primary = nics.find((n) => isValueObject(n) && (n['device_index'] ?? 0) === 0);
    const flag = isValueObject(primary) ? stringFlag(primary['associate_public_ip_address']) : null;
    if (isUnknown(flag)) return { unknown: flag };
    if (flag !== null) {
      const evidence = `${template.address}.network_interfaces.${nics.indexOf(primary!)}.associate_public_ip_address`;
      return allowIfInAllowedSubnet(context, { public: flag, how: `associate_public_ip_address = ${String(flag)} in launch template ${template.address}`, evidence }, subnets);
    }
  }
  const subnetId = instance.values['subnet_id'];
  if (subnetId === undefined || subnetId === null || subnetId === '') {
    return { unknown: 'no subnet_id: the instance launches into the default subnet of the default VPC, which assigns public IPv4 addresses unless changed' };
  }
  return subnetAnswer(context, subnets(), subnetId, `${instance.address}.subnet_id`);
}

/** The subnet's map_public_ip_on_launch decides, an allowed public subnet excepted. */
function subnetAnswer(context: Context, subnets: Resource[] | Unknown, id: Value | undefined, where: string): Answer {
  if (isUnknown(subnets)) return { unknown: `the subnet (${where}) is not known: ${subnets.reason}` };
  const subnet = subnets[0];
  if (!subnet) return { unknown: `subnet ${String(id)} is not in the input; its map_public_ip_on_launch decides` };
  const maps = subnet.values['map_public_ip_on_launch'];
  if (isUnknown(maps)) return { unknown: `${subnet.address}.map_public_ip_on_launch is not known: ${maps.reason}` };
  if (maps !== true) return { public: false, how: `associate_public_ip_address is not set and ${subnet.address} does not map public IPs on launch` };
  const how = `associate_public_ip_address is not set and ${subnet.address} has map_public_ip_on_launch = true`;
  return allowIfInAllowedSubnet(context, { public: true, how, evidence: `${subnet.address}.map_public_ip_on_launch` }, () => subnets);
}

/** A public launch into a subnet the options mark as public on purpose passes; the subnet is resolved only for such a launch. */
function allowIfInAllowedSubnet(context: Context, answer: Answer, subnetsOf: () => Resource[] | Unknown): Answer {
  if (!('public' in answer) || !answer.public || Object.keys(context.options.allowPublicSubnetTags).length === 0) return answer;
  const subnets = subnetsOf();
  if (isUnknown(subnets) || !subnets[0]) return answer;
  if (allowedByTags(context.options, subnets[0]) !== true) return answer;
  return { public: false, how: `${answer.how}, in ${subnets[0].address}, a public subnet allowed by its tags (${tagText(context.options)})` };
}

function templateAnswer(context: Context, template: Resource): Answer {
  const nics = listOf(template.values['network_interfaces']);
  if (isUnknown(nics)) return { unknown: nics };
  for (const [i, nic] of nics.entries()) {
    if (!isValueObject(nic)) continue;
    const flag = stringFlag(nic['associate_public_ip_address']);
    if (isUnknown(flag)) return { unknown: flag };
    if (flag !== true) continue;
    const path = `network_interfaces.${i}.associate_public_ip_address`;
    const answer: Answer = { public: true, how: `${path} = true`, path };
    const subnetId = nic['subnet_id'];
    if (subnetId === undefined || subnetId === null || subnetId === '') return answer;
    return allowIfInAllowedSubnet(context, answer, () => context.inventory.resolve(template, `network_interfaces.${i}.subnet_id`, ['aws_subnet']));
  }
  return { public: false, how: 'no network interface sets associate_public_ip_address = true' };
}

/** A boolean attribute that decides when set. */
function flagAnswer(resource: Resource, name: string): Answer | undefined {
  const value = resource.values[name];
  if (isUnknown(value)) return { unknown: value };
  if (typeof value !== 'boolean') return undefined;
  return { public: value, how: `${name} = ${String(value)}`, path: name };
}

/** Launch templates keep interface booleans as "true"/"false" ("" or null when unset). */
function stringFlag(value: Value | undefined): boolean | null | Unknown {
  if (isUnknown(value)) return value;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}

function allowedByTags(options: Options, subnet: Resource): boolean | Unknown {
  const wanted = Object.entries(options.allowPublicSubnetTags);
  if (wanted.length === 0) return false;
  const tags = subnet.tags;
  if (isUnknown(tags)) return tags;
  if (!tags) return false;
  return wanted.every(([key, value]) => tags[key] === value);
}

function tagText(options: Options): string {
  return Object.entries(options.allowPublicSubnetTags)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

/** Instances an Elastic IP is attached to (aws_eip.instance, aws_eip_association.instance_id), indexed once. */
function instancesWithElasticIps(inventory: Inventory): Map<Resource, Site> {
  const out = new Map<Resource, Site>();
  for (const [type, path] of [['aws_eip', 'instance'], ['aws_eip_association', 'instance_id']] as const) {
    for (const eip of inventory.ofType(type)) {
      if (eip.mode !== 'managed') continue;
      const found = inventory.resolve(eip, path, ['aws_instance']);
      if (!isUnknown(found)) for (const instance of found) if (!out.has(instance)) out.set(instance, { resource: eip, path });
    }
  }
  return out;
}

function judge(context: Context, resource: Resource, answer: Answer): void {
  const what = resource.address;
  if ('unknown' in answer) {
    context.unknown({ resource, messageId: 'undecided', data: { what }, reason: answer.unknown });
    return;
  }
  if (!answer.public) {
    context.pass({ resource, messageId: 'launchPrivate', data: { what, how: answer.how } });
    return;
  }
  const { site } = answer;
  // An Elastic IP is found at its attachment: that line is what gives the instance its address.
  const where = site ? { location: locate(site.resource, site.path) } : answer.path ? { path: answer.path } : {};
  const evidence = site
    ? { path: `${site.resource.address}.${site.path}`, value: resource.address, note: 'attaches an Elastic IP to the instance' }
    : { path: answer.evidence ?? answer.path ?? 'associate_public_ip_address', value: true };
  context.fail({ resource, ...where, messageId: 'launchPublic', data: { what, how: answer.how }, evidence: [evidence] });
}
