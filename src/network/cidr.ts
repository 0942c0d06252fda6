import ipaddr from 'ipaddr.js';
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
