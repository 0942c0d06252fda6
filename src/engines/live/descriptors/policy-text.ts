import type { Value } from '../../../model/value.js';

/**
 * A resource policy as AWS hands it over → the JSON text the policy-document model parses: the APIs
 * send text (GetQueueAttributes, GetTopicAttributes), an AWS Config item may hold it parsed. Null
 * when the resource has none.
 */
export function policyText(value: unknown): Value {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
