import ipaddr from 'ipaddr.js';
import type { Value } from '../../../model/value.js';
import { EvalError } from '../eval/eval-error.js';
import { asNumber, asString } from '../eval/values.js';
import { arity, type HclFunction } from './call-function.js';

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
    const octets = v4.slice(1, 5).map(Number);
    const length = Number(v4[5]);
    if (octets.every((o) => o <= 255) && length <= 32) {
      const n = octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n);
      const hostBits = BigInt(32 - length);
      return { bits: 32, base: (n >> hostBits) << hostBits, length };
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
  if (bits === 32) return [24n, 16n, 8n, 0n].map((shift) => String((n >> shift) & 0xffn)).join('.');
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
