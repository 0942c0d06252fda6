import type { Reporter } from './report-context.js';

export const FORMATS = ['console', 'json', 'sarif', 'junit', 'markdown', 'github', 'csv', 'ocsf', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Formats that show passing checks even without --include-passes: Jenkins counts a JUnit test per
 * (policy, resource), passes included, so requesting junit makes the run count them (ScanResult.passes).
 */
export const FORMATS_WITH_PASSES: readonly Format[] = ['junit'];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** Loads a reporter on demand, so a run pays only for the formats it writes. */
export async function loadReporter(format: Format): Promise<Reporter> {
  switch (format) {
    case 'console':
      return (await import('./console/console-report.js')).consoleReport;
    case 'json':
      return (await import('./json/json-report.js')).jsonReport;
    case 'sarif':
      return (await import('./sarif/sarif-report.js')).sarifReport;
    case 'junit':
      return (await import('./junit/junit-report.js')).junitReport;
    case 'markdown':
      return (await import('./markdown/markdown-report.js')).markdownReport;
    case 'github':
      return (await import('./github/github-report.js')).githubReport;
    case 'csv':
      return (await import('./csv/csv-report.js')).csvReport;
    case 'ocsf':
      return (await import('./ocsf/ocsf-report.js')).ocsfReport;
    case 'html':
      return (await import('./html/html-report.js')).htmlReport;
  }
}
