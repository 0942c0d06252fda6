import { accountSetting, type SettingValue } from './account-settings.js';
import { PROVIDER_DEFAULTS_BY_TYPE, type AccountSetting, type DefaultMeaning, type ProviderDefault } from './provider-defaults.js';
import type { Resource } from './resource.js';
import { Unknown, isUnknown } from './unknown.js';
import { isValueObject, type Value, type ValueObject } from './value.js';

/**
 * Whether the configuration writes the attribute at `steps` of a resource (true), leaves it unset
 * (false), or the engine cannot tell (undefined). Only a plan needs it: there an unset computed
 * attribute and a written expression known only after apply look alike.
 */
export type ConfiguredAt = (resource: Resource, steps: readonly (string | number)[]) => boolean | undefined;

/** What an engine knows of the configuration beyond its resources. */
export interface DefaultsContext {
  /** See {@link ConfiguredAt}; absent for source, where an unset attribute is simply missing. */
  configuredAt?: ConfiguredAt;
  /**
   * How many AWS provider configurations (regions, accounts) the configuration has. Account
   * settings are per region: with more than one, a setting cannot be matched to a resource.
   */
  awsProviderConfigurations: number;
}

/**
 * Gives every unset attribute of the provider-defaults table its meaning, in place, and records
 * why in `resource.defaults`. Unset is undefined or null; a plan's Unknown counts as unset only when
 * `configuredAt` says the configuration does not write it. Account-setting meanings are read from
 * the resources of the same configuration after the fixed defaults are in (a setting resource's own
 * attribute may be defaulted).
 */
export function applyProviderDefaults(resources: readonly Resource[], { configuredAt, awsProviderConfigurations }: DefaultsContext): void {
  const pending: { resource: Resource; holder: ValueObject; key: string; path: string; setting: AccountSetting; ifOff: string | undefined }[] = [];
  for (const resource of resources) {
    if (resource.mode !== 'managed') continue;
    const entries = PROVIDER_DEFAULTS_BY_TYPE.get(resource.type);
    if (!entries) continue;
    for (const entry of entries) {
      if (isSetAtTop(resource.values, entry)) continue;
      forEachUnset(resource, entry, configuredAt, (holder, key, path, block) => {
        const meaning = entry.meaning(resource.values, block);
        if (meaning === undefined) {
          // Another attribute decides (a replica's source): show it unset, as source does, not as a plan's placeholder.
          if (isUnknown(holder[key])) delete holder[key];
          return;
        }
        if ('accountSetting' in meaning) pending.push({ resource, holder, key, path, setting: meaning.accountSetting, ifOff: meaning.ifOff });
        else fill(resource, holder, key, path, meaning);
      });
    }
  }
  const settings = new Map<AccountSetting, SettingValue>();
  for (const { resource, holder, key, path, setting, ifOff } of pending) {
    let known = settings.get(setting);
    if (!known) settings.set(setting, (known = accountSetting(setting, resources, awsProviderConfigurations)));
    if (known.value === false && ifOff) {
      holder[key] = new Unknown(`${resource.address}.${path}: ${ifOff} (${known.note})`);
      continue;
    }
    holder[key] = isUnknown(known.value) ? new Unknown(`${resource.address}.${path} is ${known.value.reason}`) : known.value;
    if (known.note) (resource.defaults ??= {})[path] = known.note;
  }
}

function fill(resource: Resource, holder: ValueObject, key: string, path: string, meaning: Exclude<DefaultMeaning, { accountSetting: AccountSetting }>): void {
  if ('unknown' in meaning) {
    holder[key] = new Unknown(`${resource.address}.${path}: ${meaning.unknown}`);
    return;
  }
  holder[key] = meaning.value;
  (resource.defaults ??= {})[path] = meaning.note;
}

/** Calls `visit` for each place the entry's path reaches where the attribute is unset. */
function forEachUnset(
  resource: Resource,
  entry: ProviderDefault,
  configuredAt: ConfiguredAt | undefined,
  visit: (holder: ValueObject, key: string, path: string, block: ValueObject | undefined) => void,
): void {
  const steps = stepsOf(entry);
  const walk = (holder: ValueObject, at: number, trail: (string | number)[]): void => {
    const step = steps[at]!;
    const value: Value | undefined = holder[step];
    if (at === steps.length - 1) {
      const empty = entry.emptyIsUnset === true && value === '';
      // Most attributes are set and known: their path is not built (one array per resource and entry).
      if (!empty && !mayBeUnset(value)) return;
      const path = [...trail, step];
      if (empty || isUnset(resource, value, path, configuredAt)) visit(holder, step, path.join('.'), holder === resource.values ? undefined : holder);
      return;
    }
    if (steps[at + 1] === '*') {
      // Nested blocks: only those written (or planned) are given defaults; a missing block is not invented.
      if (!Array.isArray(value)) return;
      value.forEach((block, i) => {
        if (isValueObject(block)) walk(block, at + 2, [...trail, step, i]);
      });
      return;
    }
    if (isValueObject(value)) walk(value, at + 1, [...trail, step]);
  };
  walk(resource.values, 0, []);
}

/**
 * True for a top-level attribute that is set and known: most are, and skipping them here spares
 * the two closures forEachUnset's walk makes per resource and entry. (The walk decides the same.)
 */
function isSetAtTop(values: ValueObject, entry: ProviderDefault): boolean {
  const steps = stepsOf(entry);
  if (steps.length !== 1) return false;
  const value = values[steps[0]!];
  return !(entry.emptyIsUnset === true && value === '') && !mayBeUnset(value);
}

/** The steps of each table entry's path, split once rather than once per resource. */
const entrySteps = new WeakMap<ProviderDefault, readonly string[]>();

function stepsOf(entry: ProviderDefault): readonly string[] {
  let steps = entrySteps.get(entry);
  if (!steps) {
    steps = entry.path.split('.');
    entrySteps.set(entry, steps);
  }
  return steps;
}

function mayBeUnset(value: Value | undefined): boolean {
  return value === undefined || value === null || isUnknown(value);
}

function isUnset(resource: Resource, value: Value | undefined, steps: (string | number)[], configuredAt: ConfiguredAt | undefined): boolean {
  if (value === undefined || value === null) return true;
  return isUnknown(value) && configuredAt?.(resource, steps) === false;
}
