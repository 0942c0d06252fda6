import { Unknown, isUnknown } from './unknown.js';
import type { Value } from './value.js';

/**
 * A JSON text (`jsonencode({...})`, a policy document data source's `json`) that cannot be written
 * because parts of the encoded value are known only after apply. The string is Unknown, as Terraform
 * says, but the value it encodes is kept: a policy document whose `Resource` is an ARN known only
 * after apply can still be judged on its actions.
 */
export class UnknownJson extends Unknown {
  constructor(
    reason: string,
    /** The value being encoded, with its Unknown parts. */
    readonly encoded: Value,
  ) {
    super(reason);
  }
}

/** The value an UnknownJson encodes, when the value is one. */
export function encodedValueOf(value: unknown): Value | undefined {
  if (!isUnknown(value)) return undefined;
  return (value as unknown as { encoded?: Value }).encoded;
}
