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

/**
 * Backend arguments that hold credentials, across the backends (s3, azurerm, gcs, pg, http, consul,
 * cos, oss, kubernetes, remote/cloud): never printed. Names of settings policies decide on (`bucket`,
 * `key`, `kms_key_id`, `encrypt`, `dynamodb_table` …) match none of these.
 */
const SECRET_KEY = /secret|password|token|credential|private_key|^access_key$|^sas|conn_str|connection_string|encryption_key|customer_key|^client_key$|^client_certificate$|_pem$/;

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
