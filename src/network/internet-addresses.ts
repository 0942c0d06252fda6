import ipaddr from 'ipaddr.js';
import { AddressSet, type Family } from './address-set.js';
import { cidrSet, parseCidr } from './cidr.js';

type SpecialBlock = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * The addresses an internet client can have: IPv4 without the ranges ipaddr.js classes as special
 * (private, carrier-grade NAT, loopback, link-local, multicast, documentation, reserved…), and the
 * IPv6 global unicast space (2000::/3) without its special ranges. A NACL or route that only lets in
 * 10.0.0.0/8 does not expose a database to the internet, whatever the route table says.
 */
export function internetAddresses(family: Family): AddressSet {
  const cached = CACHE.get(family);
  if (cached) return cached;
  const base = family === 'ipv4' ? AddressSet.all('ipv4') : cidrSet(parseCidr('2000::/3')!);
  const special = AddressSet.unionAll(
    family,
    specialBlocks(family).map(([address, prefix]) => cidrSet(parseCidr(`${address.toString()}/${prefix}`)!)),
  );
  const set = base.subtract(special);
  CACHE.set(family, set);
  return set;
}

const CACHE = new Map<Family, AddressSet>();

/**
 * ipaddr.js keeps its classification table in `SpecialRanges` on the class prototypes (not in its
 * typings); reading it keeps our notion of "public" the same as the library's `range()`.
 */
function specialBlocks(family: Family): SpecialBlock[] {
  const prototype = (family === 'ipv4' ? ipaddr.IPv4.prototype : ipaddr.IPv6.prototype) as unknown as {
    SpecialRanges?: Record<string, SpecialBlock | SpecialBlock[]>;
  };
  const blocks: SpecialBlock[] = [];
  for (const [name, entry] of Object.entries(prototype.SpecialRanges ?? {})) {
    if (name === 'unicast') continue;
    if (Array.isArray(entry[0])) blocks.push(...(entry as SpecialBlock[]));
    else blocks.push(entry as SpecialBlock);
  }
  return blocks;
}
