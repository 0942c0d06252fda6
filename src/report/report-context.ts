import type { GateOptions } from '../scan/exit-code.js';
import type { ScanResult } from '../scan/scan-result.js';
import type { ReportText } from './report-text.js';

/** What every reporter is given besides the result: how to render, and the run's gate. */
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
  /** When the report is made, in milliseconds since the epoch (formats that stamp events, OCSF); absent: now. */
  time?: number;
}

/** Turns a scan result into one output format, in pieces. Reporters never decide anything, they only render. */
export type Reporter = (result: ScanResult, context: ReportContext) => ReportText;

/** The gate of a run given no flags and no warden.yaml. */
export const DEFAULT_GATE: GateOptions = { failOn: 'low', unknown: 'warn', allowIncomplete: false };
