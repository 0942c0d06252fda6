import { definePolicy, internetSource, isUnknown, PrefixLists, ruleWords, type PolicyContext, type Resource, type SecurityGroupRule, type Unknown } from '../src/api.js';
import { groupLabel, isDefaultGroup, managedGroupViews, RULE_TYPES } from './sg-shared/group-names.js';
import { DATA_STORE_TYPES, InternalTiers, type TierOptions } from './sg-egress-open/internal-tier.js';

export const sgEgressOpen = definePolicy<TierOptions>({
  id: 'sg-egress-open',
  title: 'Internal-tier security group allows all egress to the internet',
  severity: 'medium',
  description:
    'A security group that guards a database, a cache or another internal tier has an egress rule allowing all traffic ' +
    '(protocol -1, or every TCP or UDP port) to 0.0.0.0/0 or ::/0, directly or through a managed prefix list holding a /0. ' +
    'A data tier answers the connections it receives (security groups are stateful) and needs no outbound internet: an ' +
    'open egress is the exfiltration path after a compromise. A group is internal when it is attached to a data store ' +
    '(aws_db_instance, aws_rds_cluster, ElastiCache, Redshift, DocumentDB, Neptune; live also an RDS or ElastiCache network ' +
    'interface), when its tier tag (option tierTag, default Tier) has one of the internalTiers values, or when its name or ' +
    'Name tag matches namePattern. Narrow egress (tcp 443 to 0.0.0.0/0, anything to a VPC range or a group) passes. Note ' +
    'that AWS gives every new group an allow-all egress rule; Terraform removes it unless the configuration writes it, so ' +
    'a live group created by hand usually fails here. At plan time a rule whose protocol, ports or destination are known ' +
    'only after apply is unknown. Groups of other tiers are not checked. No Security Hub control covers egress.',
  remediation:
    'Remove the allow-all egress rule from the group (in Terraform, write only the egress blocks the tier needs; an ' +
    'aws_security_group with no egress blocks has none). Give the tier only the egress it needs: to the VPC range, to ' +
    'another group, or to a VPC endpoint prefix list.',
  frameworks: {
    'PCI DSS 4.0': ['1.3.2', '1.4.4'],
  },
  tags: ['network', 'security-group', 'egress'],
  resourceTypes: [
    'aws_security_group', ...RULE_TYPES, 'aws_ec2_managed_prefix_list', 'aws_prefix_list', 'aws_network_interface', 'aws_instance',
    ...DATA_STORE_TYPES,
  ],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tierTag: { type: 'string', minLength: 1 },
        internalTiers: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        namePattern: { type: ['string', 'null'], minLength: 1 },
      },
    },
    defaults: { tierTag: 'Tier', internalTiers: ['database', 'db', 'data', 'cache', 'internal'], namePattern: null },
  },
  messages: {
    allEgress: '{{group}} allows {{rule}}, but {{why}}',
    egressUnknown: 'cannot tell whether {{group}} allows all egress to the internet ({{rule}}); {{why}}',
    noAllEgress: '{{group}} ({{why}}) allows no all-traffic egress to the internet',
  },
  check(context) {
    const { inventory, options } = context;
    const tiers = new InternalTiers(inventory, options);
    const prefixLists = new PrefixLists(inventory);
    for (const group of managedGroupViews(inventory)) {
      const resource = group.resource;
      if (isDefaultGroup(resource)) continue;
      const why = tiers.reasonFor(resource);
      if (!why) continue;
      let reported = false;
      for (const rule of group.rules) {
        if (rule.direction !== 'egress') continue;
        const verdict = allEgressToInternet(rule, prefixLists);
        if (verdict === false) continue;
        reported = true;
        report(context, resource, rule, why, verdict);
      }
      if (!reported) context.pass({ resource, messageId: 'noAllEgress', data: { group: groupLabel(resource), why } });
    }
  },
});

/** True: the rule sends every protocol and port to a /0; false: it does not; Unknown: it may. */
function allEgressToInternet(rule: SecurityGroupRule, prefixLists: PrefixLists): boolean | Unknown {
  const all = everything(rule);
  if (all === false) return false;
  const destinations: (string | Unknown)[] = [];
  let doubt: Unknown | undefined;
  for (const list of [rule.ipv4Cidrs, rule.ipv6Cidrs]) {
    if (isUnknown(list)) doubt ??= list;
    else destinations.push(...list);
  }
  if (!isUnknown(rule.prefixListIds) && rule.prefixListIds.length > 0 && rule.attributes.prefixListIds) {
    const entries = prefixLists.entriesAt(rule.origin, rule.attributes.prefixListIds);
    if (isUnknown(entries)) doubt ??= entries;
    else for (const list of entries) destinations.push(...list.cidrs);
  } else if (isUnknown(rule.prefixListIds)) doubt ??= rule.prefixListIds;
  for (const destination of destinations) {
    if (isUnknown(destination)) {
      doubt ??= destination;
      continue;
    }
    const verdict = internetSource(destination);
    if (isUnknown(verdict)) doubt ??= verdict;
    else if (verdict.internet) {
      if (all === true) return true;
      doubt ??= all;
    }
  }
  return doubt ?? false;
}

/** Whether the rule lets every protocol and port out: protocol -1, or a whole TCP/UDP range. */
function everything(rule: SecurityGroupRule): boolean | Unknown {
  if (isUnknown(rule.protocol)) return rule.protocol;
  if (rule.protocol === '-1') return true;
  if (rule.protocol !== 'tcp' && rule.protocol !== 'udp') return false;
  if (isUnknown(rule.fromPort)) return rule.fromPort;
  if (isUnknown(rule.toPort)) return rule.toPort;
  return rule.fromPort <= 0 && rule.toPort >= 65535;
}

function report(context: PolicyContext<TierOptions>, group: Resource, rule: SecurityGroupRule, why: string, verdict: true | Unknown): void {
  const standalone = rule.origin !== group;
  // Protocol and destination together decide: the rule's inline block, or the standalone rule's resource.
  const target = { resource: group, locationOf: rule.origin, path: rule.path };
  const words = ruleWords(rule);
  const element = `egress ${rule.path === '' ? rule.origin.address : rule.path}: ${words}`;
  const data = { group: groupLabel(group), rule: words, why };
  if (verdict === true) {
    context.fail({ ...target, element, messageId: 'allEgress', data, evidence: [{ path: standalone ? rule.origin.address : rule.path, value: words, note: why }] });
  } else {
    context.unknown({ ...target, element, messageId: 'egressUnknown', data, reason: verdict });
  }
}
