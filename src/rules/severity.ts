/** The severities, worst first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** How bad a finding is: `critical`, `high`, `medium`, `low` or `info`. */
export type Severity = (typeof SEVERITIES)[number];

/** Higher is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** True for one of the five severity names. */
export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** GitHub code scanning's `security-severity` scores (DESIGN §5). */
export const SECURITY_SEVERITY_SCORE: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};
