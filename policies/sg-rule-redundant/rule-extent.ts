import { AddressSet, cidrSet, isUnknown, parseAwsCidr, type SecurityGroupRule } from '../../src/api.js';

/** Everything one rule admits (or sends), every part known: what coverage compares. */
export interface RuleExtent {
  rule: SecurityGroupRule;
  protocol: string;
  from: number;
  to: number;
  ipv4: AddressSet;
  ipv6: AddressSet;
  prefixLists: ReadonlySet<string>;
  groups: ReadonlySet<string>;
  self: boolean;
}

/**
 * Reads rules into extents for one check. A CIDR is parsed once per check however many rules write
 * it (an estate repeats a few ranges across thousands of groups); address sets are immutable, so the
 * rules share them. Bounded by the distinct CIDRs of the input, and dropped with the check.
 */
export function extentReader(): (rule: SecurityGroupRule) => RuleExtent | undefined {
  const blocks = new Map<string, AddressSet | null>();
  const blockOf = (text: string): AddressSet | null => {
    let set = blocks.get(text);
    if (set === undefined) {
      const cidr = parseAwsCidr(text);
      set = cidr ? cidrSet(cidr) : null;
      blocks.set(text, set);
    }
    return set;
  };
  const addresses = (cidrs: SecurityGroupRule['ipv4Cidrs'], family: 'ipv4' | 'ipv6'): AddressSet | undefined => {
    if (isUnknown(cidrs)) return undefined;
    let set = EMPTY[family];
    for (const text of cidrs) {
      if (isUnknown(text)) return undefined;
      const block = blockOf(text);
      if (!block || block.family !== family) return undefined;
      set = set.union(block);
    }
    return set;
  };
  /** The rule's extent, or undefined when any part is unknown or not what AWS accepts (such a rule is never called redundant). */
  return (rule) => {
    const { protocol, fromPort, toPort } = rule;
    if (isUnknown(protocol) || isUnknown(fromPort) || isUnknown(toPort)) return undefined;
    const ipv4 = addresses(rule.ipv4Cidrs, 'ipv4');
    const ipv6 = addresses(rule.ipv6Cidrs, 'ipv6');
    const prefixLists = known(rule.prefixListIds);
    const groups = known(rule.securityGroupRefs);
    if (!ipv4 || !ipv6 || !prefixLists || !groups) return undefined;
    return { rule, protocol, from: fromPort, to: toPort, ipv4, ipv6, prefixLists, groups, self: rule.self };
  };
}

const EMPTY = { ipv4: AddressSet.empty('ipv4'), ipv6: AddressSet.empty('ipv6') };

/** True when `outer` lets through everything `inner` does: same direction, protocol, ports and every peer. */
export function covers(outer: RuleExtent, inner: RuleExtent): boolean {
  return outer.rule.direction === inner.rule.direction && coversTraffic(outer, inner) && coversPeers(outer, inner);
}

function coversTraffic(outer: RuleExtent, inner: RuleExtent): boolean {
  if (outer.protocol === '-1') return true;
  if (outer.protocol !== inner.protocol) return false;
  if (outer.protocol === 'tcp' || outer.protocol === 'udp') return outer.from <= inner.from && inner.to <= outer.to;
  if (outer.protocol === 'icmp' || outer.protocol === 'icmpv6') {
    // ICMP keeps type in from and code in to; -1 is every type (or code).
    if (outer.from === -1) return true;
    return outer.from === inner.from && (outer.to === -1 || outer.to === inner.to);
  }
  return true;
}

function coversPeers(outer: RuleExtent, inner: RuleExtent): boolean {
  return (
    outer.ipv4.covers(inner.ipv4) &&
    outer.ipv6.covers(inner.ipv6) &&
    holdsAll(outer.prefixLists, inner.prefixLists) &&
    holdsAll(outer.groups, inner.groups) &&
    (!inner.self || outer.self)
  );
}

function holdsAll(outer: ReadonlySet<string>, inner: ReadonlySet<string>): boolean {
  for (const item of inner) if (!outer.has(item)) return false;
  return true;
}

/** Shared by every extent without prefix lists or groups (most rules): extents only read their sets. */
const NONE: ReadonlySet<string> = new Set();

function known(list: SecurityGroupRule['prefixListIds']): ReadonlySet<string> | undefined {
  if (isUnknown(list)) return undefined;
  if (list.length === 0) return NONE;
  if (list.some(isUnknown)) return undefined;
  return new Set(list as string[]);
}
