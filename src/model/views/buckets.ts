import type { Inventory } from '../inventory.js';
import type { Resource } from '../resource.js';
import { Unknown, isUnknown } from '../unknown.js';
import type { Value, ValueObject } from '../value.js';
import { ACL_TYPE, LOGGING_TYPE, OWNERSHIP_TYPE, POLICY_TYPE, aclResource, firstBlock, inlineAccess, loggingResource, ownershipResource, policyResource, type BucketAccess } from './bucket-access.js';

/** Where a bucket setting is written: the resource and the attribute path inside it. */
export interface SettingOrigin {
  resource: Resource;
  path: string;
}

/** Default server-side encryption; undefined on the bucket when it has none configured. */
export interface BucketEncryption extends SettingOrigin {
  /** `aws:kms`, `aws:kms:dsse`, `AES256`, or Unknown. */
  algorithm: Value;
  kmsKeyId: Value;
}

export interface BucketVersioning extends SettingOrigin {
  /** `Enabled`, `Suspended`, `Disabled`, or Unknown. */
  status: string | Unknown;
}

export interface BucketPublicAccessBlock extends SettingOrigin {
  blockPublicAcls: Value;
  blockPublicPolicy: Value;
  ignorePublicAcls: Value;
  restrictPublicBuckets: Value;
}

/** An S3 bucket with its settings folded in, whether written inline (provider v3) or as separate resources (v4+, live). */
export interface Bucket extends BucketAccess {
  resource: Resource;
  /** The bucket name (`bucket`), Unknown when only known after apply. */
  name: Value;
  encryption: BucketEncryption | Unknown | undefined;
  versioning: BucketVersioning | undefined;
  publicAccessBlock: BucketPublicAccessBlock | Unknown | undefined;
}

const ENCRYPTION_TYPE = 'aws_s3_bucket_server_side_encryption_configuration';
const VERSIONING_TYPE = 'aws_s3_bucket_versioning';
const PUBLIC_ACCESS_BLOCK_TYPE = 'aws_s3_bucket_public_access_block';

/** Builds the bucket view: every `aws_s3_bucket` with the settings resources that point at it (by name, id or reference). */
export function buildBuckets(inventory: Inventory): Bucket[] {
  const buckets = inventory.ofType('aws_s3_bucket').map((resource) => inlineSettings(resource));
  const byResource = new Map(buckets.map((bucket) => [bucket.resource, bucket]));
  // Indexed once by name and id: a settings resource is matched in constant time, not by a scan of every bucket.
  const byName = new Map<string, Bucket[]>();
  for (const bucket of buckets) {
    const { name } = bucket;
    const id = bucket.resource.values['id'];
    if (typeof name === 'string') addTo(byName, name, bucket);
    if (typeof id === 'string' && id !== name) addTo(byName, id, bucket);
  }
  const targets = (setting: Resource): Bucket[] => {
    const name = setting.values['bucket'];
    if (typeof name === 'string') {
      const named = byName.get(name);
      if (named) return named;
    }
    const resolved = inventory.resolve(setting, 'bucket', ['aws_s3_bucket']);
    return isUnknown(resolved) ? [] : resolved.map((r) => byResource.get(r)).filter((b): b is Bucket => b !== undefined);
  };
  for (const setting of inventory.ofType(ENCRYPTION_TYPE)) {
    for (const bucket of targets(setting)) bucket.encryption = encryptionOf(setting, setting.values, '');
  }
  for (const setting of inventory.ofType(VERSIONING_TYPE)) {
    const config = setting.values['versioning_configuration'];
    for (const bucket of targets(setting)) {
      if (isUnknown(config)) bucket.versioning = { resource: setting, path: 'versioning_configuration', status: config };
      else {
        const first = firstBlock(config);
        const status = first?.['status'];
        bucket.versioning = {
          resource: setting,
          path: 'versioning_configuration.0.status',
          status: isUnknown(status) ? status : typeof status === 'string' ? status : 'Disabled',
        };
      }
    }
  }
  for (const setting of inventory.ofType(PUBLIC_ACCESS_BLOCK_TYPE)) {
    const v = setting.values;
    for (const bucket of targets(setting)) {
      bucket.publicAccessBlock = {
        resource: setting,
        path: '',
        blockPublicAcls: flag(v['block_public_acls']),
        blockPublicPolicy: flag(v['block_public_policy']),
        ignorePublicAcls: flag(v['ignore_public_acls']),
        restrictPublicBuckets: flag(v['restrict_public_buckets']),
      };
    }
  }
  for (const setting of inventory.ofType(ACL_TYPE)) for (const bucket of targets(setting)) bucket.acls.push(aclResource(setting));
  for (const setting of inventory.ofType(OWNERSHIP_TYPE)) for (const bucket of targets(setting)) bucket.ownership = ownershipResource(setting);
  for (const setting of inventory.ofType(POLICY_TYPE)) for (const bucket of targets(setting)) bucket.policy = policyResource(setting);
  for (const setting of inventory.ofType(LOGGING_TYPE)) for (const bucket of targets(setting)) bucket.logging = loggingResource(setting);
  return buckets;
}

/** Settings written inside the bucket block (AWS provider v3): `server_side_encryption_configuration`, `versioning`. */
function inlineSettings(resource: Resource): Bucket {
  const v = resource.values;
  const written = (name: string): boolean => !resource.configuredAttributes || resource.configuredAttributes.includes(name);
  const access = inlineAccess(resource, written);
  // Written out rather than spread: one object shape for every bucket, and no copy per bucket.
  const bucket: Bucket = {
    resource,
    name: v['bucket'] ?? new Unknown(`the name of ${resource.address} is not set`),
    encryption: undefined,
    versioning: undefined,
    publicAccessBlock: undefined,
    acls: access.acls,
    ownership: access.ownership,
    policy: access.policy,
    logging: access.logging,
  };
  const sse = v['server_side_encryption_configuration'];
  // A computed attribute the configuration does not write says nothing about the inline block.
  if (isUnknown(sse) && written('server_side_encryption_configuration')) bucket.encryption = sse;
  else if (!isUnknown(sse)) {
    const config = firstBlock(sse);
    if (config) bucket.encryption = encryptionOf(resource, config, 'server_side_encryption_configuration.0.');
  }
  const versioning = v['versioning'];
  if (isUnknown(versioning) && written('versioning')) {
    bucket.versioning = { resource, path: 'versioning', status: versioning };
  } else if (!isUnknown(versioning)) {
    const enabled = firstBlock(versioning)?.['enabled'];
    if (enabled !== undefined && enabled !== null) {
      bucket.versioning = { resource, path: 'versioning.0.enabled', status: isUnknown(enabled) ? enabled : enabled === true || enabled === 'true' ? 'Enabled' : 'Disabled' };
    }
  }
  return bucket;
}

/** `rule { apply_server_side_encryption_by_default { sse_algorithm, kms_master_key_id } }`, in either shape. */
function encryptionOf(resource: Resource, config: ValueObject, prefix: string): BucketEncryption | Unknown {
  const rules = config['rule'];
  if (isUnknown(rules)) return rules;
  const rule = firstBlock(rules);
  const byDefault = rule?.['apply_server_side_encryption_by_default'];
  if (isUnknown(byDefault)) return byDefault;
  const settings = firstBlock(byDefault);
  const path = `${prefix}rule.0.apply_server_side_encryption_by_default.0`;
  if (!settings) return { resource, path: `${prefix}rule`, algorithm: null, kmsKeyId: null };
  return { resource, path: `${path}.sse_algorithm`, algorithm: settings['sse_algorithm'] ?? null, kmsKeyId: settings['kms_master_key_id'] ?? null };
}

function addTo(index: Map<string, Bucket[]>, key: string, bucket: Bucket): void {
  const list = index.get(key);
  if (list) list.push(bucket);
  else index.set(key, [bucket]);
}

/** The public access block flags default to false when not set. */
function flag(value: Value | undefined): Value {
  return value === undefined || value === null ? false : value;
}
