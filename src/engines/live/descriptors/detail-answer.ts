import { isUnknown, Unknown } from '../../../model/unknown.js';
import { field, isAwsObject, type AwsObject } from '../aws-object.js';

/**
 * The object a detail call's answer wraps (DescribeKey's `KeyMetadata`, DescribeStreamSummary's
 * `StreamDescriptionSummary`), or Unknown: the call's own reason, or an answer without that object.
 */
export function answerPart(answer: AwsObject | Unknown, name: string, operation: string): AwsObject | Unknown {
  if (isUnknown(answer)) return answer;
  const part = field(answer, name);
  return isAwsObject(part) ? part : new Unknown(`${operation} answered without ${name}`);
}
