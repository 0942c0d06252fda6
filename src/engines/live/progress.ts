/** What a live audit reports while it runs; the CLI renders it (src/cli/audit-progress.ts). */
export type AuditProgressEvent =
  /** More (account, region) targets are known (an account's regions were listed). */
  | { kind: 'planned'; targets: number }
  /** One (account, region) is read: `items` resources listed, `failures` calls that failed. */
  | { kind: 'target-done'; account: string; region: string; items: number; failures: number }
  /** Account-wide resources (S3 buckets) read for an account. */
  | { kind: 'account-items'; account: string; items: number }
  /** An account could not be read at all (assume-role denied, no credentials). */
  | { kind: 'account-failed'; account: string; code: string }
  /** Reading one (account, region) has begun. */
  | { kind: 'target-started'; account: string; region: string }
  /** How many calls are being retried right now, and the latest (`ec2:DescribeVpcs in 1111…/eu-west-1`; empty when one settled). */
  | { kind: 'retrying'; calls: number; latest: string };

export type AuditProgress = (event: AuditProgressEvent) => void;
