/**
 * A value that cannot be known at scan time: plan `after_unknown`, an HCL reference that does not
 * resolve, or anything a live collector could not read. It travels through the model as a value
 * so that a policy whose decisive input is Unknown can say so instead of silently passing.
 */
export class Unknown {
  constructor(readonly reason: string) {}

  toString(): string {
    return `(unknown: ${this.reason})`;
  }

  toJSON(): { unknown: string } {
    return { unknown: this.reason };
  }
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}
