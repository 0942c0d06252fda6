import type { Resource } from '../model/resource.js';
import { marksAt } from '../model/sensitive-marks.js';
import { isUnknown } from '../model/unknown.js';

/**
 * What people call a resource: its `Name` tag when it has a known one that is not sensitive (what
 * the AWS console shows), else its block name or live id. Reports show it beside the ARN or address.
 */
export function displayName(resource: Resource): string {
  const tags = resource.tags;
  const tag = tags && !isUnknown(tags) ? tags['Name'] : undefined;
  if (typeof tag !== 'string' || tag === '') return resource.name;
  const marked = marksAt(resource.sensitive, 'tags.Name') === true || marksAt(resource.sensitive, 'tags_all.Name') === true;
  return marked ? resource.name : tag;
}
