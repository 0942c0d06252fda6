import { createRequire } from 'node:module';
import type IpAddr from 'ipaddr.js';

type Address = IpAddr.IPv4 | IpAddr.IPv6;
type Block = [Address, number];

let loaded: typeof IpAddr | undefined;
/**
 * ipaddr.js, required (it is CommonJS) on the first check rather than imported when the policy file
 * loads: `warden policies` lists this policy without paying for it (DESIGN §7 start-up budget).
 */
function ipaddr(): typeof IpAddr {
  loaded ??= createRequire(import.meta.url)('ipaddr.js') as typeof IpAddr;
  return loaded;
}

/**
 * Whether a source CIDR stands for "the internet": any /0 (`0.0.0.0/0`, `::/0`), and — when
 * `publicMinPrefix` is set — any CIDR at least that broad (prefix length ≤ it) that holds public
 * addresses, i.e. is not wholly inside ipaddr.js's private/reserved/special ranges. The prefix length
 * is compared as written for both families. A string that is not a CIDR is not an internet source.
 */
export function isInternetCidr(cidr: string, publicMinPrefix: number | null): boolean {
  // Loaded outside the try: only a CIDR that does not parse means "not internet", never a failed load.
  const parser = ipaddr();
  let block: Block;
  try {
    block = parser.parseCIDR(cidr.trim());
  } catch {
    return false;
  }
  const [address, length] = block;
  if (length === 0) return true;
  if (publicMinPrefix === null || length > publicMinPrefix) return false;
  return !coveredBySpecialRanges(networkOf(address, length), length);
}

/**
 * The special ranges ipaddr.js classifies with `range()`. They are read from the class so the list
 * stays whatever the installed ipaddr.js considers non-public; the property is not in its typings.
 */
function specialBlocks(kind: 'ipv4' | 'ipv6'): Block[] {
  const prototype = (kind === 'ipv4' ? ipaddr().IPv4.prototype : ipaddr().IPv6.prototype) as unknown as { SpecialRanges?: Record<string, Block | Block[]> };
  const blocks: Block[] = [];
  for (const entry of Object.values(prototype.SpecialRanges ?? {})) {
    if (Array.isArray(entry[0])) blocks.push(...(entry as Block[]));
    else blocks.push(entry as Block);
  }
  return blocks;
}

let special: Record<'ipv4' | 'ipv6', Block[]> | undefined;
function specialRanges(): Record<'ipv4' | 'ipv6', Block[]> {
  special ??= { ipv4: specialBlocks('ipv4'), ipv6: specialBlocks('ipv6') };
  return special;
}

/** True when every address of the block lies in some special (non-public) range. */
function coveredBySpecialRanges(network: Address, length: number): boolean {
  const special = specialRanges()[network.kind()];
  if (special.length === 0) return network.range() !== 'unicast';
  if (special.some(([base, bits]) => bits <= length && network.match(base, bits))) return true;
  // A special range strictly inside the block may cover part of it: split in halves and look again.
  const inside = special.some(([base, bits]) => bits > length && base.kind() === network.kind() && base.match(network, length));
  if (!inside) return false;
  const [low, high] = halves(network, length);
  return coveredBySpecialRanges(low, length + 1) && coveredBySpecialRanges(high, length + 1);
}

function networkOf(address: Address, length: number): Address {
  const bytes = address.toByteArray();
  for (let bit = length; bit < bytes.length * 8; bit++) bytes[bit >> 3]! &= ~(0x80 >> (bit & 7));
  return ipaddr().fromByteArray(bytes);
}

function halves(network: Address, length: number): [Address, Address] {
  const bytes = network.toByteArray();
  bytes[length >> 3]! |= 0x80 >> (length & 7);
  return [network, ipaddr().fromByteArray(bytes)];
}
