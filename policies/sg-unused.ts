import { definePolicy, GROUP_ATTACHING_TYPES, type Resource } from '../src/api.js';
import { groupLabel, ownGroups, RULE_TYPES } from './sg-shared/group-names.js';
import { groupUses } from './sg-unused/group-uses.js';

export const sgUnused = definePolicy({
  id: 'sg-unused',
  title: 'Security group is not used',
  severity: 'low',
  description:
    'A security group that nothing uses: no network interface, instance, load balancer, database, cache, Lambda function, ' +
    'ECS service, launch template or endpoint is attached to it, no rule of another group names it as a peer, and no other ' +
    'resource refers to it. Unused groups pile up, hide which rules matter, and are a ready-made hole when someone attaches ' +
    'one later. Live, "attached" means a network interface uses it (every service that places something in a VPC does so ' +
    'through an interface). In Terraform (plan or .tf), a group is used when another resource of the configuration refers ' +
    'to it; a group\'s own rules do not count. It is unknown when the plan has no configuration section (a redacted plan, a ' +
    'single-resource request to warden serve), when a resource\'s groups are known only after apply with no ' +
    'reference naming them (any group may be among them), and when the group sits in a child module: a module output may ' +
    'export its id to a configuration this scan does not see. Outputs are not read, so a root-module group exported only ' +
    'through an output of the root module is reported; suppress it with a reason. Default groups are excluded (AWS creates ' +
    'one per VPC and it cannot be deleted; default-sg-restricts-all checks them). No Security Hub control corresponds ' +
    'exactly; EC2.22 (unused security groups) is the nearest.',
  remediation:
    'Delete the group (in Terraform, remove its resource block), or attach it to what it was meant to guard. If something ' +
    'outside this configuration uses it, say so with an ignore and a reason.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['EC2.22'],
  },
  tags: ['network', 'security-group', 'hygiene'],
  resourceTypes: ['aws_security_group', 'aws_default_security_group', ...RULE_TYPES, ...GROUP_ATTACHING_TYPES],
  messages: {
    unused: '{{group}} is not used: nothing is attached to it and nothing refers to it',
    usesUnknown: 'cannot tell whether {{group}} is used: {{doubt}}',
    inModule: 'cannot tell whether {{group}} is used: nothing in this configuration uses it, but it is inside {{module}}, whose outputs may export it',
    used: '{{group}} is used by {{users}}',
  },
  check(context) {
    const { inventory } = context;
    const groups = ownGroups(inventory);
    if (groups.length === 0) return;
    const { users, doubts } = groupUses(inventory);
    for (const group of groups) {
      const label = groupLabel(group);
      const by = users.get(group);
      if (by && by.size > 0) {
        const names = firstAddresses(by, 3) + (by.size > 3 ? ` and ${by.size - 3} more` : '');
        context.pass({ resource: group, messageId: 'used', data: { group: label, users: names } });
      } else if (doubts.length > 0) {
        const doubt = doubts[0]!;
        context.unknown({ resource: group, messageId: 'usesUnknown', data: { group: label, doubt: `the security groups of ${doubt.resource.address} are not known` }, reason: doubt.why });
      } else if (group.source === 'plan' && group.configuredAttributes === undefined) {
        // Without the plan's configuration section no reference between resources can be seen.
        context.unknown({
          resource: group,
          messageId: 'usesUnknown',
          data: { group: label, doubt: 'the plan has no configuration section for it, so references to it cannot be seen' },
          reason: `${group.address}: the plan carries no configuration for it (a redacted plan or a single-resource request); only references show use`,
        });
      } else if (group.source !== 'live' && group.modulePath !== '') {
        context.unknown({
          resource: group,
          messageId: 'inModule',
          data: { group: label, module: group.modulePath },
          reason: `${group.address} is in ${group.modulePath}; outputs are not read, so a use outside this configuration cannot be ruled out`,
        });
      } else {
        context.fail({
          resource: group,
          messageId: 'unused',
          data: { group: label },
          evidence: [{ path: 'id', value: typeof group.values['id'] === 'string' ? group.values['id'] : group.address, note: 'no attachment and no reference' }],
        });
      }
    }
  },
});

/** The addresses of the first `count` users, comma-separated. */
function firstAddresses(users: ReadonlySet<Resource>, count: number): string {
  const named: string[] = [];
  for (const user of users) {
    if (named.length === count) break;
    named.push(user.address);
  }
  return named.join(', ');
}
