import type { Finding, Verdict } from '../rules/finding.js';
import type { Severity } from '../rules/severity.js';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

/** One input given to a scan and what became of it. */
export interface InputSummary {
  path: string;
  kind: 'plan' | 'hcl' | 'inventory' | 'unknown';
  status: 'scanned' | 'error';
  resources?: number;
  /** e.g. plan `format_version` and `terraform_version`. */
  details?: Record<string, string>;
  /** The one-line reason, when status is error. */
  error?: string;
}

/** Something that could not be read or evaluated: the scan is incomplete. */
export interface CoverageGap {
  /** `input` (a file or directory), `policy` (a policy threw), `region`/`account` (live). */
  scope: 'input' | 'policy' | 'region' | 'account' | 'service';
  target: string;
  message: string;
  policyId?: string;
}

/** Metadata of a policy that ran, for reporters (SARIF rules, JUnit suites, `policies`). */
export interface PolicyMeta {
  id: string;
  title: string;
  severity: Severity;
  description: string;
  remediation: string;
  helpUri: string;
  frameworks: Record<string, string[]>;
  tags: string[];
}

export interface ScanSummary {
  findings: number;
  byVerdict: Record<Verdict, number>;
  /** Counts of `fail` findings by severity. */
  bySeverity: Record<Severity, number>;
}

export interface ScanResult {
  tool: ToolInfo;
  /** `scan` or `audit`. */
  command: string;
  inputs: InputSummary[];
  coverage: { complete: boolean; gaps: CoverageGap[] };
  policies: PolicyMeta[];
  findings: Finding[];
  summary: ScanSummary;
  /** Warnings for the user that are not findings (expired ignores, deprecated options). */
  warnings: string[];
}
