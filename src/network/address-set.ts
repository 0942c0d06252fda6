export type Family = 'ipv4' | 'ipv6';

export const FAMILY_BITS: Record<Family, number> = { ipv4: 32, ipv6: 128 };

/** An inclusive range of addresses, as integers. */
export type AddressRange = readonly [bigint, bigint];

/** One aligned CIDR block: `start` is its network address. */
export interface AddressBlock {
  family: Family;
  start: bigint;
  prefix: number;
}

/**
 * A set of addresses of one family, kept as sorted, disjoint, non-adjacent inclusive ranges. Client
 * address sets are built from CIDRs by union, intersection and difference, so questions such as "is
 * there a client that the route, both NACL directions and the security group all admit?" are answered
 * exactly rather than by sampling addresses.
 */
export class AddressSet {
  private constructor(
    readonly family: Family,
    readonly ranges: readonly AddressRange[],
  ) {}

  static empty(family: Family): AddressSet {
    return new AddressSet(family, []);
  }

  static all(family: Family): AddressSet {
    return new AddressSet(family, [[0n, maxAddress(family)]]);
  }

  static block(family: Family, start: bigint, prefix: number): AddressSet {
    return new AddressSet(family, [[start, blockEnd(family, start, prefix)]]);
  }

  /** Any ranges (overlapping, unsorted) → a normalised set. */
  static fromRanges(family: Family, ranges: readonly AddressRange[]): AddressSet {
    const sorted = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out: [bigint, bigint][] = [];
    for (const [lo, hi] of sorted) {
      const last = out[out.length - 1];
      if (last && lo <= last[1] + 1n) {
        if (hi > last[1]) last[1] = hi;
      } else {
        out.push([lo, hi]);
      }
    }
    return new AddressSet(family, out);
  }

  static unionAll(family: Family, sets: readonly AddressSet[]): AddressSet {
    if (sets.length === 1) return sets[0]!;
    return AddressSet.fromRanges(family, sets.flatMap((s) => s.ranges));
  }

  isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  isAll(): boolean {
    return this.ranges.length === 1 && this.ranges[0]![0] === 0n && this.ranges[0]![1] === maxAddress(this.family);
  }

  union(other: AddressSet): AddressSet {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    return AddressSet.fromRanges(this.family, [...this.ranges, ...other.ranges]);
  }

  intersect(other: AddressSet): AddressSet {
    if (this === other || other.isAll() || this.isEmpty()) return this;
    if (this.isAll() || other.isEmpty()) return other;
    const out: [bigint, bigint][] = [];
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const [a0, a1] = this.ranges[i]!;
      const [b0, b1] = other.ranges[j]!;
      const lo = a0 > b0 ? a0 : b0;
      const hi = a1 < b1 ? a1 : b1;
      if (lo <= hi) out.push([lo, hi]);
      if (a1 < b1) i++;
      else j++;
    }
    return new AddressSet(this.family, out);
  }

  subtract(other: AddressSet): AddressSet {
    if (this.isEmpty() || other.isEmpty()) return this;
    const out: [bigint, bigint][] = [];
    let j = 0;
    for (const [lo0, hi] of this.ranges) {
      let lo = lo0;
      while (j < other.ranges.length && other.ranges[j]![1] < lo) j++;
      let k = j;
      while (lo <= hi && k < other.ranges.length && other.ranges[k]![0] <= hi) {
        const [b0, b1] = other.ranges[k]!;
        if (b0 > lo) out.push([lo, b0 - 1n]);
        lo = b1 + 1n;
        k++;
      }
      if (lo <= hi) out.push([lo, hi]);
    }
    return new AddressSet(this.family, out);
  }

  /** True when every address of `other` is in this set. */
  covers(other: AddressSet): boolean {
    return other.subtract(this).isEmpty();
  }

  contains(address: bigint): boolean {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.ranges[mid]!;
      if (address < a) hi = mid - 1;
      else if (address > b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** The set as the fewest aligned CIDR blocks, in address order. */
  blocks(): AddressBlock[] {
    const out: AddressBlock[] = [];
    for (const [lo, hi] of this.ranges) {
      let start = lo;
      while (start <= hi) {
        const prefix = widestBlockAt(this.family, start, hi);
        out.push({ family: this.family, start, prefix });
        start = blockEnd(this.family, start, prefix) + 1n;
      }
    }
    return out;
  }

  /** The broadest CIDR block inside the set (the lowest one among equals), e.g. to name a witness. */
  largestBlock(): AddressBlock | undefined {
    let best: AddressBlock | undefined;
    for (const [lo, hi] of this.ranges) {
      const block = widestBlockIn(this.family, lo, hi);
      if (!best || block.prefix < best.prefix) best = block;
    }
    return best;
  }

  /** The broadest aligned block inside the set that holds `address`, if the set holds it. */
  blockAround(address: bigint): AddressBlock | undefined {
    const range = this.ranges.find(([a, b]) => a <= address && address <= b);
    if (!range) return undefined;
    // Whether the block of this prefix around the address fits is monotonic in the prefix: bisect.
    const fits = (prefix: number): boolean => {
      const start = address - (address % blockSize(this.family, prefix));
      return start >= range[0] && blockEnd(this.family, start, prefix) <= range[1];
    };
    let low = 0;
    let high = FAMILY_BITS[this.family];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (fits(mid)) high = mid;
      else low = mid + 1;
    }
    return { family: this.family, start: address - (address % blockSize(this.family, low)), prefix: low };
  }
}

const MAX_ADDRESS: Record<Family, bigint> = { ipv4: (1n << 32n) - 1n, ipv6: (1n << 128n) - 1n };

export function maxAddress(family: Family): bigint {
  return MAX_ADDRESS[family];
}

const BLOCK_SIZES: Record<Family, bigint[]> = {
  ipv4: Array.from({ length: 33 }, (_, prefix) => 1n << BigInt(32 - prefix)),
  ipv6: Array.from({ length: 129 }, (_, prefix) => 1n << BigInt(128 - prefix)),
};

export function blockSize(family: Family, prefix: number): bigint {
  return BLOCK_SIZES[family][prefix]!;
}

export function blockEnd(family: Family, start: bigint, prefix: number): bigint {
  return start + blockSize(family, prefix) - 1n;
}

/** The shortest prefix of a block starting at `start` (so aligned there) that ends at or before `limit`. */
function widestBlockAt(family: Family, start: bigint, limit: bigint): number {
  const bits = FAMILY_BITS[family];
  const alignment = start === 0n ? bits : trailingZeros(start);
  const fitting = bitLength(limit - start + 1n) - 1;
  return bits - Math.min(alignment, fitting);
}

/** The broadest aligned block inside [lo, hi]: of the largest power of two that fits, or the next smaller one. */
function widestBlockIn(family: Family, lo: bigint, hi: bigint): AddressBlock {
  const bits = FAMILY_BITS[family];
  for (let size = bitLength(hi - lo + 1n) - 1; size >= 0; size--) {
    const span = 1n << BigInt(size);
    const start = ((lo + span - 1n) / span) * span;
    if (start + span - 1n <= hi) return { family, start, prefix: bits - size };
  }
  return { family, start: lo, prefix: bits };
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

function trailingZeros(value: bigint): number {
  return bitLength(value & -value) - 1;
}
