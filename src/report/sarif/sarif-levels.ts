import type { Finding } from '../../rules/finding.js';
import type { Severity } from '../../rules/severity.js';
import type * as Sarif from 'sarif';

/** critical/high block (error), medium warns, low and info are notes. */
export function levelForSeverity(severity: Severity): NonNullable<Sarif.Result['level']> {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    case 'low':
    case 'info':
      return 'note';
  }
}

/**
 * `kind` and `level` of a result. An `unknown` verdict is kind "review" (a person must decide) and,
 * as SARIF §3.27.10 requires for any kind other than "fail", level "none". GitHub ignores `kind`
 * and still lists the result as an alert (security rules show the rule's security-severity), and
 * level "none" keeps an undecided check from counting as an error-level alert that fails the pull
 * request's code-scanning check — the same stance as `--unknown warn`. Suppressed results keep the
 * level of their severity: SARIF records the suppression separately (`suppressions`), and GitHub
 * shows them as dismissed.
 */
export function kindAndLevel(finding: Finding): { kind: NonNullable<Sarif.Result['kind']>; level: NonNullable<Sarif.Result['level']> } {
  switch (finding.verdict) {
    case 'unknown':
      return { kind: 'review', level: 'none' };
    case 'pass':
      return { kind: 'pass', level: 'none' };
    case 'fail':
    case 'suppressed':
      return { kind: 'fail', level: levelForSeverity(finding.severity) };
  }
}
