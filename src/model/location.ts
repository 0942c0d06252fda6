/** Where a resource or attribute is written: a file position (HCL, plan, mapped plan). */
export interface SourceLocation {
  kind: 'source';
  file: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** Where a live resource is: the account, region and ARN (or id when AWS gives no ARN). */
export interface CloudLocation {
  kind: 'cloud';
  account: string;
  region: string;
  arn: string;
}

/** Where a finding points: a position in a file, or a live resource in an account and region. */
export type Location = SourceLocation | CloudLocation;
