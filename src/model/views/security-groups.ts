import type { Inventory } from '../inventory.js';
import type { Resource } from '../resource.js';
import { Unknown, isUnknown } from '../unknown.js';
import { portRangeProblem } from '../port-range.js';
import { isValueObject, listOf, type Value, type ValueObject } from '../value.js';

/** Normalised protocol: `-1` (all), `tcp`, `udp`, `icmp`, `icmpv6`, or the IANA number as a string. */
export type Protocol = string;

/** One ingress or egress permission, whichever Terraform shape (or API shape) it was written in. Read-only: its lists may be the input's own arrays. */
export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  protocol: Protocol | Unknown;
  /** First port of the range (0 when the protocol is all). ICMP keeps type/code here. */
  fromPort: number | Unknown;
  toPort: number | Unknown;
  ipv4Cidrs: readonly (string | Unknown)[] | Unknown;
  ipv6Cidrs: readonly (string | Unknown)[] | Unknown;
  prefixListIds: readonly (string | Unknown)[] | Unknown;
  /** Referenced security groups (ids or addresses); never an internet source. */
  securityGroupRefs: readonly (string | Unknown)[] | Unknown;
  self: boolean;
  description?: string;
  /** The resource the rule is written in (the group for inline rules, else the rule resource). */
  origin: Resource;
  /** Attribute path of the rule inside `origin` (`ingress.1`), '' when the rule is its own resource. */
  path: string;
  /** Where each part of the rule is written inside `origin` (`ingress.1.cidr_blocks`, `cidr_ipv4`…), for evidence and reference lookups. */
  attributes: RuleAttributePaths;
}

/** Attribute paths inside a rule's origin resource; absent when the shape has no such attribute. */
export interface RuleAttributePaths {
  protocol?: string;
  fromPort?: string;
  toPort?: string;
  ipv4Cidrs?: string;
  ipv6Cidrs?: string;
  prefixListIds?: string;
  securityGroupRefs?: string;
}

/** A security group with every rule that applies to it folded in. */
export interface SecurityGroup {
  /** The group resource; undefined when rules point at a group outside this inventory. */
  resource?: Resource;
  /** The group's address, or the id/reason used to key rules to a group we do not have. */
  key: string;
  vpcId: Value | undefined;
  rules: SecurityGroupRule[];
}

export const SECURITY_GROUP_TYPES = ['aws_security_group', 'aws_default_security_group'] as const;
const STANDALONE_RULE_TYPES = ['aws_security_group_rule'];
const VPC_RULE_TYPES = ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];

const PROTOCOL_NAMES: Record<string, Protocol> = {
  '-1': '-1', all: '-1', '6': 'tcp', tcp: 'tcp', '17': 'udp', udp: 'udp', '1': 'icmp', icmp: 'icmp', '58': 'icmpv6', icmpv6: 'icmpv6',
  'icmp-v6': 'icmpv6',
};

/** A rule protocol as written (`-1`, `all`, `6`, `TCP`…) in the normalised form of {@link Protocol}. */
export function normaliseProtocol(value: Value | undefined): Protocol | Unknown {
  if (isUnknown(value)) return value;
  if (value === undefined || value === null || value === '') return '-1';
  const key = String(value).toLowerCase();
  return PROTOCOL_NAMES[key] ?? key;
}

/** Builds the security-group view of an inventory: groups plus all rules, from all three Terraform shapes. */
export function buildSecurityGroups(inventory: Inventory): SecurityGroup[] {
  const groups = new Map<string, SecurityGroup>();
  // Paths of inline blocks by position (see inlinePaths), made once per build.
  const ingressPaths: InlinePaths[] = [];
  const egressPaths: InlinePaths[] = [];
  for (const resource of inventory.ofType(...SECURITY_GROUP_TYPES)) {
    const group: SecurityGroup = { resource, key: resource.address, vpcId: resource.values['vpc_id'], rules: [] };
    groups.set(resource.address, group);
    for (const direction of ['ingress', 'egress'] as const) {
      const blocks = listOf(resource.values[direction]);
      if (isUnknown(blocks)) {
        // Not written in the configuration: the provider fills it in from the rules managed as separate
        // resources (folded in below), so there are no inline rules to doubt.
        if (resource.configuredAttributes && !resource.configuredAttributes.includes(direction)) continue;
        group.rules.push(unknownRule(direction, resource, direction, blocks));
        continue;
      }
      blocks.forEach((block, i) => {
        if (isValueObject(block)) {
          // Written out rather than through a helper closure: the view took ~40% longer that way on the 50k-resource plan.
          const paths = direction === 'ingress' ? (ingressPaths[i] ??= inlinePaths(`ingress.${i}`)) : (egressPaths[i] ??= inlinePaths(`egress.${i}`));
          group.rules.push(inlineRule(direction, resource, paths, block));
        } else if (isUnknown(block)) group.rules.push(unknownRule(direction, resource, `${direction}.${i}`, block));
      });
    }
  }

  const attach = (rule: SecurityGroupRule, ruleResource: Resource): void => {
    for (const group of groupsFor(inventory, groups, ruleResource)) group.rules.push(rule);
  };
  for (const resource of inventory.ofType(...STANDALONE_RULE_TYPES)) {
    const type = resource.values['type'];
    const direction = type === 'egress' ? 'egress' : 'ingress';
    attach(standaloneRule(direction, resource), resource);
  }
  for (const resource of inventory.ofType(...VPC_RULE_TYPES)) {
    const direction = resource.type.endsWith('_egress_rule') ? 'egress' : 'ingress';
    attach(vpcRule(direction, resource), resource);
  }
  return [...groups.values()];
}

function groupsFor(inventory: Inventory, groups: Map<string, SecurityGroup>, ruleResource: Resource): SecurityGroup[] {
  const resolved = inventory.resolve(ruleResource, 'security_group_id', SECURITY_GROUP_TYPES);
  if (!isUnknown(resolved) && resolved.length > 0) {
    const found: SecurityGroup[] = [];
    for (const target of resolved) {
      const group = groups.get(target.address);
      if (group !== undefined) found.push(group);
    }
    return found;
  }
  // The group is outside this inventory (or cannot be resolved): keep the rule under a group of its own.
  const id = ruleResource.values['security_group_id'];
  const key = typeof id === 'string' ? id : `${ruleResource.address} (group unresolved)`;
  let group = groups.get(key);
  if (!group) {
    group = { key, vpcId: undefined, rules: [] };
    groups.set(key, group);
  }
  return [group];
}

/** The parts of a rule every shape has; completeRule adds the rest. */
type RuleTraffic = Pick<SecurityGroupRule, 'direction' | 'protocol' | 'fromPort' | 'toPort' | 'ipv4Cidrs' | 'ipv6Cidrs' | 'prefixListIds' | 'securityGroupRefs' | 'self'>;

/**
 * The rule with its description (when it has one) and where it is written, its keys always in this
 * order. Built by assignment: object spread inside a literal cost more than all the rest of the view
 * on a plan with 27k rules.
 */
function completeRule(traffic: RuleTraffic, description: Value | undefined, origin: Resource, path: string, attributes: RuleAttributePaths): SecurityGroupRule {
  const rule: RuleTraffic & Partial<SecurityGroupRule> = traffic;
  if (typeof description === 'string' && description !== '') rule.description = description;
  rule.origin = origin;
  rule.path = path;
  rule.attributes = attributes;
  return rule as SecurityGroupRule;
}

/** The path of an inline block and the paths of its attributes. */
interface InlinePaths {
  path: string;
  attributes: RuleAttributePaths;
}

/**
 * The paths of an inline block (`ingress.0`, `ingress.0.cidr_blocks`…). Made once per block position
 * for one build and shared by every group's block at that position: thousands of groups write the
 * same few positions, and a string built anew for each rule is also hashed anew at each lookup of
 * `references[path]`. Bounded by the longest block list of the input, and dropped with the build.
 */
function inlinePaths(path: string): InlinePaths {
  // Frozen: nothing writes to a rule's attribute paths.
  const attributes: RuleAttributePaths = Object.freeze({
    protocol: `${path}.protocol`, fromPort: `${path}.from_port`, toPort: `${path}.to_port`, ipv4Cidrs: `${path}.cidr_blocks`,
    ipv6Cidrs: `${path}.ipv6_cidr_blocks`, prefixListIds: `${path}.prefix_list_ids`, securityGroupRefs: `${path}.security_groups`,
  });
  return { path, attributes };
}

function inlineRule(direction: SecurityGroupRule['direction'], origin: Resource, paths: InlinePaths, block: ValueObject): SecurityGroupRule {
  const { path } = paths;
  const { protocol, fromPort, toPort } = ports(block['protocol'], block['from_port'], block['to_port'], origin.address, path);
  const traffic: RuleTraffic = {
    direction,
    protocol,
    fromPort,
    toPort,
    ipv4Cidrs: strings(block['cidr_blocks']),
    ipv6Cidrs: strings(block['ipv6_cidr_blocks']),
    prefixListIds: strings(block['prefix_list_ids']),
    securityGroupRefs: strings(block['security_groups']),
    self: block['self'] === true,
  };
  return completeRule(traffic, block['description'], origin, path, paths.attributes);
}

function standaloneRule(direction: SecurityGroupRule['direction'], resource: Resource): SecurityGroupRule {
  const v = resource.values;
  const source = v['source_security_group_id'];
  const { protocol, fromPort, toPort } = ports(v['protocol'], v['from_port'], v['to_port'], resource.address);
  const traffic: RuleTraffic = {
    direction,
    protocol,
    fromPort,
    toPort,
    ipv4Cidrs: strings(v['cidr_blocks']),
    ipv6Cidrs: strings(v['ipv6_cidr_blocks']),
    prefixListIds: strings(v['prefix_list_ids']),
    securityGroupRefs: single(source),
    self: v['self'] === true,
  };
  return completeRule(traffic, v['description'], resource, '', STANDALONE_RULE_ATTRIBUTES);
}

// Shared by every rule of the shape: nothing writes to a rule's attribute paths.
const STANDALONE_RULE_ATTRIBUTES: RuleAttributePaths = Object.freeze({
  protocol: 'protocol', fromPort: 'from_port', toPort: 'to_port', ipv4Cidrs: 'cidr_blocks', ipv6Cidrs: 'ipv6_cidr_blocks',
  prefixListIds: 'prefix_list_ids', securityGroupRefs: 'source_security_group_id',
});
const VPC_RULE_ATTRIBUTES: RuleAttributePaths = Object.freeze({
  protocol: 'ip_protocol', fromPort: 'from_port', toPort: 'to_port', ipv4Cidrs: 'cidr_ipv4', ipv6Cidrs: 'cidr_ipv6',
  prefixListIds: 'prefix_list_id', securityGroupRefs: 'referenced_security_group_id',
});

function vpcRule(direction: SecurityGroupRule['direction'], resource: Resource): SecurityGroupRule {
  const v = resource.values;
  const { protocol, fromPort, toPort } = ports(v['ip_protocol'], v['from_port'], v['to_port'], resource.address);
  const traffic: RuleTraffic = {
    direction,
    protocol,
    fromPort,
    toPort,
    ipv4Cidrs: single(v['cidr_ipv4']),
    ipv6Cidrs: single(v['cidr_ipv6']),
    prefixListIds: single(v['prefix_list_id']),
    securityGroupRefs: single(v['referenced_security_group_id']),
    self: false,
  };
  return completeRule(traffic, v['description'], resource, '', VPC_RULE_ATTRIBUTES);
}

function unknownRule(direction: SecurityGroupRule['direction'], origin: Resource, path: string, why: Unknown): SecurityGroupRule {
  return {
    direction, protocol: why, fromPort: why, toPort: why, ipv4Cidrs: why, ipv6Cidrs: why, prefixListIds: why,
    securityGroupRefs: why, self: false, origin, path, attributes: {},
  };
}

/**
 * Protocol and port range; protocol all means every port whatever from/to say. A TCP or UDP range
 * AWS would refuse (a port outside 0–65535, `-1`, from above to) cannot be what it claims: both ends
 * become an Unknown saying why, so no policy passes on it and sg-open-ingress and the reachability
 * model read it alike.
 */
function ports(protocolValue: Value | undefined, from: Value | undefined, to: Value | undefined, address: string, path = ''): Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort'> {
  const protocol = normaliseProtocol(protocolValue);
  if (protocol === '-1') return { protocol, fromPort: 0, toPort: 65535 };
  const fromPort = portNumber(from, 0);
  const toPort = portNumber(to, 65535);
  if (!isUnknown(protocol) && !isUnknown(fromPort) && !isUnknown(toPort)) {
    const problem = portRangeProblem(protocol, fromPort, toPort);
    if (problem) {
      const where = path === '' ? address : `${address}.${path}`;
      const why = new Unknown(`${where}: ${problem}, which AWS refuses, so the ports it opens cannot be told`);
      return { protocol, fromPort: why, toPort: why };
    }
  }
  return { protocol, fromPort, toPort };
}

function portNumber(value: Value | undefined, fallback: number): number | Unknown {
  if (isUnknown(value)) return value;
  if (value === undefined || value === null) return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? n : new Unknown(`port ${String(value)} is not a number`);
}

/**
 * Shared by every rule with no peers of a kind (most rules have no IPv6 block, prefix list or group):
 * one empty array instead of tens of thousands that live as long as the view. Frozen: nothing
 * writes to a rule's lists.
 */
const NO_PEERS: readonly (string | Unknown)[] = Object.freeze([]);

/** A single-valued peer attribute (`cidr_ipv4`, `source_security_group_id`…) as a list, like {@link strings}. */
function single(value: Value | undefined): readonly (string | Unknown)[] | Unknown {
  if (value === undefined || value === null) return NO_PEERS;
  return [typeof value === 'string' || isUnknown(value) ? value : String(value)];
}

function strings(value: Value | undefined): readonly (string | Unknown)[] | Unknown {
  const list = listOf(value);
  if (isUnknown(list)) return list;
  if (list.length === 0) return NO_PEERS;
  // Almost always already a list of strings: the input's own array then, not a copy that lives as long as the view.
  if (onlyStrings(list)) return list as readonly (string | Unknown)[];
  const out: (string | Unknown)[] = [];
  for (const item of list) {
    if (typeof item === 'string' || isUnknown(item)) out.push(item);
    else if (item !== null && item !== undefined) out.push(String(item));
  }
  return out;
}

/** Every element a string or an Unknown; a loop by index, since `every` skips the holes a sparse list may have. */
function onlyStrings(list: readonly Value[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item !== 'string' && !isUnknown(item)) return false;
  }
  return true;
}
