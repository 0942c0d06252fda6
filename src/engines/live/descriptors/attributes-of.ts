import { Unknown } from '../../../model/unknown.js';
import { field, isAwsObject, type AwsObject } from '../aws-object.js';

/** The `Attributes` map of a Get…Attributes answer (SQS queues, SNS topics), or Unknown naming the call when it has none. */
export function attributesOf(answer: AwsObject, operation: string): AwsObject | Unknown {
  const attributes = field(answer, 'Attributes');
  return isAwsObject(attributes) ? attributes : new Unknown(`${operation} answered without Attributes`);
}
