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

/** What the caller knows about its store's service that bears on whose key it is. */
export interface KeyLookup {
  /**
   * Why the service takes customer managed keys only (CloudWatch Logs), when it does: a key it names
   * is then the customer's even when no key record says so (live, a key that was not read).
   */
  customerKeysOnly?: string;
}

const KMS_KEY = ['aws_kms_key'];

/** An alias, by name or ARN; `aws/` is reserved to AWS managed keys: nobody else can create such an alias. */
const ALIAS = /^(?:arn:[^:]+:kms:[^:]*:[^:]*:)?alias\/(.*)$/;
/** A key ARN; group 1 is the account that owns the key. */
const KEY_ARN = /^arn:[^:]+:kms:[^:]*:(\d{12}):key\//;
/** Any ARN with an account field; group 1 is the account. */
const ARN_ACCOUNT = /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/;

/**
 * Whether the KMS key that `path` of `resource` names is AWS managed or the customer's. In order:
 * - an alias decides by its name;
 * - a key ARN of another account than the store's own is the customer's: an AWS managed key serves
 *   only its own account, so no store can use another account's. Decided only where the store's account
 *   is known: live, the audited account; in a plan or source, the account of the store's own `arn`;
 * - a key id or ARN the inventory resolves to an `aws_kms_key`: a managed resource is the customer's
 *   (Terraform cannot create AWS managed keys), a data source or a live key says by `key_manager` (live:
 *   DescribeKey's KeyManager; an AWS managed key is a data source there), else a data source's `key_id`
 *   (an alias, or a key ARN of another account);
 * - a key the service takes only from customers (`lookup.customerKeysOnly`) is the customer's;
 * - live, any other key is Unknown: every key of the account and region is read, AWS managed ones
 *   too, so one that was not (KMS calls denied, a key of another region) may be either.
 * Undefined when nothing tells: not set, a value not known, or a key id or ARN written in a plan or
 * source without a key record; the caller says what that means for its store.
 */
export function kmsKeyManagement(inventory: Inventory, resource: Resource, path: string, lookup: KeyLookup = {}): KeyManagement | Unknown | undefined {
  const value = valueAt(resource.values, path);
  const text = typeof value === 'string' ? value : undefined;
  const alias = text === undefined ? null : ALIAS.exec(text);
  if (alias) return aliasManagement(alias[1]!, `${path} is the alias ${text!}`);
  const crossAccount = text === undefined ? undefined : otherAccount(resource, text, path);
  if (crossAccount) return crossAccount;
  const keys = inventory.resolve(resource, path, KMS_KEY);
  if (!isUnknown(keys) && keys.length > 0) return keyManagement(keys[0]!, resource);
  if (!text) return undefined;
  if (lookup.customerKeysOnly) return { manager: 'CUSTOMER', how: `${path} is ${text}: ${lookup.customerKeysOnly}` };
  if (resource.source === 'live') {
    return new Unknown(`${path} is ${text}, which is not among the KMS keys read in its account and region (a key of another region, or one KMS did not list or describe)`);
  }
  return undefined;
}

/** A key ARN of another account than the store's, both known: the customer's (`what` names where the ARN is written). */
function otherAccount(store: Resource, key: string, what: string): KeyManagement | undefined {
  const keyAccount = KEY_ARN.exec(key)?.[1];
  const account = storeAccount(store);
  if (!keyAccount || !account || keyAccount === account) return undefined;
  return { manager: 'CUSTOMER', how: `${what} is a key of account ${keyAccount}, not of the store's account ${account}: an AWS managed key serves only its own account` };
}

/** The account a store lives in: live, the audited account; else its own ARN's, when known. */
function storeAccount(resource: Resource): string | undefined {
  if (resource.location?.kind === 'cloud') return resource.location.account;
  const arn = resource.values['arn'];
  return typeof arn === 'string' ? ARN_ACCOUNT.exec(arn)?.[1] : undefined;
}

function aliasManagement(name: string, how: string): KeyManagement {
  return name.startsWith('aws/') ? { manager: 'AWS', how: `${how}, an AWS managed key` } : { manager: 'CUSTOMER', how: `${how}, a customer managed key` };
}

function keyManagement(key: Resource, store: Resource): KeyManagement | Unknown {
  if (key.mode === 'managed' && key.source !== 'live') return { manager: 'CUSTOMER', how: `${key.address} is a key of the configuration`, key };
  const manager = key.values['key_manager'];
  if (manager === 'AWS' || manager === 'CUSTOMER') {
    return { manager, how: `${key.address} is ${manager === 'AWS' ? 'an AWS' : 'a customer'} managed key (KMS KeyManager ${manager})`, key };
  }
  // A data source read only at apply still names the alias it looks up.
  const id = key.values['key_id'];
  const alias = typeof id === 'string' ? ALIAS.exec(id) : null;
  if (alias) return { ...aliasManagement(alias[1]!, `${key.address} looks up the alias ${id as string}`), key };
  // A data source read only at apply that names its key by an ARN of another account.
  const crossAccount = typeof id === 'string' ? otherAccount(store, id, `${key.address} looks up ${id}, which`) : undefined;
  if (crossAccount) return { ...crossAccount, key };
  if (isUnknown(manager)) return new Unknown(`cannot tell who manages the KMS key ${key.address}: ${manager.reason}`);
  return new Unknown(`cannot tell who manages the KMS key ${key.address}: nothing read says (key_manager)`);
}
