import { Unknown, isUnknown } from './unknown.js';

/** Which resource attribute an UnknownAttribute stands for, and the literal text written around it. */
export interface AttributeReference {
  /** The resource's address, as the inventory names it (`module.site.aws_s3_bucket.this[0]`). */
  address: string;
  attribute: string;
  /** Literal text before the attribute in a string template: `arn:aws:s3:::` in `"arn:aws:s3:::${aws_s3_bucket.b.id}/*"`. */
  prefix: string;
  /** Literal text after it: `/*` in `"${aws_s3_bucket.b.arn}/*"`; '' for the attribute alone. */
  suffix: string;
}

/**
 * An attribute of a resource of the configuration that is known only after apply
 * (`aws_s3_bucket.logs.arn`), possibly between literal text. The value is not known, but what
 * it is, is: a bucket policy whose Resource is its own bucket's ARN covers that bucket whatever
 * the ARN turns out to be.
 */
export class UnknownAttribute extends Unknown {
  constructor(
    reason: string,
    readonly reference: AttributeReference,
  ) {
    super(reason);
  }
}

/**
 * A string known only after apply whose beginning is known: `"arn:aws:iam::${local.account}:root"`
 * starts with `arn:aws:iam::`, so it is not `*` whatever the rest turns out to be.
 */
export class UnknownText extends Unknown {
  constructor(
    reason: string,
    readonly knownPrefix: string,
  ) {
    super(reason);
  }
}

/** The attribute an Unknown value stands for, when it is an UnknownAttribute (made by any copy of warden). */
export function attributeReferenceOf(value: unknown): AttributeReference | undefined {
  if (!isUnknown(value)) return undefined;
  return (value as unknown as { reference?: AttributeReference }).reference;
}

/** The known beginning of an Unknown string: an UnknownText's, or the text before an UnknownAttribute (made by any copy of warden). */
export function knownPrefixOf(value: unknown): string | undefined {
  if (!isUnknown(value)) return undefined;
  return (value as unknown as { knownPrefix?: string }).knownPrefix ?? (attributeReferenceOf(value)?.prefix || undefined);
}

/** True for an Unknown that still says something about its value (an attribute, a known beginning). */
export function isPartlyKnown(value: unknown): boolean {
  return attributeReferenceOf(value) !== undefined || knownPrefixOf(value) !== undefined;
}

/** The value, or a plain Unknown with the same reason when it is partly known: for what an operator or function made of it. */
export function withoutPartialKnowledge<T>(value: T): T | Unknown {
  return value instanceof UnknownAttribute || value instanceof UnknownText ? new Unknown(value.reason) : value;
}
