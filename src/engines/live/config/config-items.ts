import { Unknown } from '../../../model/unknown.js';
import { field, isAwsObject, tagMap, type AwsObject } from '../aws-object.js';
import { REGIONAL_DESCRIPTORS } from '../descriptors/index.js';
import type { ResourceDescriptor } from '../descriptor.js';
import type { BucketFacts } from '../descriptors/s3-bucket.js';

export const S3_BUCKET_CONFIG_TYPE = 'AWS::S3::Bucket';

/** Every AWS Config resource type the audit asks for. */
export const CONFIG_RESOURCE_TYPES: readonly string[] = [...REGIONAL_DESCRIPTORS.flatMap((d) => (d.configType ? [d.configType] : [])), S3_BUCKET_CONFIG_TYPE];

/** One AWS Config configuration item as an advanced query returns it (the fields we select). */
export interface ConfigItem {
  resourceType: string;
  accountId?: string;
  awsRegion?: string;
  resourceId?: string;
  arn?: string;
  configuration: AwsObject;
  supplementaryConfiguration: AwsObject;
  /** `[{ key, value, tag }]` as selected, or a map (GetResourceConfigHistory items). */
  tags?: unknown;
}

/** Items still present: Config also keeps items for deleted and no-longer-recorded resources. */
const GONE = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded', 'ResourceNotRecorded']);

/**
 * The items of one SelectResourceConfig / SelectAggregateResourceConfig page. `Results` are JSON
 * strings in the real API (objects are accepted too, for hand-written recordings); `configuration`
 * is itself a JSON string in some item shapes.
 */
export function configItemsOf(page: unknown): ConfigItem[] {
  const results = field(page, 'Results');
  if (!Array.isArray(results)) return [];
  const items: ConfigItem[] = [];
  for (const result of results) {
    const item = typeof result === 'string' ? parseJson(result) : result;
    if (!isAwsObject(item)) continue;
    const status = field(item, 'configurationItemStatus');
    if (typeof status === 'string' && GONE.has(status)) continue;
    const resourceType = field(item, 'resourceType');
    const configuration = jsonObject(field(item, 'configuration'));
    if (typeof resourceType !== 'string' || !configuration) continue;
    items.push({
      resourceType,
      ...optionalString(item, 'accountId'),
      ...optionalString(item, 'awsRegion'),
      ...optionalString(item, 'resourceId'),
      ...optionalString(item, 'arn'),
      configuration,
      supplementaryConfiguration: jsonObject(field(item, 'supplementaryConfiguration')) ?? {},
      tags: field(item, 'tags'),
    });
  }
  return items;
}

const BY_CONFIG_TYPE = new Map(REGIONAL_DESCRIPTORS.flatMap((d) => (d.configType ? [[d.configType, d] as const] : [])));

export function descriptorForConfigType(resourceType: string): ResourceDescriptor | undefined {
  return BY_CONFIG_TYPE.get(resourceType);
}

/**
 * The object a descriptor maps: the item's `configuration`, whose fields match the Describe API's
 * apart from case, with the item's tags put where the API has them (`Tags`).
 */
export function describeShapeOf(item: ConfigItem): AwsObject {
  return item.tags === undefined || item.tags === null ? item.configuration : { ...item.configuration, Tags: item.tags };
}

/**
 * A bucket's settings from its Config item: `supplementaryConfiguration` holds
 * `ServerSideEncryptionConfiguration`, `PublicAccessBlockConfiguration` and
 * `BucketVersioningConfiguration` (each sometimes a JSON string); a setting the item does not carry
 * is one the bucket does not have.
 */
export function bucketFactsOf(item: ConfigItem, region: string): BucketFacts | undefined {
  const name = field(item.configuration, 'name') ?? item.resourceId;
  if (typeof name !== 'string' || name === '') return undefined;
  const supplementary = item.supplementaryConfiguration;
  const encryption = jsonObject(field(supplementary, 'ServerSideEncryptionConfiguration'));
  const publicAccessBlock = jsonObject(field(supplementary, 'PublicAccessBlockConfiguration'));
  const versioning = jsonObject(field(supplementary, 'BucketVersioningConfiguration'));
  const tags = item.tags ?? taggingConfiguration(supplementary);
  return {
    name,
    region,
    encryption: encryption ?? 'none',
    versioning: versioning ?? {},
    publicAccessBlock: publicAccessBlock ?? 'none',
    tags: tags === undefined ? new Unknown('the Config item carries no tags') : tagMap(tags),
    ...notFromConfig(),
    raw: { configuration: item.configuration, supplementaryConfiguration: supplementary },
  };
}

/** The bucket access settings warden reads only through the S3 API (a Config item's shapes for them are not mapped). */
function notFromConfig(): Pick<BucketFacts, 'acl' | 'ownership' | 'policy' | 'logging'> {
  const why = (what: string): Unknown => new Unknown(`the bucket's ${what} is read only with --source api (not from AWS Config items)`);
  return { acl: why('ACL'), ownership: why('object ownership'), policy: why('policy'), logging: why('server access logging') };
}

/** `BucketTaggingConfiguration: {"tagSets":[{"tags":{"k":"v"}}]}` → the tag map. */
function taggingConfiguration(supplementary: AwsObject): unknown {
  const tagging = jsonObject(field(supplementary, 'BucketTaggingConfiguration'));
  if (!tagging) return undefined;
  const sets = field(tagging, 'tagSets');
  if (!Array.isArray(sets)) return {};
  return Object.assign({}, ...sets.map((set) => jsonObject(field(set, 'tags')) ?? {}));
}

function jsonObject(value: unknown): AwsObject | undefined {
  let parsed = typeof value === 'string' ? parseJson(value) : value;
  // Config double-encodes some supplementary values ("\"{...}\"").
  if (typeof parsed === 'string') parsed = parseJson(parsed);
  return isAwsObject(parsed) ? parsed : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function optionalString<K extends string>(item: AwsObject, key: K): Partial<Record<K, string>> {
  const value = field(item, key);
  return typeof value === 'string' && value !== '' ? ({ [key]: value } as Record<K, string>) : {};
}
