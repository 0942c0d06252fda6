import { AUTOSCALING_GROUP_TYPE, autoscalingGroupTagMap } from '../../../model/autoscaling-tags.js';
import type { TagMap } from '../../../model/resource.js';
import { Sensitive, isSensitive } from '../../../model/sensitive.js';
import { Unknown, isUnknown } from '../../../model/unknown.js';
import { isValueObject, mergeEntries, setEntry, type Value, type ValueObject } from '../../../model/value.js';
import type { ResourceDecl } from '../config/module-config.js';
import type { ResourceInstance } from '../instances/resource-instance.js';
import { TAGGABLE_AWS_TYPES } from './taggable-types.js';

export interface EffectiveTags {
  /** Undefined when the resource has no tags attribute. */
  tags: TagMap | Unknown | undefined;
  /** `tags_all` as the AWS provider computes it (default_tags merged under the resource's tags). */
  tagsAll?: Value;
}

/** Per resource block: the provider configuration key it uses and whether it is an AWS resource. */
interface BlockProvider {
  key: string;
  aws: boolean;
}

const blockProviders = new WeakMap<ResourceDecl, BlockProvider>();

function providerOf(decl: ResourceDecl): BlockProvider {
  let found = blockProviders.get(decl);
  if (!found) {
    // `provider = aws.west`, else the default configuration of the provider the type name starts with.
    const key = decl.provider ?? (decl.type.includes('_') ? decl.type.slice(0, decl.type.indexOf('_')) : decl.type);
    found = { key, aws: key === 'aws' || key.startsWith('aws.') };
    blockProviders.set(decl, found);
  }
  return found;
}

/**
 * The tags a resource ends up with: for a managed resource of the AWS provider, the `default_tags`
 * of the provider configuration it uses (`provider = aws.west`, or the default one its module
 * inherits) merged under its own `tags`, as the provider's `tags_all` does.
 */
export function effectiveTags(instance: ResourceInstance, values: ValueObject): EffectiveTags {
  const { decl } = instance;
  // Its tags are a list of entries, and default_tags do not apply to it: read as a plan reads it.
  if (decl.type === AUTOSCALING_GROUP_TYPE && providerOf(decl).aws) return { tags: autoscalingGroupTagMap(values, instance.address) };
  const own = values['tags'];
  const provider = providerOf(decl);
  if (own === undefined && !(provider.aws && TAGGABLE_AWS_TYPES.has(decl.type))) return { tags: undefined };
  const managedAws = decl.mode === 'managed' && provider.aws;
  const defaults = managedAws ? instance.module.providers.get(provider.key)?.defaultTags()?.tags : undefined;
  const merged: ValueObject = {};
  for (const given of [defaults, own]) {
    if (given === undefined || given === null) continue;
    // A sensitive map (or tag) is compared as what it is; the resource's marks keep it out of reports.
    const part = isSensitive(given) ? markEach(given.reveal() as Value) : given;
    if (isUnknown(part)) return { tags: new Unknown(`the tags of ${instance.address} are not known statically: ${part.reason}`), tagsAll: given };
    if (isValueObject(part)) mergeEntries(merged, part);
  }
  const tags: TagMap = {};
  for (const key in merged) {
    const marked = merged[key]!;
    const value = isSensitive(marked) ? (marked.reveal() as Value) : marked;
    if (value === null) continue;
    if (isUnknown(value)) setEntry(tags, key, value);
    else setEntry(tags, key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return managedAws ? { tags, tagsAll: merged } : { tags };
}

/** A sensitive map as a map of sensitive values, so that merging it keeps every tag it gives marked. */
function markEach(value: Value): Value {
  if (!isValueObject(value)) return value;
  const out: ValueObject = {};
  for (const key in value) out[key] = isSensitive(value[key]) || isUnknown(value[key]) ? value[key]! : new Sensitive(value[key]!);
  return out;
}
