import { applyProviderDefaults } from '../../model/apply-provider-defaults.js';
import { Inventory } from '../../model/inventory.js';
import { Unknown } from '../../model/unknown.js';
import { field, objects, str, tagMap, type AwsObject } from './aws-object.js';
import { bucketFactsOf, configItemsOf, describeShapeOf, descriptorForConfigType, S3_BUCKET_CONFIG_TYPE, type ConfigItem } from './config/config-items.js';
import type { LiveDraft, MapContext } from './descriptor.js';
import { operationKey, REGIONAL_DESCRIPTORS } from './descriptors/index.js';
import { mapAuthorizationDetails } from './descriptors/iam-authorization-details.js';
import { mapBucket, S3_ABSENT_SETTING_CODES, type BucketFacts } from './descriptors/s3-bucket.js';
import { linkVpcDefaults } from './link-network.js';
import { toLiveResource } from './live-resource.js';
import { RecordedDetails } from './recorded-details.js';
import { isRecordedError, type AccountRecording, type Recording, type TargetRecording } from './recording.js';
import { makeTarget, targetKey, type Target } from './target.js';

export const CONFIG_SELECT_KEY = 'config:SelectResourceConfig';

/**
 * Maps a recording into one Inventory per (account, region), in the order the targets were read.
 * Regions are kept apart because names are only unique within one (every region has a DB subnet
 * group called `default`), and the policies join resources by id.
 */
export function buildInventories(recording: Recording): Inventory[] {
  const byKey = new Map<string, { target: Target; drafts: LiveDraft[] }>();
  const slot = (account: string, region: string): { target: Target; drafts: LiveDraft[] } => {
    const key = targetKey({ account, region });
    let found = byKey.get(key);
    if (!found) {
      found = { target: makeTarget(account, region), drafts: [] };
      byKey.set(key, found);
    }
    return found;
  };

  for (const recorded of recording.targets) {
    const { target, drafts } = slot(recorded.account, recorded.region);
    const context = mapContext(target, recorded);
    for (const descriptor of REGIONAL_DESCRIPTORS) {
      const pages = recorded.responses[operationKey(descriptor)];
      const items = (pages ?? []).flatMap((page) => descriptor.items(page));
      for (const item of items) drafts.push(...descriptor.map(item, context));
      if (pages && descriptor.summarise) drafts.push(...descriptor.summarise(items, context));
    }
    for (const page of recorded.responses[CONFIG_SELECT_KEY] ?? []) {
      for (const item of configItemsOf(page)) placeConfigItem(item, item.accountId ?? recorded.account, item.awsRegion ?? recorded.region, slot);
    }
  }
  for (const page of recording.aggregator?.pages ?? []) {
    for (const item of configItemsOf(page)) {
      if (item.accountId && item.awsRegion) placeConfigItem(item, item.accountId, item.awsRegion, slot);
    }
  }
  for (const account of recording.accounts) {
    if (account.iam) {
      const { target, drafts } = slot(account.account, account.iam.region);
      drafts.push(...mapAuthorizationDetails(account.iam.pages, target));
    }
    for (const facts of bucketsOf(account)) {
      const found = byKey.get(targetKey({ account: account.account, region: facts.region }));
      if (found) found.drafts.push(...mapBucket(facts, found.target));
    }
  }

  return [...byKey.values()].map(({ target, drafts }) => {
    linkVpcDefaults(drafts);
    const resources = drafts.map((draft) => toLiveResource(draft, target));
    // What the API leaves unset in a launch template or configuration (a block device's encryption)
    // means what it means in a plan: the region's setting, whose record is in this same inventory.
    applyProviderDefaults(resources, { awsProviderConfigurations: 1 });
    return new Inventory(resources, targetKey(target));
  });
}

function placeConfigItem(
  item: ConfigItem,
  account: string,
  region: string,
  slot: (account: string, region: string) => { target: Target; drafts: LiveDraft[] },
): void {
  const { target, drafts } = slot(account, region);
  if (item.resourceType === S3_BUCKET_CONFIG_TYPE) {
    const facts = bucketFactsOf(item, region);
    if (facts) drafts.push(...mapBucket(facts, target));
    return;
  }
  const descriptor = descriptorForConfigType(item.resourceType);
  if (!descriptor) return;
  const context: MapContext = {
    target,
    prefixListEntries: () => new Unknown('the AWS Config item carries no prefix list entries'),
    detail: (key) => new Unknown(`AWS Config items do not carry what ${key.split(':')[1] ?? key} returns`),
  };
  drafts.push(...descriptor.map(describeShapeOf(item), context));
}

function mapContext(target: Target, recorded: TargetRecording): MapContext {
  const details = new RecordedDetails(recorded.responses);
  return {
    target,
    detail: (key, request) => details.detail(key, request),
    prefixListEntries(id) {
      const pages = recorded.prefix_list_entries?.[id];
      if (!pages) return new Unknown(`entries of prefix list ${id} were not read (only lists that rules or routes refer to are)`);
      const failed = pages.find(isRecordedError);
      if (failed) return new Unknown(`entries of prefix list ${id} could not be read: ${failed.Error.Code}`);
      return pages.flatMap((page) => objects(page, 'Entries'));
    },
  };
}

/** The buckets of an account with their settings, each in the region S3 reports for it. */
function bucketsOf(account: AccountRecording): BucketFacts[] {
  const out: BucketFacts[] = [];
  for (const page of account.list_buckets ?? []) {
    for (const bucket of objects(page, 'Buckets')) {
      const name = str(bucket, 'Name');
      if (!name) continue;
      const settings = account.bucket_settings?.[name] ?? {};
      const region = str(bucket, 'BucketRegion') ?? locationRegion(settings['GetBucketLocation']);
      if (!region) continue;
      out.push({
        name,
        region,
        encryption: setting(settings, 'GetBucketEncryption', (r) => field(r, 'ServerSideEncryptionConfiguration') as AwsObject),
        versioning: required(settings, 'GetBucketVersioning', (r) => r as AwsObject),
        publicAccessBlock: setting(settings, 'GetPublicAccessBlock', (r) => field(r, 'PublicAccessBlockConfiguration') as AwsObject),
        tags: required(settings, 'GetBucketTagging', (r) => tagMap(field(r, 'TagSet'))),
        raw: { ...bucket, ...settingsWithoutErrors(settings) },
      });
    }
  }
  return out;
}

/** GetBucketLocation: no LocationConstraint means us-east-1; the legacy `EU` means eu-west-1. */
function locationRegion(response: unknown): string | null {
  if (response === undefined || isRecordedError(response)) return null;
  const constraint = str(response, 'LocationConstraint');
  if (constraint === null) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/** A setting S3 may not have: its "not found" error means none, any other failure is Unknown. */
function setting<T>(settings: Record<string, unknown>, operation: string, read: (response: unknown) => T): T | 'none' | Unknown {
  const response = settings[operation];
  if (response === undefined) return new Unknown(`${operation} was not called`);
  if (isRecordedError(response)) {
    return S3_ABSENT_SETTING_CODES.has(response.Error.Code) ? 'none' : new Unknown(`${operation} failed: ${response.Error.Code}`);
  }
  return read(response) ?? 'none';
}

/** A setting every bucket has (versioning, tags: NoSuchTagSet means no tags). */
function required<T>(settings: Record<string, unknown>, operation: string, read: (response: unknown) => T): T | Unknown {
  const response = settings[operation];
  if (response === undefined) return new Unknown(`${operation} was not called`);
  if (isRecordedError(response)) {
    return S3_ABSENT_SETTING_CODES.has(response.Error.Code) ? read({}) : new Unknown(`${operation} failed: ${response.Error.Code}`);
  }
  return read(response);
}

function settingsWithoutErrors(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => !isRecordedError(v)));
}
