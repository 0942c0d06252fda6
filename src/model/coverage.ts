// What an engine could not read, and what a live audit cost: recorded while the Inventory is built, reported by the scan.

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
