import { Unknown } from '../model/unknown.js';
import type { Family } from './address-set.js';
import { cidrSet, notACidr, parseAwsCidr } from './cidr.js';
import { internetAddresses } from './internet-addresses.js';

/** A source CIDR judged: whether it stands for the internet (and its family), or why that cannot be told. */
export type InternetSourceVerdict = { internet: boolean; family: Family } | Unknown;

/**
 * The one definition of "an internet source", used by sg-open-ingress and by the reachability model:
 * any /0 of either family (host bits set or not), and — when `publicMinPrefix` is set — any CIDR at
 * least that broad that holds an internet address (outside the private, reserved and special ranges
 * of internet-addresses.ts). A text that is not a CIDR AWS accepts, or a block of the other family
 * than the attribute it is written in (`attributeFamily`), is Unknown, never "not internet".
 */
export function internetSource(text: string, publicMinPrefix: number | null = null, attributeFamily?: Family): InternetSourceVerdict {
  const key = `${publicMinPrefix}|${attributeFamily ?? ''}|${text}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    // Bounded: an estate repeats a few CIDRs thousands of times, but a hostile input must not grow it without end.
    if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
    verdict = decide(text, publicMinPrefix, attributeFamily);
    verdicts.set(key, verdict);
  }
  return verdict;
}

const verdicts = new Map<string, InternetSourceVerdict>();
const MAX_REMEMBERED = 10_000;

function decide(text: string, publicMinPrefix: number | null, attributeFamily: Family | undefined): InternetSourceVerdict {
  const cidr = parseAwsCidr(text);
  if (!cidr) return notACidr(text, 'what it admits');
  const { family, prefix } = cidr;
  if (attributeFamily && family !== attributeFamily) {
    return new Unknown(`${JSON.stringify(text)} is an ${label(family)} block where only ${label(attributeFamily)} blocks go (AWS refuses it), so what it admits cannot be told`);
  }
  if (prefix === 0) return { internet: true, family };
  if (publicMinPrefix === null || prefix > publicMinPrefix) return { internet: false, family };
  return { internet: !cidrSet(cidr).intersect(internetAddresses(family)).isEmpty(), family };
}

function label(family: Family): string {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}
