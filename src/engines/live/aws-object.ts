import type { TagMap } from '../../model/resource.js';
import { setEntry, type Value, type ValueObject } from '../../model/value.js';

/**
 * One object of an AWS response: a Describe API item (PascalCase, `IpPermissions[].IpRanges[].CidrIp`)
 * or an AWS Config configuration item (lower camel case, `ipPermissions[].ipv4Ranges[].cidrIp`, Java bean
 * names such as `dBSubnetGroup`). The readers below look fields up case-insensitively so that one mapping
 * serves both sources.
 */
export type AwsObject = Record<string, unknown>;

export function isAwsObject(value: unknown): value is AwsObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * A field by name, exact match first, else case-insensitive. Config wraps some scalars as
 * `{ "value": x }` (RDS cluster `endpoint`, volume `state`); those are unwrapped.
 */
export function field(object: unknown, name: string): unknown {
  if (!isAwsObject(object)) return undefined;
  let found: unknown = object[name];
  if (found === undefined) {
    const lower = name.toLowerCase();
    for (const key of Object.keys(object)) {
      if (key.toLowerCase() === lower) {
        found = object[key];
        break;
      }
    }
  }
  return unwrapValue(found);
}

/** The first of several alternative field names that is present. */
export function firstField(object: unknown, ...names: string[]): unknown {
  for (const name of names) {
    const found = field(object, name);
    if (found !== undefined && found !== null) return found;
  }
  return undefined;
}

function unwrapValue(value: unknown): unknown {
  if (isAwsObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'value') return value['value'];
  }
  return value;
}

/** A string field, `null` when absent or empty (Terraform's "unset"). Dates become ISO strings. */
export function str(object: unknown, ...names: string[]): string | null {
  const value = firstField(object, ...names);
  if (typeof value === 'string') return value === '' ? null : value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** A number field (Config writes integers as `22.0`, JSON parses that to 22), `null` when absent. */
export function num(object: unknown, ...names: string[]): number | null {
  const value = firstField(object, ...names);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** A boolean field; Config sometimes writes `"true"`. `null` when absent. */
export function bool(object: unknown, ...names: string[]): boolean | null {
  const value = firstField(object, ...names);
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

/** A list of objects (absent → []). */
export function objects(object: unknown, ...names: string[]): AwsObject[] {
  const value = firstField(object, ...names);
  return Array.isArray(value) ? value.map(unwrapValue).filter(isAwsObject) : [];
}

/** A list of strings, read from a list of objects by `key`, or a list of plain strings. */
export function strings(object: unknown, listName: string, key?: string): string[] {
  const value = field(object, listName);
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    const picked = key && isAwsObject(item) ? field(item, key) : unwrapValue(item);
    if (typeof picked === 'string' && picked !== '') out.push(picked);
  }
  return out;
}

/**
 * Tags of an AWS object, from whichever list it carries (`Tags`, `TagList` in RDS, `TagSet` in ENIs
 * and S3, `tags` in Config), as a map. Undefined when the object carries no tag list at all.
 */
export function tagsOf(object: unknown): TagMap | undefined {
  const list = firstField(object, 'Tags', 'TagList', 'TagSet');
  if (list === undefined || list === null) return undefined;
  return tagMap(list);
}

/** `[{Key, Value}]` (API) or `[{key, value}]` (Config) or a plain map → a tag map. */
export function tagMap(list: unknown): TagMap {
  const out: TagMap = {};
  if (Array.isArray(list)) {
    for (const tag of list) {
      const key = str(tag, 'Key');
      if (key !== null) setEntry(out, key, str(tag, 'Value') ?? '');
    }
  } else if (isAwsObject(list)) {
    for (const [key, value] of Object.entries(list)) if (typeof value === 'string') setEntry(out, key, value);
  }
  return out;
}

/** A tag map as a Terraform `tags` attribute value. */
export function tagsValue(tags: TagMap): ValueObject {
  return { ...tags } as ValueObject;
}

/** Converts an API value into a model Value (Dates → ISO strings, undefined dropped). */
export function toValue(value: unknown): Value {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toValue);
  if (isAwsObject(value)) {
    const out: ValueObject = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) setEntry(out, key, toValue(inner));
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}
