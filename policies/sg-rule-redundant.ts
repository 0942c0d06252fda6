import { definePolicy, isUnknown, ruleWords, type SecurityGroupRule } from '../src/api.js';
import { groupLabel, managedGroupViews, RULE_TYPES } from './sg-shared/group-names.js';
import { covers, extentReader, type RuleExtent } from './sg-rule-redundant/rule-extent.js';

export const sgRuleRedundant = definePolicy({
  id: 'sg-rule-redundant',
  title: 'Security group rule is covered by another rule of the group',
  severity: 'info',
  description:
    'A rule of a security group that another rule of the same group and direction already allows in full: the other ' +
    'rule\'s protocol is all traffic or the same protocol, its port range holds this one\'s, and its peers hold every ' +
    'peer of this one (its CIDR blocks contain these addresses, exactly, as address sets; and it names the same prefix ' +
    'lists, groups and self). Example: tcp 443 from 10.0.0.0/16 beside all traffic from 10.0.0.0/8. The covered rule ' +
    'changes nothing, but it misleads the reader about what the group allows and survives when the broader rule is ' +
    'narrowed. Of two identical rules, the later one is reported. Rules are compared one to one (a rule covered only by ' +
    'several others together is not reported). A rule with any part known only after apply (a CIDR, a group id, ports) ' +
    'is never called redundant nor used to call another redundant; when a group\'s whole rule list is known only after ' +
    'apply the verdict is unknown. Not a Security Hub control.',
  remediation: 'Delete the covered rule, or narrow the broader rule if it allows more than intended.',
  frameworks: {},
  tags: ['network', 'security-group', 'hygiene'],
  resourceTypes: ['aws_security_group', 'aws_default_security_group', ...RULE_TYPES],
  messages: {
    redundant: '{{group}}: {{rule}} ({{where}}) is already allowed by {{by}} ({{byWhere}})',
    rulesUnknown: 'cannot tell whether {{group}} has redundant {{direction}} rules: they are known only after apply',
    noneRedundant: '{{group}}: no rule is covered by another',
  },
  check(context) {
    const extentOf = extentReader();
    for (const group of managedGroupViews(context.inventory)) {
      const resource = group.resource;
      const label = groupLabel(resource);
      let reported = false;
      const extents: RuleExtent[] = [];
      for (const rule of group.rules) {
        // A whole block (or the whole list) known only after apply: there may be anything in it.
        if (rule.origin === resource && isUnknown(rule.protocol) && Object.keys(rule.attributes).length === 0) {
          context.unknown({ resource, element: `${rule.path} ?`, messageId: 'rulesUnknown', data: { group: label, direction: rule.direction }, reason: rule.protocol });
          reported = true;
          continue;
        }
        const extent = extentOf(rule);
        if (extent) extents.push(extent);
      }
      extents.forEach((inner, i) => {
        // An identical pair covers both ways: the earlier rule stays, the later one is reported.
        const by = extents.find((outer, j) => j !== i && covers(outer, inner) && (j < i || !covers(inner, outer)));
        if (!by) return;
        reported = true;
        const standalone = inner.rule.origin !== resource;
        // The whole rule is redundant: its inline block, or the standalone rule's resource.
        const target = { resource, locationOf: inner.rule.origin, path: inner.rule.path };
        const words = ruleWords(inner.rule);
        const byWords = ruleWords(by.rule);
        context.fail({
          ...target,
          element: `${where(inner.rule)}: ${words}`,
          messageId: 'redundant',
          data: { group: label, rule: words, where: where(inner.rule), by: byWords, byWhere: where(by.rule) },
          evidence: [{ path: standalone ? inner.rule.origin.address : inner.rule.path, value: words, note: `covered by ${where(by.rule)}: ${byWords}` }],
        });
      });
      if (!reported) context.pass({ resource, messageId: 'noneRedundant', data: { group: label } });
    }
  },
});

function where(rule: SecurityGroupRule): string {
  return rule.path === '' ? rule.origin.address : `${rule.direction} rule ${rule.path}`;
}
