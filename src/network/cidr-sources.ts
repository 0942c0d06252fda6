import { isUnknown, type Unknown } from '../model/unknown.js';
import type { SecurityGroup, SecurityGroupRule } from '../model/views/security-groups.js';
import { cidrSet, notACidr, parseAwsCidr } from './cidr.js';
import type { PrefixLists } from './prefix-lists.js';

/** An ingress rule that admits a TCP port from an address range (not from a security group). */
export interface CidrSource {
  group: SecurityGroup;
  rule: SecurityGroupRule;
  /** The range as written, or a prefix-list entry. */
  cidr: string;
  /** The prefix list the range comes from, when it does. */
  prefixList?: string;
  /** Attribute path of the source inside the rule's origin. */
  attribute: string | undefined;
}

/** Every address-range source of the groups' ingress rules on TCP `port`, and what could not be read. */
export interface CidrSources {
  sources: CidrSource[];
  doubts: Unknown[];
}

/**
 * The ingress rules of `groups` that admit TCP `port` from CIDR ranges (IPv4, IPv6, or the entries of a
 * prefix list) rather than from security-group references or `self`. A rule whose protocol or ports are
 * known only after apply, a range list or prefix list that cannot be read, is a doubt: it may admit
 * the port from a range.
 */
export function cidrSourcesOnPort(groups: readonly SecurityGroup[], prefixLists: PrefixLists, port: number): CidrSources {
  const sources: CidrSource[] = [];
  const doubts: Unknown[] = [];
  for (const group of groups) {
    for (const rule of group.rules) {
      if (rule.direction !== 'ingress') continue;
      const admits = admitsPort(rule, port);
      if (admits === false) continue;
      const add = (cidr: string, attribute: string | undefined, prefixList?: string): void => {
        if (admits === true) sources.push({ group, rule, cidr, attribute, ...(prefixList ? { prefixList } : {}) });
        else doubts.push(admits);
      };
      for (const [cidrs, attribute] of [
        [rule.ipv4Cidrs, rule.attributes.ipv4Cidrs],
        [rule.ipv6Cidrs, rule.attributes.ipv6Cidrs],
      ] as const) {
        if (isUnknown(cidrs)) doubts.push(cidrs);
        else for (const cidr of cidrs) isUnknown(cidr) ? doubts.push(cidr) : add(cidr, attribute);
      }
      const lists = rule.prefixListIds;
      if (isUnknown(lists)) doubts.push(lists);
      else if (lists.length > 0 && rule.attributes.prefixListIds) {
        const entries = prefixLists.entriesAt(rule.origin, rule.attributes.prefixListIds);
        if (isUnknown(entries)) doubts.push(entries);
        else {
          for (const list of entries) {
            const name = list.list?.address ?? 'prefix list';
            for (const cidr of list.cidrs) isUnknown(cidr) ? doubts.push(cidr) : add(cidr, rule.attributes.prefixListIds, name);
          }
        }
      }
    }
  }
  return { sources, doubts };
}

/** Whether the rule covers TCP `port`: yes, no, or the Unknown that decides it. */
function admitsPort(rule: SecurityGroupRule, port: number): boolean | Unknown {
  if (isUnknown(rule.protocol)) return rule.protocol;
  if (rule.protocol === '-1') return true;
  if (rule.protocol !== 'tcp') return false;
  if (isUnknown(rule.fromPort)) return rule.fromPort;
  if (isUnknown(rule.toPort)) return rule.toPort;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** Whether every address of `cidr` lies inside one of `allowed` (CIDRs AWS accepts; others allow nothing); Unknown when `cidr` is no CIDR. */
export function cidrWithin(cidr: string, allowed: readonly string[]): boolean | Unknown {
  const block = parseAwsCidr(cidr);
  if (!block) return notACidr(cidr, 'which addresses it admits');
  // Most runs allow no range (the default): then no address set is built for each source.
  if (allowed.length === 0) return false;
  const addresses = cidrSet(block);
  return allowed.some((text) => {
    const range = parseAwsCidr(text);
    return range !== undefined && range.family === block.family && cidrSet(range).covers(addresses);
  });
}
