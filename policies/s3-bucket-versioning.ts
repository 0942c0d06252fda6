import { NAME_TAG_EXCLUSION_PROPERTIES, definePolicy, isUnknown, locate, nameTagExclusions, type NameTagExclusions } from '../src/api.js';

export const s3BucketVersioning = definePolicy<NameTagExclusions>({
  id: 's3-bucket-versioning',
  title: 'S3 bucket does not keep object versions',
  severity: 'low',
  description:
    'An S3 bucket does not have versioning Enabled: an overwrite or a deletion loses the object for good. Fails when ' +
    'versioning is Suspended, Disabled or never configured (no aws_s3_bucket_versioning and no legacy versioning block); ' +
    'a status known only after apply is unknown. Live: GetBucketVersioning per bucket. Buckets whose name matches an ' +
    '`exclude` glob, or that carry a tag matching `excludeTags` (key → value glob), are not checked: scratch, cache and ' +
    'log buckets often need no versions.',
  remediation: 'Add an aws_s3_bucket_versioning for the bucket with versioning_configuration { status = "Enabled" }, and a lifecycle rule that expires noncurrent versions.',
  frameworks: { 'AWS Foundational Security Best Practices': ['S3.14'] },
  tags: ['storage', 'resilience'],
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_versioning'],
  options: {
    schema: { type: 'object', additionalProperties: false, properties: NAME_TAG_EXCLUSION_PROPERTIES },
    defaults: { exclude: [], excludeTags: {} },
  },
  messages: {
    enabled: 'bucket {{bucket}} keeps object versions (versioning is Enabled)',
    notEnabled: 'bucket {{bucket}} does not keep object versions (versioning is {{status}})',
    unknownStatus: 'cannot tell whether bucket {{bucket}} keeps object versions',
  },
  check(context) {
    const excluded = nameTagExclusions(context.options);
    for (const bucket of context.inventory.buckets) {
      if (bucket.resource.mode !== 'managed' || excluded(bucket.name, bucket.resource.tags)) continue;
      const name = typeof bucket.name === 'string' ? bucket.name : bucket.resource.address;
      const versioning = bucket.versioning;
      if (versioning && isUnknown(versioning.status)) {
        context.unknown({ resource: bucket.resource, messageId: 'unknownStatus', data: { bucket: name }, reason: versioning.status });
      } else if (versioning?.status === 'Enabled') {
        context.pass({ resource: bucket.resource, messageId: 'enabled', data: { bucket: name } });
      } else {
        const status = versioning ? String(versioning.status) : 'not configured';
        const location = versioning ? locate(versioning.resource, versioning.path) : undefined;
        context.fail({
          resource: bucket.resource,
          messageId: 'notEnabled',
          data: { bucket: name, status },
          evidence: [{ path: versioning ? `${versioning.resource.address}.${versioning.path}` : `${bucket.resource.address} (no versioning configuration)`, value: versioning?.status ?? null }],
          ...(location ? { location } : {}),
        });
      }
    }
  },
});
