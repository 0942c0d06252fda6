import type { SourceLocation } from '../../model/location.js';
import { Sensitive, isSensitive } from '../../model/sensitive.js';
import { isValueObject, type Value, type ValueObject } from '../../model/value.js';

/** A backend configuration read from one place: the `backend` block, or what `terraform init` recorded. */
export interface BackendPart {
  type: string;
  values: ValueObject;
  location: SourceLocation;
  attributeLocations: Record<string, SourceLocation>;
}

/** Backend arguments that hold credentials: never printed. */
const SECRET_KEY = /^(access_key|secret_key|token|sse_customer_key)$|secret|password/;

/** Marks credential arguments (at any depth, e.g. inside `assume_role`) as Sensitive. */
export function maskCredentials(values: ValueObject): ValueObject {
  const out: ValueObject = {};
  for (const [key, value] of Object.entries(values)) out[key] = SECRET_KEY.test(key) && value !== null && !isSensitive(value) ? new Sensitive(value) : maskNested(value);
  return out;
}

function maskNested(value: Value): Value {
  if (Array.isArray(value)) return value.map(maskNested);
  if (isValueObject(value)) return maskCredentials(value);
  return value;
}
