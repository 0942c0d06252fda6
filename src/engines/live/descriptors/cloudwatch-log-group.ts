import { num, objects, str, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/**
 * CloudWatch Logs DescribeLogGroups (paged, 50 a page) → `aws_cloudwatch_log_group`: name, KMS key
 * (`kmsKeyId`; none means the service's own encryption) and retention (none: kept forever, which
 * Terraform writes as 0). The list response carries no tags (they would cost a ListTagsForResource per
 * group), so live log groups have no tags at all rather than empty ones: required-tags leaves them out,
 * as it does every live type whose API object carries no tags, instead of failing them. AWS Config
 * items carry the tags, and the Config source maps them.
 */
export const logGroupDescriptor: ResourceDescriptor = {
  type: 'aws_cloudwatch_log_group',
  service: 'logs',
  operation: 'DescribeLogGroups',
  pageSize: 50,
  configType: 'AWS::Logs::LogGroup',
  items: (page) => objects(page, 'logGroups'),
  map(item, { target }) {
    const name = str(item, 'logGroupName');
    if (!name) return [];
    // `arn` ends in `:*` (the log streams); Terraform's arn, like `logGroupArn`, does not.
    const arn = str(item, 'logGroupArn') ?? str(item, 'arn')?.replace(/:\*$/, '') ?? `arn:${target.partition}:logs:${target.region}:${target.account}:log-group:${name}`;
    const tags = tagsOf(item);
    return [
      {
        type: 'aws_cloudwatch_log_group',
        id: name,
        arn,
        name,
        values: {
          name,
          kms_key_id: str(item, 'kmsKeyId'),
          retention_in_days: num(item, 'retentionInDays') ?? 0,
          log_group_class: str(item, 'logGroupClass'),
        },
        ...(tags ? { tags } : {}),
        raw: item,
      },
    ];
  },
};
