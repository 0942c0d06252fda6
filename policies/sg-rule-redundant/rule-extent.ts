import { AddressSet, cidrSet, isUnknown, parseAwsCidr, type SecurityGroupRule } from '../../src/api.js';

/** Everything one rule admits (or sends), every part known: what coverage compares. */
export interface RuleExtent {
  rule: SecurityGroupRule;
  protocol: string;
  from: number;
  to: number;
  ipv4: AddressSet;
  ipv6: AddressSet;
  prefixLists: Set<string>;
  groups: Set<string>;
  self: boolean;
}

/** The rule's extent, or undefined when any part is unknown or not what AWS accepts (such a rule is never called redundant). */
export function extentOf(rule: SecurityGroupRule): RuleExtent | undefined {
  const { protocol, fromPort, toPort } = rule;
  if (isUnknown(protocol) || isUnknown(fromPort) || isUnknown(toPort)) return undefined;
  const ipv4 = addresses(rule.ipv4Cidrs, 'ipv4');
  const ipv6 = addresses(rule.ipv6Cidrs, 'ipv6');
  const prefixLists = known(rule.prefixListIds);
  const groups = known(rule.securityGroupRefs);
  if (!ipv4 || !ipv6 || !prefixLists || !groups) return undefined;
  return { rule, protocol, from: fromPort, to: toPort, ipv4, ipv6, prefixLists, groups, self: rule.self };
}

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
    [...inner.prefixLists].every((p) => outer.prefixLists.has(p)) &&
    [...inner.groups].every((g) => outer.groups.has(g)) &&
    (!inner.self || outer.self)
  );
}

function addresses(cidrs: SecurityGroupRule['ipv4Cidrs'], family: 'ipv4' | 'ipv6'): AddressSet | undefined {
  if (isUnknown(cidrs)) return undefined;
  let set = AddressSet.empty(family);
  for (const text of cidrs) {
    if (isUnknown(text)) return undefined;
    const cidr = parseAwsCidr(text);
    if (!cidr || cidr.family !== family) return undefined;
    set = set.union(cidrSet(cidr));
  }
  return set;
}

function known(list: SecurityGroupRule['prefixListIds']): Set<string> | undefined {
  if (isUnknown(list) || list.some(isUnknown)) return undefined;
  return new Set(list as string[]);
}
