import type { Location } from '../model/location.js';
import type { FindingResource } from './finding.js';
import type { Severity } from './severity.js';

/**
 * A passing check as a format that always counts passes (JUnit) needs it: which policy passed on
 * which resource, and where (for the report's order). No message, evidence or fingerprint: a large
 * plan passes 100k+ checks, and only --include-passes reports them as findings.
 */
export interface PassRecord {
  ruleId: string;
  severity: Severity;
  verdict: 'pass';
  resource: FindingResource;
  location?: Location;
}
