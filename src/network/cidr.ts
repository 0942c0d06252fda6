import ipaddr from 'ipaddr.js';
import { Unknown } from '../model/unknown.js';
import { AddressSet, blockSize, type AddressBlock, type Family } from './address-set.js';

/** A parsed CIDR: its family, network address (host bits cleared) and prefix length. */
export interface Cidr extends AddressBlock {
  /** As written (`0.0.0.0/0`). */
  text: string;
}

const cache = new Map<string, Cidr | null>();

/** Parses `10.0.0.0/16` or `::/0`; undefined for anything that is not a CIDR (AWS would reject it). */
export function parseCidr(text: string): Cidr | undefined {
  const cached = cache.get(text);
  if (cached !== undefined) return cached ?? undefined;
  let parsed: Cidr | null = null;
  try {
    const [address, prefix] = ipaddr.parseCIDR(text.trim());
    const family: Family = address.kind();
    const value = bytesToBigInt(address.toByteArray());
    parsed = { family, start: value - (value % blockSize(family, prefix)), prefix, text };
  } catch {
    parsed = null;
  }
  if (cache.size > 100_000) cache.clear();
  cache.set(text, parsed);
  return parsed ?? undefined;
}

/** Dotted-quad IPv4 as AWS writes and accepts it: four decimal parts 0–255, no leading zeros, no hex or short forms. */
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const PREFIX = /^(?:0|[1-9]\d{0,2})$/;

/**
 * Parses a CIDR block only in the forms AWS accepts (`10.0.0.0/8`, `2001:db8::/32`); undefined for
 * anything else. ipaddr.js alone reads `0/0`, `0x0.0.0.0/0` or `010.0.0.0/8` (octal!) as addresses,
 * which AWS rejects: such a source cannot be what it claims, so no verdict may rest on it.
 * Host bits may be set (`0.1.0.0/0` is all of IPv4, as AWS reads it).
 */
export function parseAwsCidr(text: string): Cidr | undefined {
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

/** The Unknown for a CIDR text AWS would refuse: `what` cannot be told from it. */
export function notACidr(text: string, what: string): Unknown {
  return new Unknown(`${JSON.stringify(text)} is not a CIDR block AWS accepts, so ${what} cannot be told`);
}

export function cidrSet(cidr: AddressBlock): AddressSet {
  return AddressSet.block(cidr.family, cidr.start, cidr.prefix);
}

export function formatAddress(family: Family, value: bigint): string {
  const length = family === 'ipv4' ? 4 : 16;
  const bytes: number[] = new Array<number>(length);
  let rest = value;
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

export function formatBlock(block: AddressBlock): string {
  return `${formatAddress(block.family, block.start)}/${block.prefix}`;
}

function bytesToBigInt(bytes: number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}
