import type { Resource } from '../resource.js';
import { isValueObject } from '../value.js';

/** One access key of a credential-report row (`aws_iam_credential_report_user`). */
export interface ReportedAccessKey {
  /** 1 or 2: the report's column pair. */
  number: number;
  active: boolean | null;
  lastRotated: string | null;
  lastUsed: string | null;
}

/** The access keys a credential-report row lists (both columns, active or not). */
export function accessKeysOf(row: Resource): ReportedAccessKey[] {
  const keys = row.values['access_keys'];
  if (!Array.isArray(keys)) return [];
  return keys.filter(isValueObject).map((k) => ({
    number: typeof k['number'] === 'number' ? k['number'] : 0,
    active: typeof k['active'] === 'boolean' ? k['active'] : null,
    lastRotated: typeof k['last_rotated'] === 'string' ? k['last_rotated'] : null,
    lastUsed: typeof k['last_used_date'] === 'string' ? k['last_used_date'] : null,
  }));
}
