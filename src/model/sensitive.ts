import { inspect } from 'node:util';

export const REDACTED = '(sensitive)';

/**
 * A value Terraform marked sensitive (or a credential). The real value is kept in a private field
 * so that JSON.stringify, template strings and util.inspect all print the redaction marker: no
 * reporter can leak it by accident. A policy that truly needs it calls `reveal()`.
 */
export class Sensitive {
  readonly #value: unknown;

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

export function isSensitive(value: unknown): value is Sensitive {
  return value instanceof Sensitive;
}
