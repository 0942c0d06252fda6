import type { Resource } from './resource.js';
import type { AccountSetting } from './provider-defaults.js';
import { Unknown, isUnknown } from './unknown.js';
import type { Value } from './value.js';

/** An account setting's value as the configuration shows it, and why. */
export interface SettingValue {
  value: Value;
  note: string;
}

/** The resource type (managed or data source) that manages or reads each account setting, and its attribute. */
const SETTINGS: Record<AccountSetting, { type: string; attribute: string; what: string }> = {
  'ebs-encryption-by-default': { type: 'aws_ebs_encryption_by_default', attribute: 'enabled', what: 'EBS encryption by default' },
};

/**
 * The value of an account setting from the resources that manage (or read) it in the same
 * configuration: known when they all say the same known value, Unknown when none does, one is not
 * known yet, two disagree, or the configuration spans several AWS provider configurations.
 */
export function accountSetting(setting: AccountSetting, resources: readonly Resource[], awsProviderConfigurations: number): SettingValue {
  const { type, attribute, what } = SETTINGS[setting];
  const holders = resources.filter((r) => r.type === type);
  if (holders.length === 0) {
    // A live audit reads the setting itself: none means its call failed or was not made.
    const why = resources.some((r) => r.source === 'live') ? 'which was not read in this audit (see the coverage gaps)' : 'which this configuration does not manage';
    return { value: new Unknown(`not set, so it follows the account's ${what} setting in its region, ${why}`), note: '' };
  }
  if (awsProviderConfigurations > 1) {
    // The setting is per account and region; which provider configuration each resource uses is not matched here.
    return {
      value: new Unknown(`not set, so it follows ${what}, which ${holders[0]!.address} sets in one of ${awsProviderConfigurations} AWS provider configurations (regions or accounts), not necessarily this resource's`),
      note: '',
    };
  }
  const seen = new Map<string, string>();
  for (const holder of holders) {
    const value = holder.values[attribute];
    if (isUnknown(value)) return { value: new Unknown(`not set, so it follows ${what}, and ${holder.address}.${attribute} is not known: ${value.reason}`), note: '' };
    if (typeof value !== 'boolean') return { value: new Unknown(`not set, so it follows ${what}, and ${holder.address}.${attribute} is not a boolean`), note: '' };
    seen.set(String(value), holder.address);
  }
  if (seen.size > 1) {
    return { value: new Unknown(`not set, so it follows ${what}, which ${[...seen.values()].join(' and ')} set differently (different regions?)`), note: '' };
  }
  const [[value, address]] = [...seen.entries()] as [[string, string]];
  return { value: value === 'true', note: `not set: ${what} is ${value === 'true' ? 'enabled' : 'disabled'} by ${address}` };
}
