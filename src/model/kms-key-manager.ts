import type { Inventory } from './inventory.js';
import type { Resource } from './resource.js';
import { isUnknown, Unknown } from './unknown.js';
import { valueAt } from './value.js';

/** Who manages a KMS key a store names, and how that is known (for messages and evidence). */
export interface KeyManagement {
  manager: 'AWS' | 'CUSTOMER';
  how: string;
  /** The `aws_kms_key` (resource or data source) that told, when one did. */
  key?: Resource;
}

const KMS_KEY = ['aws_kms_key'];

/** An alias, by name or ARN; `aws/` is reserved to AWS managed keys: nobody else can create such an alias. */
const ALIAS = /^(?:arn:[^:]+:kms:[^:]*:[^:]*:)?alias\/(.*)$/;

/**
 * Whether the KMS key that `path` of `resource` names is AWS managed or the customer's. An alias
 * decides by its name; a key id or ARN by the `aws_kms_key` it resolves to: a managed resource is the
 * customer's (Terraform cannot create AWS managed keys), a data source or a live key says by
 * `key_manager` (live: DescribeKey's KeyManager; an AWS managed key is a data source there), else a data
 * source's `key_id` alias. Unknown when the key found cannot tell; undefined when no key record or alias
 * names it (not set, or a key that was not read): the caller says what that means for its store.
 */
export function kmsKeyManagement(inventory: Inventory, resource: Resource, path: string): KeyManagement | Unknown | undefined {
  const value = valueAt(resource.values, path);
  const alias = typeof value === 'string' ? ALIAS.exec(value) : null;
  if (alias) return aliasManagement(alias[1]!, `${path} is the alias ${value as string}`);
  const keys = inventory.resolve(resource, path, KMS_KEY);
  if (isUnknown(keys) || keys.length === 0) return undefined;
  return keyManagement(keys[0]!);
}

function aliasManagement(name: string, how: string): KeyManagement {
  return name.startsWith('aws/') ? { manager: 'AWS', how: `${how}, an AWS managed key` } : { manager: 'CUSTOMER', how: `${how}, a customer managed key` };
}

function keyManagement(key: Resource): KeyManagement | Unknown {
  if (key.mode === 'managed' && key.source !== 'live') return { manager: 'CUSTOMER', how: `${key.address} is a key of the configuration`, key };
  const manager = key.values['key_manager'];
  if (manager === 'AWS' || manager === 'CUSTOMER') {
    return { manager, how: `${key.address} is ${manager === 'AWS' ? 'an AWS' : 'a customer'} managed key (KMS KeyManager ${manager})`, key };
  }
  // A data source read only at apply still names the alias it looks up.
  const id = key.values['key_id'];
  const alias = typeof id === 'string' ? ALIAS.exec(id) : null;
  if (alias) return { ...aliasManagement(alias[1]!, `${key.address} looks up the alias ${id as string}`), key };
  if (isUnknown(manager)) return new Unknown(`cannot tell who manages the KMS key ${key.address}: ${manager.reason}`);
  return new Unknown(`cannot tell who manages the KMS key ${key.address}: nothing read says (key_manager)`);
}
