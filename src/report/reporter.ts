import type { ScanResult } from '../scan/scan-result.js';

export interface ReportContext {
  /** Colour the output (console): false for files, NO_COLOR and non-TTY streams. */
  color: boolean;
  /** The working directory; source paths in the result are relative to it. */
  cwd: string;
}

/** Turns a scan result into one output format. Reporters never decide anything, they only render. */
export type Reporter = (result: ScanResult, context: ReportContext) => string;

export const FORMATS = ['console', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

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
  }
}
