import { describe, expect, it } from 'vitest';
import { AddressSet } from '../../src/network/address-set.js';
import { cidrSet, formatBlock, parseCidr } from '../../src/network/cidr.js';
import { internetAddresses } from '../../src/network/internet-addresses.js';

const set = (...cidrs: string[]): AddressSet => AddressSet.unionAll(parseCidr(cidrs[0]!)!.family, cidrs.map((c) => cidrSet(parseCidr(c)!)));
const blocks = (s: AddressSet): string[] => s.blocks().map(formatBlock);

describe('CIDR parsing', () => {
  it('clears host bits and knows the family', () => {
    expect(parseCidr('10.1.2.3/8')).toMatchObject({ family: 'ipv4', prefix: 8, start: 10n << 24n });
    expect(parseCidr('::/0')).toMatchObject({ family: 'ipv6', prefix: 0, start: 0n });
    expect(parseCidr('2001:db8::/32')?.family).toBe('ipv6');
  });

  it('rejects what is not a CIDR', () => {
    for (const text of ['', '10.0.0.0', '10.0.0.0/33', 'sg-123', '::/129']) expect(parseCidr(text)).toBeUndefined();
  });
});

describe('AddressSet', () => {
  it('unions, intersects and subtracts CIDRs exactly', () => {
    expect(blocks(set('10.0.0.0/9', '10.128.0.0/9'))).toEqual(['10.0.0.0/8']);
    expect(blocks(set('52.0.0.0/8').intersect(set('52.16.0.0/12')))).toEqual(['52.16.0.0/12']);
    expect(blocks(set('52.16.0.0/12').subtract(set('52.16.0.0/13')))).toEqual(['52.24.0.0/13']);
    expect(blocks(set('0.0.0.0/0').subtract(set('128.0.0.0/1')))).toEqual(['0.0.0.0/1']);
    expect(set('10.0.0.0/8').intersect(set('11.0.0.0/8')).isEmpty()).toBe(true);
  });

  it('names the broadest block and the broadest block around an address', () => {
    const s = set('10.0.0.0/24', '11.0.0.0/8', '12.0.0.0/16');
    expect(formatBlock(s.largestBlock()!)).toBe('11.0.0.0/8');
    expect(formatBlock(s.blockAround(parseCidr('12.0.3.4/32')!.start)!)).toBe('12.0.0.0/16');
    expect(s.blockAround(parseCidr('13.0.0.1/32')!.start)).toBeUndefined();
  });

  it('agrees with a brute-force bitmap on random small sets', () => {
    // A deterministic generator: the test must be reproducible.
    let seed = 42;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const randomSet = (): [AddressSet, boolean[]] => {
      const ranges: [bigint, bigint][] = [];
      const bits = new Array<boolean>(256).fill(false);
      for (let i = random(5); i >= 0; i--) {
        const lo = random(256);
        const hi = Math.min(255, lo + random(40));
        ranges.push([BigInt(lo), BigInt(hi)]);
        for (let x = lo; x <= hi; x++) bits[x] = true;
      }
      return [AddressSet.fromRanges('ipv4', ranges), bits];
    };
    const members = (s: AddressSet): boolean[] => Array.from({ length: 256 }, (_, x) => s.contains(BigInt(x)));
    for (let round = 0; round < 300; round++) {
      const [a, abits] = randomSet();
      const [b, bbits] = randomSet();
      expect(members(a.union(b))).toEqual(abits.map((v, i) => v || bbits[i]));
      expect(members(a.intersect(b))).toEqual(abits.map((v, i) => v && bbits[i]));
      expect(members(a.subtract(b))).toEqual(abits.map((v, i) => v && !bbits[i]));
      expect(a.covers(a.intersect(b))).toBe(true);
      // The block decomposition covers exactly the set.
      expect(members(AddressSet.unionAll('ipv4', [AddressSet.empty('ipv4'), ...a.blocks().map((k) => AddressSet.block('ipv4', k.start, k.prefix))]))).toEqual(abits);
    }
  });
});

describe('internet addresses', () => {
  it('leave out private, shared, documentation and other special IPv4 ranges', () => {
    const internet = internetAddresses('ipv4');
    for (const inside of ['8.8.8.0/24', '52.0.0.0/8', '32.0.0.0/3']) expect(internet.covers(set(inside)), inside).toBe(true);
    for (const outside of ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '203.0.113.0/24', '224.0.0.0/4']) {
      expect(internet.intersect(set(outside)).isEmpty(), outside).toBe(true);
    }
  });

  it('are the IPv6 global unicast space without its special ranges', () => {
    const internet = internetAddresses('ipv6');
    expect(internet.covers(set('2a05::/16'))).toBe(true);
    for (const outside of ['fc00::/7', 'fe80::/10', '2001:db8::/32', '::1/128', '4000::/2']) expect(internet.intersect(set(outside)).isEmpty(), outside).toBe(true);
  });
});
