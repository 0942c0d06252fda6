import type { TagMap } from '../model/resource.js';
import { isUnknown, type Unknown } from '../model/unknown.js';
import type { Value } from '../model/value.js';
import { globToRegExp } from './suppressions.js';

/** Policy options that leave resources out by name glob or by tag (`key: value glob`, `*` for any value). */
export interface NameTagExclusions {
  exclude: string[];
  excludeTags: Record<string, string>;
}

/** The JSON schema properties of {@link NameTagExclusions}, for a policy's options schema. */
export const NAME_TAG_EXCLUSION_PROPERTIES = {
  exclude: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
  excludeTags: { type: 'object', additionalProperties: { type: 'string' } },
} as const;

/**
 * Compiles the exclusions once: the returned function names why a resource (its name and effective
 * tags) is left out, or gives undefined. A name or tag not known yet excludes nothing, so the
 * resource is still checked.
 */
export function nameTagExclusions(options: NameTagExclusions): (name: Value, tags: TagMap | Unknown | undefined) => string | undefined {
  const names = options.exclude.map((glob) => ({ glob, pattern: globToRegExp(glob) }));
  const tags = Object.entries(options.excludeTags).map(([key, glob]) => ({ key, glob, pattern: globToRegExp(glob) }));
  return (name, tagMap) => {
    if (typeof name === 'string') {
      const hit = names.find((n) => n.pattern.test(name));
      if (hit) return `its name matches ${hit.glob}`;
    }
    if (tagMap && !isUnknown(tagMap)) {
      for (const { key, glob, pattern } of tags) {
        const value = tagMap[key];
        if (typeof value === 'string' && pattern.test(value)) return `its tag ${key} = ${value} matches ${glob}`;
      }
    }
    return undefined;
  };
}
