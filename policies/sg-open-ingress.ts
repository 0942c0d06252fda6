import { PrefixLists, definePolicy, internetSource, isUnknown, type Evidence, type PolicyContext, type Resource, type SecurityGroup, type SecurityGroupRule, type Unknown } from '../src/api.js';
import { assessExposure, describePort, describeTraffic, trafficKey, trafficOf, type Traffic } from './sg-open-ingress/port-exposure.js';
import { ruleIdentity } from './sg-open-ingress/rule-identity.js';
import { assessSources, type InternetSource } from './sg-open-ingress/rule-sources.js';

export interface SgOpenIngressOptions {
  /** Ports that may be open to the internet: a rule exposing only these is not reported. */
  allowPorts: number[];
  /** Remote administration ports: exposing one is high severity. */
  adminPorts: number[];
  /** Database and cache ports: exposing one is high severity. */
  databasePorts: number[];
  /** Also treat a public CIDR with a prefix length of at most this as the internet; null = only /0. */
  publicCidrMinPrefix: number | null;
}

const portList = { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 }, uniqueItems: true } as const;

export const sgOpenIngress = definePolicy<SgOpenIngressOptions>({
  id: 'sg-open-ingress',
  title: 'Security group allows ingress from the internet',
  severity: 'high',
  description:
    'A security group rule admits inbound traffic from the whole internet (0.0.0.0/0 or ::/0, directly or through a ' +
    'managed prefix list). Rules in all three Terraform shapes are checked: inline ingress blocks, ' +
    'aws_security_group_rule and aws_vpc_security_group_ingress_rule. Severity follows what is exposed: every port is ' +
    'critical, a remote administration or database port is high, any other port is medium; ports in the allow-list ' +
    '(80 and 443 by default) are not reported. A source or port range AWS would refuse (a CIDR without an address, ' +
    '300.0.0.0/8, an IPv4 block among IPv6 ones, from_port above to_port, -1 on tcp) is unknown, never a pass.',
  remediation:
    'Narrow the rule\'s source to the networks that need it (office or VPN ranges, a managed prefix list) or to another ' +
    'security group, such as the one of the load balancer in front of the service. Reach administration ports through ' +
    'AWS Systems Manager Session Manager, a VPN or a bastion rather than from the internet. If a port is meant to be ' +
    'public (a web listener), add it to this policy\'s allowPorts option.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['5.2', '5.3'],
    'AWS Foundational Security Best Practices': ['EC2.18', 'EC2.19'],
    'PCI DSS 4.0': ['1.3.1', '1.4.2'],
    'SOC 2': ['CC6.6'],
  },
  tags: ['network', 'security-group', 'internet-exposure'],
  resourceTypes: [
    'aws_security_group',
    'aws_default_security_group',
    'aws_security_group_rule',
    'aws_vpc_security_group_ingress_rule',
    'aws_ec2_managed_prefix_list',
    'aws_prefix_list',
  ],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowPorts: portList,
        adminPorts: portList,
        databasePorts: portList,
        publicCidrMinPrefix: { type: ['integer', 'null'], minimum: 0, maximum: 128 },
      },
    },
    defaults: {
      allowPorts: [80, 443],
      adminPorts: [22, 3389],
      // Redshift (5439) and Neptune (8182) too: the databases the reachability policies model.
      databasePorts: [3306, 5432, 1433, 1521, 5439, 8182, 27017, 6379, 9200, 5984, 11211, 9042],
      publicCidrMinPrefix: null,
    },
  },
  messages: {
    openToInternet: '{{group}} allows {{traffic}} from {{sources}}{{including}}',
    sourceUnknown: 'cannot tell whether {{group}} allows {{traffic}}{{including}} from the internet ({{rule}})',
    portsUnknown: 'cannot tell which ports {{group}} opens from {{sources}} ({{rule}})',
    portsAndSourceUnknown: 'cannot tell which ports {{group}} opens from a source that may be the internet ({{rule}})',
    onlyAllowedPorts: '{{group}}: only allow-listed ports ({{ports}}) are open to the internet',
    noInternetIngress: '{{group}} admits no traffic from the internet',
  },
  check(context) {
    const { inventory, options } = context;
    const prefixLists = new PrefixLists(inventory);
    // The definition the reachability model uses too; a CIDR AWS would not accept is a doubt, never a pass.
    // Remembered per check and family: an estate writes the same few CIDRs in thousands of rules.
    const verdicts = { ipv4: new Map<string, boolean | Unknown>(), ipv6: new Map<string, boolean | Unknown>(), any: new Map<string, boolean | Unknown>() };
    const isInternet = (cidr: string, family?: 'ipv4' | 'ipv6'): boolean | Unknown => {
      const known = verdicts[family ?? 'any'];
      let answer = known.get(cidr);
      if (answer === undefined) {
        const verdict = internetSource(cidr, options.publicCidrMinPrefix, family);
        answer = isUnknown(verdict) ? verdict : verdict.internet;
        known.set(cidr, answer);
      }
      return answer;
    };
    for (const group of inventory.securityGroups) {
      const reported = new Set<string>();
      // Allow-listed ports open to the internet: no finding, but the pass says so.
      const allowed = new Set<string>();
      // Standalone rules first: a refreshed group also lists them inline, and their own resource is the better location.
      for (const standalone of [true, false]) {
        for (const rule of group.rules) {
          if (rule.direction !== 'ingress' || (rule.path === '') !== standalone) continue;
          const sources = assessSources(rule, inventory, prefixLists, isInternet);
          if (sources.internet.length === 0 && sources.doubts.length === 0) continue;
          const allowListed = checkRule(context, group, rule, sources.internet, sources.doubts, reported);
          if (allowListed) allowed.add(allowListed);
        }
      }
      if (reported.size === 0 && group.resource) {
        const address = group.resource.address;
        if (allowed.size > 0) context.pass({ resource: group.resource, messageId: 'onlyAllowedPorts', data: { group: address, ports: [...allowed].join(', ') } });
        else context.pass({ resource: group.resource, messageId: 'noInternetIngress', data: { group: address } });
      }
    }
  },
});

function checkRule(
  context: PolicyContext<SgOpenIngressOptions>,
  group: SecurityGroup,
  rule: SecurityGroupRule,
  internet: InternetSource[],
  doubts: string[],
  reported: Set<string>,
): string | undefined {
  const traffic = trafficOf(rule);
  if (isUnknown(traffic)) {
    const element = `ingress ? ${sourceKey(internet) || '?'} [${ruleIdentity(rule)}]`;
    if (reported.has(element)) return;
    reported.add(element);
    const data = { group: groupLabel(group, rule), rule: ruleLabel(rule) };
    context.unknown({
      ...findingTarget(group, rule, internet),
      element,
      ...(internet.length > 0 ? { messageId: 'portsUnknown', data: { ...data, sources: describeSources(internet) } } : { messageId: 'portsAndSourceUnknown', data }),
      reason: internet.length === 0 && doubts[0] !== undefined && doubts[0] !== traffic.reason ? `${traffic.reason}; ${doubts[0]}` : traffic.reason,
      evidence: sourceEvidence(rule, group, internet),
    });
    return;
  }
  const exposure = assessExposure(traffic, context.options);
  // Only allow-listed ports: nothing to report, whatever the sources; the ports for the pass message.
  if (!exposure) return traffic.kind === 'ports' && traffic.from !== traffic.to ? `${traffic.from}-${traffic.to}` : traffic.kind === 'ports' ? String(traffic.from) : undefined;
  // A single port is named by describeTraffic already; a range says which sensitive ports it holds.
  const single = traffic.kind === 'ports' && traffic.from === traffic.to;
  const including = exposure.notable.length > 0 && !single ? `, including ${listPorts(exposure.notable)}` : '';
  if (internet.length > 0) {
    const element = `ingress ${trafficKey(traffic)} ${sourceKey(internet)}`;
    if (reported.has(element)) return;
    reported.add(element);
    context.fail({
      ...findingTarget(group, rule, internet),
      element,
      severity: exposure.severity,
      messageId: 'openToInternet',
      data: { group: groupLabel(group, rule), traffic: describeTraffic(traffic), sources: describeSources(internet), including },
      evidence: [...sourceEvidence(rule, group, internet), trafficEvidence(rule, group, traffic)],
    });
    return;
  }
  const element = `ingress ${trafficKey(traffic)} ? [${ruleIdentity(rule)}]`;
  if (reported.has(element)) return;
  reported.add(element);
  context.unknown({
    ...findingTarget(group, rule, internet),
    element,
    severity: exposure.severity,
    messageId: 'sourceUnknown',
    data: { group: groupLabel(group, rule), traffic: describeTraffic(traffic), including, rule: ruleLabel(rule) },
    reason: doubts[0]!,
    evidence: [trafficEvidence(rule, group, traffic)],
  });
}

/**
 * The group is the finding's resource (a rule whose group is not in the input stands alone); it points
 * at the internet source inside the rule's resource — inline block or standalone rule — else at the rule.
 */
function findingTarget(group: SecurityGroup, rule: SecurityGroupRule, internet: InternetSource[]): { resource: Resource; path: string; locationOf: Resource } {
  return { resource: group.resource ?? rule.origin, locationOf: rule.origin, path: internet[0]?.path ?? rule.path };
}

function groupLabel(group: SecurityGroup, rule: SecurityGroupRule): string {
  if (group.resource) return group.resource.address;
  return group.key.startsWith('sg-') ? `security group ${group.key}` : `the security group of ${rule.origin.address}`;
}

/** `ingress.0 of aws_security_group.web`, or the rule resource's address. */
function ruleLabel(rule: SecurityGroupRule): string {
  return rule.path === '' ? rule.origin.address : `${rule.origin.address}.${rule.path}`;
}

/** Paths in evidence are relative to the finding's resource; a standalone rule's attributes carry its address. */
function evidencePath(rule: SecurityGroupRule, group: SecurityGroup, path: string): string {
  return (group.resource ?? rule.origin) === rule.origin ? path : `${rule.origin.address}.${path}`;
}

function sourceEvidence(rule: SecurityGroupRule, group: SecurityGroup, internet: InternetSource[]): Evidence[] {
  return internet.map((source) => ({
    path: evidencePath(rule, group, source.path),
    value: source.prefixList ?? source.cidr,
    note: source.prefixList ? `prefix list entry ${source.cidr} is the internet` : 'the internet',
  }));
}

function trafficEvidence(rule: SecurityGroupRule, group: SecurityGroup, traffic: Traffic): Evidence {
  const path = rule.attributes.protocol ?? rule.path;
  const value = traffic.kind === 'all' ? { protocol: '-1' } : { protocol: traffic.protocol, fromPort: traffic.from, toPort: traffic.to };
  return { path: evidencePath(rule, group, path), value, note: describeTraffic(traffic) };
}

function sourceKey(internet: InternetSource[]): string {
  return [...new Set(internet.map((s) => (s.prefixList ? `${s.prefixList}:${s.cidr}` : s.cidr)))].sort().join(',');
}

function describeSources(internet: InternetSource[]): string {
  const parts = [...new Set(internet.map((s) => (s.prefixList ? `${s.cidr} (prefix list ${s.prefixList})` : s.cidr)))];
  return parts.join(' and ');
}

function listPorts(ports: number[]): string {
  const named = ports.slice(0, 3).map(describePort);
  return ports.length > 3 ? `${named.join(', ')} and ${ports.length - 3} more` : named.join(', ');
}
