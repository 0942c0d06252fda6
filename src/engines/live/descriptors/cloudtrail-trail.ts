import { isUnknown } from '../../../model/unknown.js';
import type { Value, ValueObject } from '../../../model/value.js';
import { bool, objects, str, strings, type AwsObject } from '../aws-object.js';
import type { LiveDraft, MapContext, ResourceDescriptor } from '../descriptor.js';

/** The record of a region's trails taken together: which trails log it (there may be none). */
export const CLOUDTRAIL_COVERAGE_TYPE = 'aws_cloudtrail_coverage';

/**
 * DescribeTrails in each region, shadow trails included (`includeShadowTrails`, the API default): the
 * region's own trails plus every multi-region and organization trail that logs it, whatever its home
 * region. So a region's verdict holds even when the trail's home region is not audited.
 *
 * - Each trail becomes one `aws_cloudtrail`, in its home region only (a shadow is the same trail:
 *   reporting it again in each region would repeat its findings).
 * - Each region gets one `aws_cloudtrail_coverage` record listing the trails that log it, with their
 *   logging status and event selectors, so that "no multi-region trail" is a finding on something.
 *
 * Per listed trail, GetTrailStatus and GetEventSelectors (two calls per trail and region: a
 * multi-region trail is read in every audited region, as each region's coverage rests on it).
 */
export const cloudTrailDescriptor: ResourceDescriptor = {
  type: 'aws_cloudtrail',
  service: 'cloudtrail',
  operation: 'DescribeTrails',
  input: { includeShadowTrails: true },
  configType: 'AWS::CloudTrail::Trail',
  alsoProduces: [CLOUDTRAIL_COVERAGE_TYPE],
  items: (page) => objects(page, 'trailList'),
  details: [
    { operation: 'GetTrailStatus', request: (item) => trailRequest(item, 'Name') },
    { operation: 'GetEventSelectors', request: (item) => trailRequest(item, 'TrailName') },
  ],
  map(item, context) {
    const arn = str(item, 'TrailARN', 'Arn');
    const name = str(item, 'Name');
    if (!arn || !name) return [];
    const home = str(item, 'HomeRegion') ?? context.target.region;
    if (home !== context.target.region) return [];
    return [{ type: 'aws_cloudtrail', id: arn, arn, name, values: trailValues(item, context), raw: item }];
  },
  summarise(items, context) {
    const { target } = context;
    const trails = items.filter((item) => str(item, 'TrailARN', 'Arn')).map((item): ValueObject => ({ arn: str(item, 'TrailARN', 'Arn'), ...trailValues(item, context) }));
    const draft: LiveDraft = {
      type: CLOUDTRAIL_COVERAGE_TYPE,
      id: `${target.account}/${target.region}`,
      address: `arn:${target.partition}:cloudtrail:${target.region}:${target.account}:trail/*`,
      name: `CloudTrail trails logging ${target.region}`,
      values: { account_id: target.account, region: target.region, trails },
      raw: { trailList: items },
    };
    return [draft];
  },
};

/** A detail call's request: the trail's ARN (a shadow trail is only found by its ARN outside its home region). */
function trailRequest(item: AwsObject, field: 'Name' | 'TrailName'): Record<string, string> | undefined {
  const arn = str(item, 'TrailARN', 'Arn');
  return arn ? { [field]: arn } : undefined;
}

/** A trail's Terraform attributes, its logging status and event selectors from their detail calls. */
function trailValues(item: AwsObject, context: MapContext): ValueObject {
  const arn = str(item, 'TrailARN', 'Arn') ?? '';
  const status = context.detail('cloudtrail:GetTrailStatus', { Name: arn });
  const selectors = context.detail('cloudtrail:GetEventSelectors', { TrailName: arn });
  const selectorValue = (build: (answer: AwsObject) => Value): Value => (isUnknown(selectors) ? selectors : build(selectors));
  return {
    name: str(item, 'Name'),
    home_region: str(item, 'HomeRegion'),
    s3_bucket_name: str(item, 'S3BucketName'),
    is_multi_region_trail: bool(item, 'IsMultiRegionTrail') ?? false,
    is_organization_trail: bool(item, 'IsOrganizationTrail') ?? false,
    include_global_service_events: bool(item, 'IncludeGlobalServiceEvents') ?? false,
    enable_log_file_validation: bool(item, 'LogFileValidationEnabled') ?? false,
    kms_key_id: str(item, 'KmsKeyId'),
    enable_logging: isUnknown(status) ? status : bool(status, 'IsLogging') ?? false,
    event_selector: selectorValue((answer) =>
      objects(answer, 'EventSelectors').map((s) => ({
        read_write_type: str(s, 'ReadWriteType') ?? 'All',
        include_management_events: bool(s, 'IncludeManagementEvents') ?? true,
        exclude_management_event_sources: strings(s, 'ExcludeManagementEventSources'),
      })),
    ),
    advanced_event_selector: selectorValue((answer) =>
      objects(answer, 'AdvancedEventSelectors').map((s) => ({
        name: str(s, 'Name'),
        field_selector: objects(s, 'FieldSelectors').map((f) => ({
          field: str(f, 'Field'),
          equals: strings(f, 'Equals'),
          not_equals: strings(f, 'NotEquals'),
          starts_with: strings(f, 'StartsWith'),
          not_starts_with: strings(f, 'NotStartsWith'),
          ends_with: strings(f, 'EndsWith'),
          not_ends_with: strings(f, 'NotEndsWith'),
        })),
      })),
    ),
  };
}
