import type { Finding, Verdict } from '../rules/finding.js';
import type { PassRecord } from '../rules/pass-record.js';
import type { Severity } from '../rules/severity.js';
import type { ApiCallStats, CoverageGap } from '../model/coverage.js';
import type { ToolInfo } from '../version.js';

export type { ApiCallStats, CoverageGap, ToolInfo };

/** One input given to a scan and what became of it. */
export interface InputSummary {
  path: string;
  /** `live`: one (account, region) or account read by `warden audit`; `inventory`: a saved audit. */
  kind: 'plan' | 'hcl' | 'inventory' | 'live' | 'unknown';
  status: 'scanned' | 'error';
  resources?: number;
  /** Plan and source inputs: how many of `resources` are AWS resources (`aws_*`); 0 is reported, as a wrong file or provider. */
  awsResources?: number;
  /** e.g. plan `format_version` and `terraform_version`. */
  details?: Record<string, string>;
  /** The one-line reason, when status is error. */
  error?: string;
}

/** Metadata of a policy that ran, for reporters (SARIF rules, JUnit suites, `policies`). */
export interface PolicyMeta {
  id: string;
  title: string;
  severity: Severity;
  description: string;
  remediation: string;
  helpUri?: string;
  frameworks: Record<string, string[]>;
  tags: string[];
  /** The policy's message templates by id, when it declares them (`warden policies show --format json`; not SARIF `messageStrings`, whose placeholders are `{0}` and texts end with a period). */
  messages?: Record<string, string>;
}

export interface ScanSummary {
  findings: number;
  /** Failing and unknown findings left out because their fingerprint is in the baseline; only when one was applied. */
  baselined?: number;
  byVerdict: Record<Verdict, number>;
  /** Counts of `fail` findings by severity. */
  bySeverity: Record<Severity, number>;
}

export interface ScanResult {
  tool: ToolInfo;
  /** `scan` or `audit`. */
  command: string;
  inputs: InputSummary[];
  /** `notes`: what was not read without making the scan incomplete (a plan scanned without its .tf sources). */
  coverage: { complete: boolean; gaps: CoverageGap[]; notes?: string[]; apiCalls?: ApiCallStats };
  policies: PolicyMeta[];
  findings: Finding[];
  /**
   * Passing checks counted for a format that always shows them (JUnit), in the findings' order; not
   * in `findings` or the summary. With --include-passes, passes are findings instead.
   */
  passes?: PassRecord[];
  summary: ScanSummary;
  /** Warnings for the user that are not findings (expired ignores, deprecated options). */
  warnings: string[];
}
