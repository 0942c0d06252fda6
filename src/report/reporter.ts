import type { GateOptions } from '../rules/exit-code.js';
import type { ScanResult } from '../scan/scan-result.js';
import type { ReportText } from './report-text.js';

export interface ReportContext {
  /** Colour the output (console): false for files, NO_COLOR and non-TTY streams. */
  color: boolean;
  /** The working directory; source paths in the result are relative to it. */
  cwd: string;
  /**
   * How the run decides its exit code, for formats that show the outcome (markdown) or mark
   * unknowns as failures only when the run gates on them (junit). Absent: the CLI defaults.
   */
  gate?: GateOptions;
  /** The repository root that annotation paths are relative to ($GITHUB_WORKSPACE), when known. */
  workspace?: string;
}

/** Turns a scan result into one output format, in pieces. Reporters never decide anything, they only render. */
export type Reporter = (result: ScanResult, context: ReportContext) => ReportText;

export const FORMATS = ['console', 'json', 'sarif', 'junit', 'markdown', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** The gate of a run given no flags and no warden.yaml. */
export const DEFAULT_GATE: GateOptions = { failOn: 'low', unknown: 'warn', allowIncomplete: false };

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
  }
}
