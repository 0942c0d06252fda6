const UNKNOWN_BRAND = Symbol.for('warden.unknown');

/**
 * A value that cannot be known at scan time: plan `after_unknown`, an HCL reference that does not
 * resolve, or anything a live collector could not read. It travels through the model as a value
 * so that a policy whose decisive input is Unknown can say so instead of silently passing.
 */
export class Unknown {
  /** Marks Unknowns made by any copy of warden (a policy pack may bring its own), so `isUnknown` sees them all. */
  get [UNKNOWN_BRAND](): true {
    return true;
  }

  constructor(readonly reason: string) {}

  toString(): string {
    return `(unknown: ${this.reason})`;
  }

  toJSON(): { unknown: string } {
    return { unknown: this.reason };
  }
}

/** True for an Unknown value (made by any copy of warden). */
export function isUnknown(value: unknown): value is Unknown {
  if (value instanceof Unknown) return true;
  // A list is never an Unknown: answered before the brand lookup, which misses on every list of every value walked.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return (value as { [UNKNOWN_BRAND]?: unknown })[UNKNOWN_BRAND] === true;
}
