import type { Verdict } from '../../rules/finding.js';
import type { Severity } from '../../rules/severity.js';

/** OCSF 1.8.0 Detection Finding (class 2004, category 2 Findings), activity 1 Create: each run reports what it sees anew. */
export const OCSF_VERSION = '1.8.0';
export const DETECTION_FINDING = { class_uid: 2004, class_name: 'Detection Finding', category_uid: 2, category_name: 'Findings' } as const;
export const CREATE = { activity_id: 1, activity_name: 'Create', type_uid: 200401, type_name: 'Detection Finding: Create' } as const;

/** `severity_id`: OCSF has no "info" finding level apart from Informational (1). */
export const OCSF_SEVERITY: Record<Severity, { severity_id: number; severity: string }> = {
  info: { severity_id: 1, severity: 'Informational' },
  low: { severity_id: 2, severity: 'Low' },
  medium: { severity_id: 3, severity: 'Medium' },
  high: { severity_id: 4, severity: 'High' },
  critical: { severity_id: 5, severity: 'Critical' },
};

/**
 * `status_id` by verdict: a failure is New (to be reviewed), a suppression Suppressed, a pass
 * Resolved. An undecided check has no OCSF status: Other (99), named "Unknown verdict", never
 * Resolved, so a consumer never reads it as compliant.
 */
export const OCSF_STATUS: Record<Verdict, { status_id: number; status: string }> = {
  fail: { status_id: 1, status: 'New' },
  unknown: { status_id: 99, status: 'Unknown verdict' },
  suppressed: { status_id: 3, status: 'Suppressed' },
  pass: { status_id: 4, status: 'Resolved' },
};
