import type { Resource, TagMap } from './resource.js';
import { isSensitive } from './sensitive.js';
import { Unknown, isUnknown } from './unknown.js';
import { isValueObject, listOf, setEntry, type Value, type ValueObject } from './value.js';

/** The one resource type whose tags are a list of key/value/propagate_at_launch entries rather than a map. */
export const AUTOSCALING_GROUP_TYPE = 'aws_autoscaling_group';

/** One tag of an Auto Scaling group, where it is written, and whether instances launched by the group get it. */
export interface LaunchTag {
  key: string;
  value: string | Unknown;
  propagateAtLaunch: boolean | Unknown;
  /** Attribute path of the entry (`tag.0`, `tags.1`). */
  path: string;
}

/**
 * An Auto Scaling group's tags: its `tag` blocks and the `tags` list of maps older providers took.
 * The AWS provider applies no default_tags to this type, so these are all its tags. Unknown when
 * the list, or a key in it, is known only after apply.
 */
export function autoscalingGroupTags(values: ValueObject, address: string): LaunchTag[] | Unknown {
  const out: LaunchTag[] = [];
  for (const attribute of ['tag', 'tags'] as const) {
    const entries = listOf(values[attribute]);
    if (isUnknown(entries)) return new Unknown(`the tags of ${address} are not known: ${entries.reason}`);
    for (const [i, entry] of entries.entries()) {
      if (!isValueObject(entry)) continue;
      const key = entry['key'];
      if (isUnknown(key)) return new Unknown(`a tag key of ${address} is not known: ${key.reason}`);
      if (typeof key !== 'string') continue;
      out.push({ key, value: tagValue(entry['value'], key, address), propagateAtLaunch: propagation(entry['propagate_at_launch']), path: `${attribute}.${i}` });
    }
  }
  return out;
}

/** The group's tags as the TagMap every resource carries. */
export function autoscalingGroupTagMap(values: ValueObject, address: string): TagMap | Unknown {
  const tags = autoscalingGroupTags(values, address);
  if (isUnknown(tags)) return tags;
  const map: TagMap = {};
  for (const tag of tags) setEntry(map, tag.key, tag.value); // a key may be `__proto__`
  return map;
}

/** The tag entries of an Auto Scaling group resource, or undefined for any other type. */
export function launchTagsOf(resource: Resource): LaunchTag[] | Unknown | undefined {
  return resource.type === AUTOSCALING_GROUP_TYPE ? autoscalingGroupTags(resource.values, resource.address) : undefined;
}

function tagValue(value: Value | undefined, key: string, address: string): string | Unknown {
  if (isUnknown(value)) return value;
  if (isSensitive(value)) return new Unknown(`tag ${key} of ${address} is sensitive`);
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `propagate_at_launch` as a boolean: old providers' list-of-maps wrote it as the string "true". */
function propagation(value: Value | undefined): boolean | Unknown {
  if (isUnknown(value)) return value;
  return value === true || value === 'true';
}
