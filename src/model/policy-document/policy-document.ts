import type { Unknown } from '../unknown.js';

/**
 * An IAM policy document (identity policy, trust policy or resource policy), normalised from any
 * source: single values and lists alike, the single-statement object form as a list of one, key
 * names as AWS defines them whatever their case in the source. Wildcards stay patterns; parts that
 * are known only after apply stay Unknown, with the reason, where they are.
 */
export interface PolicyDocument {
  statements: Statement[];
  /** Set when the statement list itself (or the whole document) is not known: then `statements` holds what is. */
  unknown?: Unknown;
}

export type Effect = 'Allow' | 'Deny';

export interface Statement {
  /** Position in the document (0-based), for evidence. */
  index: number;
  sid?: string;
  effect: Effect | Unknown;
  action?: PatternList;
  notAction?: PatternList;
  resource?: PatternList;
  notResource?: PatternList;
  principal?: Principals;
  notPrincipal?: Principals;
  /** Conditions, one per (operator, key); Unknown when the Condition block is not known. */
  conditions: Condition[] | Unknown;
}

/** A list of strings (patterns) of which some elements may be known only after apply. */
export interface PatternList {
  known: string[];
  /** Set when some elements (or the whole list) are not known. */
  unknown?: Unknown;
  /**
   * The elements known only after apply, one by one; absent when the whole list is not known. Some
   * still say what they are (`aws_s3_bucket.b.arn`, `arn:aws:iam::${…}:root`: model/partly-known.ts).
   */
  unknownItems?: Unknown[];
}

/**
 * `"Principal": "*"` (everyone, signed or anonymous) or a map of principal types (`AWS`, `Service`,
 * `Federated`, `CanonicalUser`) to their values. `{"AWS": "*"}` is kept as such: it means any AWS
 * principal, which for access decisions is the same exposure.
 */
export interface Principals {
  everyone: boolean;
  byType: Map<string, PatternList>;
  unknown?: Unknown;
}

/** One condition test: `"StringEquals": {"aws:PrincipalOrgID": ["o-…"]}` → operator StringEquals, key aws:PrincipalOrgID. */
export interface Condition {
  /** As written, e.g. `ForAnyValue:StringLike`. */
  operator: string;
  /** The operator without set qualifier and `IfExists`, e.g. `StringLike`. */
  baseOperator: string;
  setQualifier?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
  /** As written; keys compare case-insensitively. */
  key: string;
  values: PatternList;
}
