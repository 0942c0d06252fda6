import type { Unknown } from '../model/unknown.js';
import { AddressSet, type Family } from './address-set.js';

/**
 * An address block we know is taken out of a set but whose position is Unknown, and whose size is
 * bounded: a VPC's own CIDR before apply (IPv4 at most /16, IPv6 at most /44) shadows the route to
 * the internet gateway for its addresses. A witness block broader than every carve-out together
 * still holds a client outside them, wherever they land.
 */
export interface CarveOut {
  /** The block's prefix length is at least this. */
  minPrefix: number;
  why: Unknown;
}

/**
 * A set of client addresses known only in part: `definite` holds the addresses that belong to it
 * whatever the Unknown inputs turn out to be, `possible` those that may belong to it (definite ⊆
 * possible). `doubts` are the Unknowns that make the two differ.
 */
export class UncertainSet {
  constructor(
    readonly definite: AddressSet,
    readonly possible: AddressSet,
    readonly doubts: readonly Unknown[] = [],
    readonly carveOuts: readonly CarveOut[] = [],
  ) {}

  static exactly(set: AddressSet): UncertainSet {
    return new UncertainSet(set, set);
  }

  static empty(family: Family): UncertainSet {
    return UncertainSet.exactly(AddressSet.empty(family));
  }

  /** Nothing is known: any address may or may not belong. */
  static unknown(family: Family, why: Unknown): UncertainSet {
    return new UncertainSet(AddressSet.empty(family), AddressSet.all(family), [why]);
  }

  get family(): Family {
    return this.definite.family;
  }

  isExact(): boolean {
    return this.doubts.length === 0 && this.carveOuts.length === 0;
  }

  intersect(other: UncertainSet): UncertainSet {
    const definite = this.definite.intersect(other.definite);
    // Two exact sets (the common case) need one intersection, not two.
    const bothExact = this.definite === this.possible && other.definite === other.possible;
    return new UncertainSet(
      definite,
      bothExact ? definite : this.possible.intersect(other.possible),
      [...this.doubts, ...other.doubts],
      [...this.carveOuts, ...other.carveOuts],
    );
  }
}
