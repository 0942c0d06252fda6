import { definePolicy, isUnknown, knownString, type Inventory, type PolicyContext, type Resource } from '../src/api.js';

/** Attributes of an aws_eip that associate it with something. */
const TARGETS = ['instance', 'network_interface'] as const;
/** Resources that take an Elastic IP by `allocation_id`. */
const USERS = ['aws_eip_association', 'aws_nat_gateway'];

export const eipUnattached = definePolicy({
  id: 'eip-unattached',
  title: 'Elastic IP address is not associated with anything',
  severity: 'low',
  description:
    'An Elastic IP address is allocated but not associated with an instance, a network interface or a NAT gateway. ' +
    'AWS charges for every public IPv4 address, and an idle address kept "just in case" is often a forgotten one ' +
    'that can be re-attached to the wrong host.',
  remediation: 'Associate the address with what needs it, or release it (remove the aws_eip, or `aws ec2 release-address`).',
  // No framework: EC2.12 (unused EIPs) is a Security Hub control outside the FSBP standard.
  tags: ['hygiene', 'cost', 'network'],
  resourceTypes: ['aws_eip'],
  messages: {
    associatedInConfiguration: '{{eip}} is associated (an association or NAT gateway of this configuration uses it)',
    associated: '{{eip}} is associated (association_id is set)',
    associatedWith: '{{eip}} is associated with its {{target}}',
    associationUnknown: '{{eip}}: cannot tell whether it will be associated',
    unattached: '{{eip}}{{publicIp}} is not associated with any instance, network interface or NAT gateway',
  },
  check(context) {
    const used = usedAllocations(context.inventory);
    for (const eip of context.inventory.ofType('aws_eip')) {
      if (eip.mode === 'managed') checkEip(context, eip, used);
    }
  },
});

function checkEip(context: PolicyContext<Record<string, never>>, eip: Resource, used: Set<Resource>): void {
  const association = eip.values['association_id'];
  if ((knownString(association) ?? '') !== '' || used.has(eip)) {
    context.pass({ resource: eip, messageId: used.has(eip) ? 'associatedInConfiguration' : 'associated', data: { eip: eip.address } });
    return;
  }
  for (const attribute of TARGETS) {
    const value = eip.values[attribute];
    if ((knownString(value) ?? '') !== '' || (eip.references[attribute]?.length ?? 0) > 0) {
      context.pass({ resource: eip, messageId: 'associatedWith', data: { eip: eip.address, target: attribute.replace('_', ' ') } });
      return;
    }
  }
  // Unknown values the configuration does not write are computed by the provider: they do not mean "associated".
  const undecided = TARGETS.find((attribute) => isUnknown(eip.values[attribute]) && (eip.configuredAttributes === undefined || eip.configuredAttributes.includes(attribute)));
  if (undecided) {
    const value = eip.values[undecided];
    context.unknown({ resource: eip, path: undecided, messageId: 'associationUnknown', data: { eip: eip.address }, reason: isUnknown(value) ? value : `${undecided} is not known` });
    return;
  }
  context.fail({
    resource: eip,
    path: 'association_id',
    messageId: 'unattached',
    data: { eip: eip.address, publicIp: publicIp(eip) },
    evidence: [
      { path: 'association_id', value: isUnknown(association) ? association : (association ?? null) },
      ...TARGETS.map((attribute) => ({ path: attribute, value: eip.values[attribute] ?? null })),
    ],
  });
}

/** Elastic IPs that an association or a NAT gateway in the inventory takes by allocation id. */
function usedAllocations(inventory: Inventory): Set<Resource> {
  const used = new Set<Resource>();
  for (const user of inventory.ofType(...USERS)) {
    const targets = inventory.resolve(user, 'allocation_id', ['aws_eip']);
    if (!isUnknown(targets)) for (const target of targets) used.add(target);
  }
  return used;
}

function publicIp(eip: Resource): string {
  const ip = knownString(eip.values['public_ip']);
  return ip && !eip.address.includes(ip) ? ` (${ip})` : '';
}
