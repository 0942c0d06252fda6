import { isUnknown, type Unknown } from '../model/unknown.js';
import type { SecurityGroup, SecurityGroupRule } from '../model/views/security-groups.js';
import { AddressSet, type Family } from './address-set.js';
import { internetSource } from './internet-source.js';
import type { PrefixLists } from './prefix-lists.js';
import { UncertainSet } from './uncertain-set.js';

/** An ingress rule that surely admits the port from an internet source, and the clients it admits. */
export interface AdmittingRule {
  group: SecurityGroup;
  rule: SecurityGroupRule;
  /** The internet source as written (`0.0.0.0/0`, or `pl-123 (0.0.0.0/0)`). */
  source: string;
  /** Attribute path of the source inside the rule's origin. */
  attribute: string | undefined;
  clients: AddressSet;
}

export interface SgAdmission {
  clients: UncertainSet;
  rules: AdmittingRule[];
}

/**
 * Which internet clients the security groups admit on TCP `port`. Only internet sources count, as in
 * `sg-open-ingress` (internet-source.ts): any /0, written directly or as an entry of a prefix list;
 * a security-group reference, `self`, or a narrower CIDR is a deliberate peer, not the internet. An
 * Unknown protocol, port or source makes the admission possible but not certain.
 */
export function securityGroupAdmission(groups: readonly SecurityGroup[], prefixLists: PrefixLists, port: number, family: Family): SgAdmission {
  const all = AddressSet.all(family);
  let definite = AddressSet.empty(family);
  let possible = AddressSet.empty(family);
  const doubts: Unknown[] = [];
  const rules: AdmittingRule[] = [];
  for (const group of groups) {
    for (const rule of group.rules) {
      if (rule.direction !== 'ingress') continue;
      const protocol = isUnknown(rule.protocol) ? 'maybe' : rule.protocol === '-1' || rule.protocol === 'tcp' ? 'yes' : 'no';
      if (protocol === 'no') continue;
      const ports = rule.protocol === '-1' ? 'yes' : isUnknown(rule.fromPort) || isUnknown(rule.toPort) ? 'maybe' : rule.fromPort <= port && port <= rule.toPort ? 'yes' : 'no';
      if (ports === 'no') continue;
      const sure = protocol === 'yes' && ports === 'yes';
      const unsure = (why: Unknown): void => {
        possible = all;
        doubts.push(why);
      };
      const admit = (source: string, attribute: string | undefined): void => {
        possible = all;
        if (sure) {
          definite = all;
          rules.push({ group, rule, source, attribute, clients: all });
        } else {
          for (const value of [rule.protocol, rule.fromPort, rule.toPort]) if (isUnknown(value)) doubts.push(value);
        }
      };
      // The shared definition (internet-source.ts) with sg-open-ingress's default: only a /0 is the internet.
      const considerSource = (cidr: string, label: string, attribute: string | undefined, written?: Family): void => {
        const verdict = internetSource(cidr, null, written);
        if (isUnknown(verdict)) unsure(verdict);
        else if (verdict.internet && verdict.family === family) admit(label, attribute);
      };

      const cidrs = family === 'ipv4' ? rule.ipv4Cidrs : rule.ipv6Cidrs;
      const cidrAttribute = family === 'ipv4' ? rule.attributes.ipv4Cidrs : rule.attributes.ipv6Cidrs;
      if (isUnknown(cidrs)) unsure(cidrs);
      else {
        for (const cidr of cidrs) {
          if (isUnknown(cidr)) unsure(cidr);
          else considerSource(cidr, cidr, cidrAttribute, family);
        }
      }
      const lists = rule.prefixListIds;
      if (isUnknown(lists)) unsure(lists);
      else if (lists.length > 0 && rule.attributes.prefixListIds) {
        const entries = prefixLists.entriesAt(rule.origin, rule.attributes.prefixListIds);
        if (isUnknown(entries)) unsure(entries);
        else {
          for (const list of entries) {
            for (const cidr of list.cidrs) {
              if (isUnknown(cidr)) unsure(cidr);
              else considerSource(cidr, `${list.list?.address ?? 'prefix list'} (${cidr})`, rule.attributes.prefixListIds);
            }
          }
        }
      }
    }
  }
  return { clients: new UncertainSet(definite, possible, dedupe(doubts)), rules };
}

function dedupe(doubts: Unknown[]): Unknown[] {
  const seen = new Set<string>();
  return doubts.filter((d) => (seen.has(d.reason) ? false : (seen.add(d.reason), true)));
}
