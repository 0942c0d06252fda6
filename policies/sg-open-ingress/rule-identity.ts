import { isUnknown, type SecurityGroupRule } from '../../src/api.js';

/**
 * What names a rule in a finding's fingerprint. A rule resource is named by its address; an inline
 * rule by what it says (protocol, ports, sources, description), not by its position: re-ordering
 * the ingress blocks of a group must not make its findings new. Unknown parts read `?`, and lists
 * are sorted, since their order means nothing to AWS. Two inline rules that say the same are one
 * rule to AWS too.
 */
export function ruleIdentity(rule: SecurityGroupRule): string {
  if (rule.path === '') return rule.origin.address;
  const parts = [
    `${part(rule.protocol)} ${part(rule.fromPort)}-${part(rule.toPort)}`,
    list(rule.ipv4Cidrs),
    list(rule.ipv6Cidrs),
    list(rule.prefixListIds),
    list(rule.securityGroupRefs),
    rule.self ? 'self' : '',
    rule.description ?? '',
  ];
  return parts.join(' ').trimEnd();
}

function part(value: unknown): string {
  return isUnknown(value) ? '?' : String(value);
}

function list(values: readonly unknown[] | unknown): string {
  if (isUnknown(values) || !Array.isArray(values)) return '?';
  return `[${values.map(part).sort().join(',')}]`;
}
