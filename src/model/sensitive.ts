import { inspect } from 'node:util';

export const REDACTED = '(sensitive)';

const SENSITIVE_BRAND = Symbol.for('warden.sensitive');

/**
 * A value Terraform marked sensitive (or a credential). The real value is kept in a private field
 * so that JSON.stringify, template strings and util.inspect all print the redaction marker: no
 * reporter can leak it by accident. A policy that truly needs it calls `reveal()`.
 */
export class Sensitive {
  readonly #value: unknown;
  /** Marks Sensitive values made by any copy of warden (a policy pack may bring its own), so `isSensitive` sees them all. */
  get [SENSITIVE_BRAND](): true {
    return true;
  }

  constructor(value: unknown) {
    this.#value = value;
  }

  reveal(): unknown {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/** True for a Sensitive value (made by any copy of warden). */
export function isSensitive(value: unknown): value is Sensitive {
  return value instanceof Sensitive || (typeof value === 'object' && value !== null && (value as { [SENSITIVE_BRAND]?: unknown })[SENSITIVE_BRAND] === true);
}
