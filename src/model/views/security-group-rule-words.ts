import { isUnknown, type Unknown } from '../unknown.js';
import type { SecurityGroupRule } from './security-groups.js';

/** What the words print for a part Terraform learns only at apply. */
const LATER = '(known after apply)';

/**
 * A security-group rule in plain words, as a network engineer would say it: `tcp 5432 from
 * sg-0abc (app-tier)`, `all traffic to 0.0.0.0/0`, `tcp 443 from 10.0.0.0/16, itself`. `nameOf`
 * names a referenced group (its Name tag or group name) when the caller knows it.
 */
export function ruleWords(rule: SecurityGroupRule, nameOf: (reference: string) => string | undefined = () => undefined): string {
  const peers = [
    ...listWords(rule.ipv4Cidrs),
    ...listWords(rule.ipv6Cidrs),
    ...listWords(rule.prefixListIds),
    ...listWords(rule.securityGroupRefs, (ref) => {
      const name = nameOf(ref);
      return name && name !== ref ? `${ref} (${name})` : ref;
    }),
    ...(rule.self ? ['itself'] : []),
  ];
  const direction = rule.direction === 'ingress' ? 'from' : 'to';
  return `${trafficWords(rule)} ${direction} ${peers.length > 0 ? peers.join(', ') : 'nothing'}`;
}

/** The traffic part alone: `all traffic`, `tcp 22`, `udp 1024-65535`, `icmp type 8`, `protocol 50`. */
export function trafficWords(rule: Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort'>): string {
  const { protocol, fromPort, toPort } = rule;
  if (isUnknown(protocol)) return `protocol ${LATER}`;
  if (protocol === '-1') return 'all traffic';
  const ports = isUnknown(fromPort) || isUnknown(toPort) ? `ports ${LATER}` : fromPort === toPort ? String(fromPort) : `${fromPort}-${toPort}`;
  if (protocol === 'tcp' || protocol === 'udp') return `${protocol} ${ports}`;
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    if (isUnknown(fromPort) || fromPort === -1) return `${protocol} (every type)`;
    return `${protocol} type ${fromPort}${!isUnknown(toPort) && toPort !== -1 ? ` code ${toPort}` : ''}`;
  }
  return `protocol ${protocol}`;
}

function listWords(list: readonly (string | Unknown)[] | Unknown, name: (item: string) => string = (item) => item): string[] {
  if (isUnknown(list)) return [LATER];
  return list.map((item) => (isUnknown(item) ? LATER : name(item)));
}
