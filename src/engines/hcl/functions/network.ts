import ipaddr from 'ipaddr.js';
import type { Value } from '../../../model/value.js';
import { EvalError } from '../eval/eval-error.js';
import { asNumber, asString } from '../eval/values.js';
import { arity, type HclFunction } from './function-signature.js';

interface Prefix {
  bits: number;
  base: bigint;
  length: number;
}

const IPV4_PREFIX = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function parsePrefix(value: Value | undefined): Prefix {
  const text = asString(value, 'the prefix');
  // The common case without the general parser (which tries IPv6 first).
  const v4 = IPV4_PREFIX.exec(text);
  if (v4) {
    const [a, b, c, d, length] = [Number(v4[1]), Number(v4[2]), Number(v4[3]), Number(v4[4]), Number(v4[5])];
    if (a <= 255 && b <= 255 && c <= 255 && d <= 255 && length <= 32) {
      // 32 bits are exact in a double: one BigInt at the end instead of BigInt arithmetic per octet.
      const n = ((a * 256 + b) * 256 + c) * 256 + d;
      return { bits: 32, base: BigInt(n - (n % 2 ** (32 - length))), length };
    }
  }
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    throw new EvalError(`"${text}" is not a CIDR prefix`);
  }
  const [address, length] = parsed;
  const bits = address.kind() === 'ipv4' ? 32 : 128;
  let n = 0n;
  for (const byte of address.toByteArray()) n = (n << 8n) | BigInt(byte);
  const hostBits = BigInt(bits - length);
  return { bits, base: (n >> hostBits) << hostBits, length };
}

function format(n: bigint, bits: number): string {
  if (bits === 32) {
    const v = Number(n);
    return `${Math.floor(v / 16777216)}.${Math.floor(v / 65536) % 256}.${Math.floor(v / 256) % 256}.${v % 256}`;
  }
  const bytes: number[] = [];
  for (let i = bits / 8 - 1; i >= 0; i--) bytes.push(Number((n >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

function subnet(prefix: Prefix, newBits: number, netNum: number): Prefix {
  const length = prefix.length + newBits;
  if (!Number.isInteger(newBits) || newBits < 0 || length > prefix.bits) throw new EvalError(`cannot extend a /${prefix.length} prefix by ${newBits} bits`);
  if (!Number.isInteger(netNum) || netNum < 0 || BigInt(netNum) >= 1n << BigInt(newBits)) throw new EvalError(`network number ${netNum} does not fit in ${newBits} bits`);
  return { bits: prefix.bits, base: prefix.base | (BigInt(netNum) << BigInt(prefix.bits - length)), length };
}

export const networkFunctions: Record<string, HclFunction> = {
  cidrsubnet: (args) => {
    arity(args, 3);
    const result = subnet(parsePrefix(args[0]), asNumber(args[1]), asNumber(args[2]));
    return `${format(result.base, result.bits)}/${result.length}`;
  },
  cidrsubnets: (args) => {
    arity(args, 1, Infinity);
    const prefix = parsePrefix(args[0]);
    let next = prefix.base;
    return args.slice(1).map((arg) => {
      const newBits = asNumber(arg);
      const length = prefix.length + newBits;
      if (length > prefix.bits) throw new EvalError(`cannot extend a /${prefix.length} prefix by ${newBits} bits`);
      const size = 1n << BigInt(prefix.bits - length);
      const start = ((next + size - 1n) / size) * size;
      if (start + size > prefix.base + (1n << BigInt(prefix.bits - prefix.length))) throw new EvalError('not enough room for the requested subnets');
      next = start + size;
      return `${format(start, prefix.bits)}/${length}`;
    });
  },
  cidrhost: (args) => {
    arity(args, 2);
    const prefix = parsePrefix(args[0]);
    const size = 1n << BigInt(prefix.bits - prefix.length);
    let host = BigInt(Math.trunc(asNumber(args[1])));
    if (host < 0n) host += size;
    if (host < 0n || host >= size) throw new EvalError(`host number ${String(args[1])} does not fit in the prefix`);
    return format(prefix.base + host, prefix.bits);
  },
  cidrnetmask: (args) => {
    arity(args, 1);
    const prefix = parsePrefix(args[0]);
    if (prefix.bits !== 32) throw new EvalError('cidrnetmask only works with IPv4 prefixes');
    const mask = ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - prefix.length)) - 1n);
    return format(mask, 32);
  },
};
