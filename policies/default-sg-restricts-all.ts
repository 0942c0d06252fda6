import { definePolicy, isUnknown, type Inventory, type PolicyContext, type Resource, type SecurityGroup, type SecurityGroupRule } from '../src/api.js';

export const defaultSgRestrictsAll = definePolicy({
  id: 'default-sg-restricts-all',
  title: 'Default security group allows traffic',
  severity: 'high',
  description:
    'A VPC\'s default security group has an ingress or egress rule. Every rule counts, whatever it allows: a resource ' +
    'launched without a security group lands in the default group, so it should admit and send nothing. Checked in ' +
    'Terraform as aws_default_security_group with inline ingress/egress blocks, and standalone aws_security_group_rule, ' +
    'aws_vpc_security_group_ingress_rule and aws_vpc_security_group_egress_rule attached to the default group (by its ' +
    'resource, by a VPC\'s default_security_group_id, or by its id); in live accounts, the group named "default" in each ' +
    'VPC. An aws_default_security_group with no ingress or egress blocks passes: when Terraform manages the default group ' +
    'it removes every rule the configuration does not write. At plan time, rules whose content is known only after apply ' +
    '(a dynamic block over a computed list) are unknown, with the reason; a rule that exists but whose fields are unknown ' +
    'still fails, since any rule is a finding.',
  remediation:
    'Manage each VPC\'s default security group with an aws_default_security_group that has no ingress or egress blocks ' +
    '(Terraform then removes all its rules), and give every resource a security group of its own that admits only the ' +
    'traffic it needs. In a live account, remove all inbound and outbound rules from each group named "default".',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['5.4'],
    'AWS Foundational Security Best Practices': ['EC2.2'],
    'PCI DSS 4.0': ['1.3.1', '1.4.2'],
  },
  tags: ['network', 'security-group'],
  resourceTypes: [
    'aws_default_security_group',
    'aws_security_group',
    'aws_security_group_rule',
    'aws_vpc_security_group_ingress_rule',
    'aws_vpc_security_group_egress_rule',
  ],
  messages: {
    ruleOnDefaultGroup: '{{group}} has an {{direction}} rule ({{rule}}: {{traffic}})',
    rulesUnknown: '{{group}} may have {{direction}} rules: cannot tell whether it has any',
    noRules: '{{group}}, the default security group of its VPC, has no ingress or egress rules',
  },
  check(context) {
    const { inventory } = context;
    const defaultIds = defaultGroupIds(inventory);
    for (const group of inventory.securityGroups) {
      if (group.resource) {
        if (isDefaultGroup(group.resource, defaultIds)) checkGroup(context, group, group.resource);
        continue;
      }
      // Standalone rules of a group outside this input: theirs when they name a VPC's default group.
      for (const rule of group.rules) if (attachesToDefault(inventory, rule, group, defaultIds)) report(context, group, rule, rule.origin);
    }
  },
});

/** Ids of default groups the VPCs in the input name (known after a refresh, or in a live account). */
function defaultGroupIds(inventory: Inventory): Set<string> {
  const ids = new Set<string>();
  for (const vpc of inventory.ofType('aws_vpc')) {
    const id = vpc.values['default_security_group_id'];
    if (typeof id === 'string' && id !== '') ids.add(id);
  }
  return ids;
}

/** aws_default_security_group always is; a live group (or an imported one) is when AWS named it `default` or a VPC names its id. */
function isDefaultGroup(resource: Resource, defaultIds: Set<string>): boolean {
  if (resource.type === 'aws_default_security_group') return true;
  const id = resource.values['id'];
  return resource.values['name'] === 'default' || (typeof id === 'string' && defaultIds.has(id));
}

function attachesToDefault(inventory: Inventory, rule: SecurityGroupRule, group: SecurityGroup, defaultIds: Set<string>): boolean {
  if (defaultIds.has(group.key)) return true;
  // `security_group_id = aws_vpc.main.default_security_group_id`: the only group id a VPC exports.
  const vpcs = inventory.resolve(rule.origin, 'security_group_id', ['aws_vpc']);
  return !isUnknown(vpcs) && vpcs.length > 0;
}

function checkGroup(context: PolicyContext<object>, group: SecurityGroup, resource: Resource): void {
  let reported = false;
  for (const rule of group.rules) {
    report(context, group, rule, resource);
    reported = true;
  }
  if (!reported) context.pass({ resource, messageId: 'noRules', data: { group: resource.address } });
}

function report(context: PolicyContext<object>, group: SecurityGroup, rule: SecurityGroupRule, resource: Resource): void {
  const standalone = rule.origin !== resource;
  const where = rule.path === '' ? rule.origin.address : `${rule.origin.address}.${rule.path}`;
  const groupName = group.resource ? `${group.resource.address}, a VPC's default security group,` : 'the VPC\'s default security group';
  // The rule is what fails: its inline block, or the standalone rule's resource.
  const target = { resource, locationOf: rule.origin, path: rule.path };
  // The whole ingress/egress list is known only after apply: there may be no rules at all.
  if (!standalone && rule.path === rule.direction && isUnknown(rule.protocol)) {
    context.unknown({
      ...target,
      element: `${rule.direction} ?`,
      messageId: 'rulesUnknown',
      data: { group: groupName, direction: rule.direction },
      reason: rule.protocol,
    });
    return;
  }
  context.fail({
    ...target,
    element: `${rule.direction} ${where}`,
    messageId: 'ruleOnDefaultGroup',
    data: { group: groupName, direction: rule.direction, rule: where, traffic: describe(rule) },
    evidence: [{ path: standalone ? rule.origin.address : rule.path, value: describe(rule), note: `${rule.direction} rule on the default security group` }],
  });
}

function describe(rule: SecurityGroupRule): string {
  const protocol = isUnknown(rule.protocol) ? '?' : rule.protocol === '-1' ? 'all traffic' : rule.protocol;
  if (rule.protocol === '-1') return protocol;
  const from = isUnknown(rule.fromPort) ? '?' : String(rule.fromPort);
  const to = isUnknown(rule.toPort) ? '?' : String(rule.toPort);
  return from === to ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}
