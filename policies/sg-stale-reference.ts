import { definePolicy, isUnknown, normaliseProtocol, isValueObject, listOf, trafficWords, type PolicyContext, type Resource, type SecurityGroup, type Value, type ValueObject } from '../src/api.js';
import { groupLabel, managedGroupViews, RULE_TYPES } from './sg-shared/group-names.js';

/** A literal group id as Terraform and the API write it: `sg-…`, or `account/sg-…` for another account's. */
const LITERAL_GROUP = /^(\d{12}\/)?sg-[0-9a-f]+$/;

export const sgStaleReference = definePolicy({
  id: 'sg-stale-reference',
  title: 'Security group rule references a group that no longer exists',
  severity: 'low',
  description:
    'A security group rule names a group that is gone: deleted, or reached through a VPC peering connection that was ' +
    'deleted. Such a rule admits nothing today but reads as if it did, and it can start admitting again if the id is ' +
    'reused by a peering or restore. Decided live, from EC2 DescribeStaleSecurityGroups (one paginated call per VPC that ' +
    'has groups); a VPC whose call failed or was not made (an inventory saved by an older warden, --source config, where ' +
    'AWS Config records no stale references) leaves its groups unknown. In Terraform (plan or .tf) staleness cannot be ' +
    'seen: a rule naming a group of the configuration passes (Terraform creates or keeps it), and a rule naming a literal ' +
    'sg- id that is not in the configuration is unknown, since that group may well exist elsewhere (another stack, a peer ' +
    'account) and only a live audit can tell; such a rule is never failed. Not a Security Hub control.',
  remediation:
    'Remove the stale rule (aws ec2 revoke-security-group-ingress / -egress, or delete it from the Terraform ' +
    'configuration), or point it at the group that replaced the deleted one.',
  frameworks: {},
  tags: ['network', 'security-group', 'hygiene'],
  resourceTypes: ['aws_security_group', ...RULE_TYPES],
  messages: {
    stale: '{{group}} has a stale {{direction}} rule: {{traffic}} {{preposition}} {{peers}}, which no longer exists',
    staleUnknown: 'cannot tell whether {{group}} has stale rules: they could not be read',
    literalUnknown: 'cannot tell whether {{reference}}, named by {{group}} ({{rule}}), still exists: it is not in this configuration',
    noStale: '{{group}} names no security group that is gone',
  },
  check(context) {
    for (const group of managedGroupViews(context.inventory)) {
      const resource = group.resource;
      if (resource.type !== 'aws_security_group') continue;
      const reported = resource.source === 'live' ? checkLive(context, resource) : checkConfiguration(context, group, resource);
      if (!reported) context.pass({ resource, messageId: 'noStale', data: { group: groupLabel(resource) } });
    }
  },
});

/** Live: what DescribeStaleSecurityGroups said about the group. */
function checkLive(context: PolicyContext<object>, group: Resource): boolean {
  let reported = false;
  for (const direction of ['ingress', 'egress'] as const) {
    const stale = group.values[`stale_${direction}`];
    if (stale === undefined) continue;
    if (isUnknown(stale)) {
      if (direction === 'egress') continue; // one unknown per group: both lists come from the same call
      context.unknown({ resource: group, element: 'stale rules ?', messageId: 'staleUnknown', data: { group: groupLabel(group) }, reason: stale });
      reported = true;
      continue;
    }
    const rules = listOf(stale);
    if (isUnknown(rules)) continue;
    rules.forEach((rule, i) => {
      if (!isValueObject(rule)) return;
      reported = true;
      const traffic = trafficWords({ protocol: normaliseProtocol(rule['protocol']), fromPort: Number(rule['from_port'] ?? 0), toPort: Number(rule['to_port'] ?? 0) });
      const peers = peerWords(rule);
      context.fail({
        resource: group,
        element: `stale ${direction} ${traffic} ${peers}`,
        messageId: 'stale',
        data: { group: groupLabel(group), direction, traffic, preposition: direction === 'ingress' ? 'from' : 'to', peers },
        evidence: [{ path: `stale_${direction}.${i}`, value: `${traffic} ${peers}`, note: 'listed by DescribeStaleSecurityGroups' }],
      });
    });
  }
  return reported;
}

/** Plan and .tf: a literal id of a group outside the configuration may or may not exist. */
function checkConfiguration(context: PolicyContext<object>, group: SecurityGroup, resource: Resource): boolean {
  const { inventory } = context;
  let reported = false;
  for (const rule of group.rules) {
    const refs = rule.securityGroupRefs;
    if (isUnknown(refs)) continue; // a whole block known only after apply: names no literal id
    for (const ref of refs) {
      if (isUnknown(ref) || !LITERAL_GROUP.test(ref)) continue;
      if (inventory.byId(ref.replace(/^\d{12}\//, '')).length > 0) continue;
      reported = true;
      const where = rule.path === '' ? rule.origin.address : `${rule.direction} rule ${rule.path}`;
      context.unknown({
        resource,
        // The reference is what is in doubt: its attribute in the rule's resource (inline block or standalone rule).
        locationOf: rule.origin,
        path: rule.attributes.securityGroupRefs ?? rule.path,
        element: `${where} ${ref}`,
        messageId: 'literalUnknown',
        data: { reference: ref, group: groupLabel(resource), rule: where },
        reason: `${ref} is not in this configuration: it may exist (another stack or account); only a live audit (DescribeStaleSecurityGroups) can tell whether it is gone`,
      });
    }
  }
  return reported;
}

function peerWords(rule: ValueObject): string {
  const pairs = listOf(rule['referenced_groups']);
  if (isUnknown(pairs)) return 'a group';
  const words = pairs.filter(isValueObject).map((pair) => {
    const id = text(pair['group_id']) ?? 'a group';
    const where = [text(pair['vpc_id']), text(pair['vpc_peering_connection_id']) && `over ${text(pair['vpc_peering_connection_id'])}`, text(pair['peering_status']) && `peering ${text(pair['peering_status'])}`].filter(Boolean);
    return where.length > 0 ? `${id} (${where.join(', ')})` : id;
  });
  return words.length > 0 ? words.join(', ') : 'a group';
}

function text(value: Value | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
