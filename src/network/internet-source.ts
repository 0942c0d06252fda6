import ipaddr from 'ipaddr.js';
import { Unknown } from '../model/unknown.js';
import type { Family } from './address-set.js';
import { cidrSet, parseCidr, type Cidr } from './cidr.js';
import { internetAddresses } from './internet-addresses.js';

/** A source CIDR judged: whether it stands for the internet (and its family), or why that cannot be told. */
export type InternetSourceVerdict = { internet: boolean; family: Family } | Unknown;

/** Dotted-quad IPv4 as AWS writes and accepts it: four decimal parts 0–255, no leading zeros, no hex or short forms. */
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const PREFIX = /^(?:0|[1-9]\d{0,2})$/;

/**
 * Parses a CIDR block only in the forms AWS accepts (`10.0.0.0/8`, `2001:db8::/32`); undefined for
 * anything else. ipaddr.js alone reads `0/0`, `0x0.0.0.0/0` or `010.0.0.0/8` (octal!) as addresses,
 * which AWS rejects: such a source cannot be what it claims, so no verdict may rest on it.
 * Host bits may be set (`0.1.0.0/0` is all of IPv4, as AWS reads it).
 */
export function parseSourceCidr(text: string): Cidr | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash < 0) return undefined;
  const address = trimmed.slice(0, slash);
  const prefix = trimmed.slice(slash + 1);
  if (!PREFIX.test(prefix)) return undefined;
  const bits = Number(prefix);
  if (IPV4.test(address)) {
    if (bits > 32) return undefined;
  } else if (!address.includes(':') || address.includes('%') || !ipaddr.IPv6.isValid(address) || bits > 128) {
    return undefined;
  }
  return parseCidr(trimmed);
}

/**
 * The one definition of "an internet source", used by sg-open-ingress and by the reachability model:
 * any /0 of either family (host bits set or not), and — when `publicMinPrefix` is set — any CIDR at
 * least that broad that holds an internet address (outside the private, reserved and special ranges
 * of internet-addresses.ts). A text that is not a CIDR AWS accepts is Unknown, never "not internet".
 */
export function internetSource(text: string, publicMinPrefix: number | null = null): InternetSourceVerdict {
  const key = `${publicMinPrefix}|${text}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    // Bounded: an estate repeats a few CIDRs thousands of times, but a hostile input must not grow it without end.
    if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
    verdict = decide(text, publicMinPrefix);
    verdicts.set(key, verdict);
  }
  return verdict;
}

const verdicts = new Map<string, InternetSourceVerdict>();
const MAX_REMEMBERED = 10_000;

function decide(text: string, publicMinPrefix: number | null): InternetSourceVerdict {
  const cidr = parseSourceCidr(text);
  if (!cidr) return new Unknown(`${JSON.stringify(text)} is not a CIDR block AWS accepts, so what it admits cannot be told`);
  const { family, prefix } = cidr;
  if (prefix === 0) return { internet: true, family };
  if (publicMinPrefix === null || prefix > publicMinPrefix) return { internet: false, family };
  return { internet: !cidrSet(cidr).intersect(internetAddresses(family)).isEmpty(), family };
}
