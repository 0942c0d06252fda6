import { NAME_TAG_EXCLUSION_PROPERTIES, definePolicy, isUnknown, nameTagExclusions, type NameTagExclusions, type Resource } from '../src/api.js';

export interface AccessLoggingOptions extends NameTagExclusions {
  /** Leave out buckets that receive other buckets' access logs (logging a log bucket into itself loops). */
  excludeLogTargets: boolean;
}

export const s3BucketAccessLogging = definePolicy<AccessLoggingOptions>({
  id: 's3-bucket-access-logging',
  title: 'S3 bucket does not log server access',
  severity: 'low',
  description:
    'An S3 bucket has no server access logging: requests to it leave no record for an investigation. Passes with an ' +
    'aws_s3_bucket_logging (or the legacy logging block) naming a target bucket; a target known only after apply still ' +
    'passes (logging is configured), a logging configuration that is itself unknown is unknown. Live: GetBucketLogging ' +
    'per bucket (with --source config: unknown). Buckets that are the target of another bucket\'s logging in the same ' +
    'input, named or referred to (target_bucket = aws_s3_bucket.logs.id), are not checked (excludeLogTargets, default true), nor buckets matching `exclude` (name globs) or ' +
    '`excludeTags` (key → value glob). Security Hub S3.9 has no such exclusions; CloudTrail data events are an ' +
    'alternative the policy does not look at.',
  remediation: 'Add an aws_s3_bucket_logging for the bucket with target_bucket set to a dedicated log bucket (same account and region) and a target_prefix.',
  frameworks: { 'AWS Foundational Security Best Practices': ['S3.9'] },
  tags: ['storage', 'logging'],
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_logging'],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { ...NAME_TAG_EXCLUSION_PROPERTIES, excludeLogTargets: { type: 'boolean' } },
    },
    defaults: { exclude: [], excludeTags: {}, excludeLogTargets: true },
  },
  messages: {
    logging: 'bucket {{bucket}} logs server access to {{target}}',
    noLogging: 'bucket {{bucket}} does not log server access (no logging configuration)',
    loggingUnknown: 'cannot tell whether bucket {{bucket}} logs server access',
  },
  check(context) {
    const excluded = nameTagExclusions(context.options);
    const buckets = context.inventory.buckets;
    // A target is named by its bucket name, or (target_bucket = aws_s3_bucket.logs.id, known only after apply) by a reference.
    const logTargets = new Set<string>();
    const logTargetBuckets = new Set<Resource>();
    if (context.options.excludeLogTargets) {
      for (const bucket of buckets) {
        if (!bucket.logging || isUnknown(bucket.logging)) continue;
        const { resource, path, targetBucket } = bucket.logging;
        if (typeof targetBucket === 'string') logTargets.add(targetBucket);
        const named = context.inventory.resolve(resource, path, ['aws_s3_bucket']);
        if (!isUnknown(named)) for (const target of named) logTargetBuckets.add(target);
      }
    }
    for (const bucket of buckets) {
      if (bucket.resource.mode !== 'managed' || excluded(bucket.name, bucket.resource.tags)) continue;
      if ((typeof bucket.name === 'string' && logTargets.has(bucket.name)) || logTargetBuckets.has(bucket.resource)) continue;
      const name = typeof bucket.name === 'string' ? bucket.name : bucket.resource.address;
      const logging = bucket.logging;
      if (isUnknown(logging)) {
        context.unknown({ resource: bucket.resource, messageId: 'loggingUnknown', data: { bucket: name }, reason: logging });
      } else if (logging) {
        const target = typeof logging.targetBucket === 'string' ? logging.targetBucket : isUnknown(logging.targetBucket) ? 'a bucket known after apply' : 'its target bucket';
        context.pass({ resource: bucket.resource, messageId: 'logging', data: { bucket: name, target } });
      } else {
        // Nothing is written to point at: the bucket's block, as for the other missing bucket settings.
        context.fail({
          resource: bucket.resource,
          messageId: 'noLogging',
          data: { bucket: name },
          evidence: [{ path: `${bucket.resource.address} (no aws_s3_bucket_logging)`, value: null }],
        });
      }
    }
  },
});
