import type { Resource } from '../model/resource.js';
import { REDACTED, isSensitive } from '../model/sensitive.js';
import { isMarkedSensitive } from '../model/sensitive-marks.js';
import { isUnknown } from '../model/unknown.js';
import { valueAt, type Value } from '../model/value.js';
import type { Redactor } from '../rules/redaction.js';

/** What the inventory prints for a value Terraform learns only at apply (plan-time ids, computed CIDRs). */
export const KNOWN_AFTER_APPLY = '(known after apply)';

/**
 * Turns resource attributes into display text. Sensitive values never leave: an attribute marked
 * sensitive prints `(sensitive)`, and any other text is passed through the inventory's Redactor (the
 * one findings use), which catches a secret quoted elsewhere (a Name tag, an instance key).
 */
export class DisplayValues {
  constructor(private readonly redactor: Redactor | undefined) {}

  /** The attribute at `path` as text; null when unset. */
  attribute(resource: Resource, path: string): string | null {
    if (resource.sensitive && isMarkedSensitive(resource.sensitive, path)) return REDACTED;
    return this.value(valueAt(resource.values, path));
  }

  value(value: Value | undefined): string | null {
    if (value === undefined || value === null || value === '') return null;
    if (isUnknown(value)) return KNOWN_AFTER_APPLY;
    if (isSensitive(value)) return REDACTED;
    if (typeof value === 'object') return this.text(JSON.stringify(value));
    return this.text(String(value));
  }

  text(text: string): string {
    return this.redactor ? this.redactor.text(text) : text;
  }

  address(address: string): string {
    return this.redactor ? this.redactor.address(address) : address;
  }
}
