import type { Finding, Verdict } from '../rules/finding.js';
import type { PassRecord } from '../rules/pass-record.js';
import type { Severity } from '../rules/severity.js';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

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

/** Something that could not be read or evaluated: the scan is incomplete. */
export interface CoverageGap {
  /** `input` (a file or directory), `policy` (a policy threw), `region`/`account` (live). */
  scope: 'input' | 'policy' | 'region' | 'account' | 'service';
  target: string;
  message: string;
  policyId?: string;
  /** Live audits: where the read failed and the AWS error code (`AccessDenied`, `OptInRequired`, `TimeoutError` …). */
  account?: string;
  region?: string;
  service?: string;
  operations?: string[];
  errorCode?: string;
}

/** Live audits: the AWS API calls made (each counted once, however many attempts it took). */
export interface ApiCallStats {
  total: number;
  /** Extra attempts made by the SDK's retry strategy (throttling, transient errors). */
  retries: number;
  byService: Record<string, { calls: number; retries: number }>;
  /** `ec2:DescribeVpcs` → calls. */
  byOperation: Record<string, number>;
  /** `123456789012/eu-west-1` → calls (account-wide calls such as S3 ListBuckets count under the region they were sent to). */
  byTarget: Record<string, number>;
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
