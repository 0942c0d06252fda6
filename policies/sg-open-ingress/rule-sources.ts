import { PREFIX_LIST_TYPES, isUnknown, type Inventory, type PrefixLists, type Resource, type SecurityGroupRule, type Unknown } from '../../src/api.js';

/** Whether a CIDR (written in an attribute of `family`, when it has one) is the internet under the policy's options: true, false, or why it cannot be told. */
export type InternetTest = (cidr: string, family?: 'ipv4' | 'ipv6') => boolean | Unknown;

/** One source of a rule that stands for the internet. */
export interface InternetSource {
  cidr: string;
  /** Attribute path inside the rule's origin resource where the source is written. */
  path: string;
  /** The prefix list the CIDR came from (its id, or its address when the id is not known yet). */
  prefixList?: string;
}

/** What a rule's sources amount to: the internet sources found, and why others could not be decided. */
export interface SourceAssessment {
  internet: InternetSource[];
  doubts: string[];
}

/**
 * Classifies the sources of one rule. CIDRs are tested with `isInternet` (a CIDR that cannot be
 * judged is a doubt); prefix lists are expanded to their entries; security-group references and
 * `self` are never internet sources.
 */
export function assessSources(rule: SecurityGroupRule, inventory: Inventory, prefixLists: PrefixLists, isInternet: InternetTest): SourceAssessment {
  const out: SourceAssessment = { internet: [], doubts: [] };
  const paths = rule.attributes;
  assessCidrs(rule, rule.ipv4Cidrs, paths.ipv4Cidrs, 'ipv4', isInternet, out);
  assessCidrs(rule, rule.ipv6Cidrs, paths.ipv6Cidrs, 'ipv6', isInternet, out);
  assessPrefixLists(rule, inventory, prefixLists, isInternet, out);
  return out;
}

function assessCidrs(rule: SecurityGroupRule, cidrs: SecurityGroupRule['ipv4Cidrs'], path: string | undefined, family: 'ipv4' | 'ipv6', isInternet: InternetTest, out: SourceAssessment): void {
  if (isUnknown(cidrs)) {
    out.doubts.push(cidrs.reason);
    return;
  }
  for (const cidr of cidrs) {
    const verdict = isUnknown(cidr) ? cidr : isInternet(cidr, family);
    if (isUnknown(verdict)) out.doubts.push(verdict.reason);
    else if (verdict) out.internet.push({ cidr: cidr as string, path: path ?? rule.path });
  }
}

function assessPrefixLists(rule: SecurityGroupRule, inventory: Inventory, prefixLists: PrefixLists, isInternet: InternetTest, out: SourceAssessment): void {
  const ids = rule.prefixListIds;
  const path = rule.attributes.prefixListIds ?? rule.path;
  if (isUnknown(ids)) {
    out.doubts.push(ids.reason);
    return;
  }
  // Most rules name no prefix list: nothing to expand, so none of the bookkeeping below.
  if (ids.length === 0) return;
  const seen = new Set<Resource>();
  const pending: Unknown[] = [];
  const expand = (list: Resource, label: string, certain: boolean): void => {
    const open: string[] = [];
    for (const cidr of prefixLists.entriesOf(list).cidrs) {
      const verdict = isUnknown(cidr) ? cidr : isInternet(cidr);
      if (isUnknown(verdict)) {
        out.doubts.push(verdict.reason);
        return;
      }
      if (verdict) open.push(cidr as string);
    }
    if (open.length === 0) return;
    if (certain) out.internet.push(...open.map((cidr) => ({ cidr, path, prefixList: label })));
    else out.doubts.push(`the prefix list in ${rule.origin.address}.${path} is not known yet and may be ${list.address}, which holds ${open[0]}`);
  };
  for (const id of ids) {
    if (isUnknown(id)) {
      pending.push(id);
      continue;
    }
    const found = inventory.resolveId(id, PREFIX_LIST_TYPES);
    if (isUnknown(found) || found.length === 0) {
      out.doubts.push(`prefix list ${id} is not in this input, so its entries cannot be checked`);
      continue;
    }
    for (const list of found) {
      seen.add(list);
      expand(list, id, true);
    }
  }
  if (pending.length === 0) return;
  // Ids known only after apply: the configuration's references say which lists they can be.
  const candidates = referencedLists(rule, inventory, path).filter((list) => !seen.has(list));
  if (candidates.length === 0) {
    out.doubts.push(pending[0]!.reason);
    return;
  }
  const certain = pending.length >= candidates.length;
  for (const list of candidates) expand(list, list.address, certain);
}

/** Prefix lists referenced at the attribute or, failing that, at its closest parent (`ingress` for inline rules). */
function referencedLists(rule: SecurityGroupRule, inventory: Inventory, path: string): Resource[] {
  const steps = path.split('.');
  for (let n = steps.length; n > 0; n--) {
    const addresses = rule.origin.references[steps.slice(0, n).join('.')] ?? [];
    const lists = addresses
      .map((address) => inventory.byAddress(address))
      .filter((r): r is Resource => r !== undefined && (PREFIX_LIST_TYPES as readonly string[]).includes(r.type));
    if (lists.length > 0) return [...new Set(lists)];
  }
  return [];
}
