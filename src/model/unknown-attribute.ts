import { Unknown, isUnknown } from './unknown.js';

/** Which resource attribute an UnknownAttribute stands for, and the literal text written after it. */
export interface AttributeReference {
  /** The resource's address, as the inventory names it (`module.site.aws_s3_bucket.this[0]`). */
  address: string;
  attribute: string;
  /** Literal text after the attribute in a string template: `/*` in `"${aws_s3_bucket.b.arn}/*"`; '' for the attribute alone. */
  suffix: string;
}

/**
 * An attribute of a resource of the configuration that is known only after apply
 * (`aws_s3_bucket.logs.arn`), possibly followed by literal text. The value is not known, but what
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

/** The attribute an Unknown value stands for, when it is an UnknownAttribute (made by any copy of warden). */
export function attributeReferenceOf(value: unknown): AttributeReference | undefined {
  if (!isUnknown(value)) return undefined;
  return (value as unknown as { reference?: AttributeReference }).reference;
}

/** The value, or a plain Unknown with the same reason when it is an UnknownAttribute: for what an operator or function made of it. */
export function withoutAttribute<T>(value: T): T | Unknown {
  return value instanceof UnknownAttribute ? new Unknown(value.reason) : value;
}
