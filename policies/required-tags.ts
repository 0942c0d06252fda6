import { definePolicy, globToRegExp, isUnknown, isValueObject, launchTagsOf, type Evidence, type PolicyContext, type Resource, type TagMap, type TextPattern, type Unknown, textPattern } from '../src/api.js';

/** What a required tag's value must be; with both set, the value must satisfy both. */
export interface TagRequirement {
  allowed?: string[];
  /** A regular expression the value must match somewhere (anchor it with ^…$ for a whole-value match). */
  pattern?: string;
}

export interface RequiredTagsOptions {
  /** Tag keys every taggable resource must carry, or key → what its value must be. */
  required: string[] | Record<string, TagRequirement>;
  /** Resource type globs to check (`aws_instance`, `aws_db_*`); empty = every taggable type. */
  include: string[];
  /** Resource type globs to leave out. */
  exclude: string[];
  /** When false, keys, allowed values and patterns compare without regard to case. */
  caseSensitive: boolean;
}

const typeGlobs = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } as const;

export const requiredTags = definePolicy<RequiredTagsOptions>({
  id: 'required-tags',
  title: 'Resource lacks a required tag',
  severity: 'low',
  description:
    'A taggable resource does not carry a required tag, or the tag\'s value is not one of the allowed values or does not ' +
    'match the required pattern. Effective tags are checked, so tags set through the provider\'s default_tags count. ' +
    'Without configuration, Environment and Owner are required.',
  remediation:
    'Add the missing tag to the resource, or once for every resource through the AWS provider\'s default_tags block; give ' +
    'it one of the allowed values. To change which tags are required or which resource types are checked, set this ' +
    'policy\'s options (required, include, exclude, caseSensitive) in warden.yaml.',
  tags: ['tagging', 'governance'],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // A list of keys or a map of key → requirement: `items` constrains only the list, `additionalProperties`
        // only the map, so ajv reports the one problem that matters rather than a failed oneOf.
        required: {
          type: ['array', 'object'],
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: {
              allowed: { type: 'array', items: { type: 'string' }, minItems: 1 },
              pattern: { type: 'string', format: 'regex' },
            },
          },
        },
        include: typeGlobs,
        exclude: typeGlobs,
        caseSensitive: { type: 'boolean' },
      },
    },
    defaults: { required: ['Environment', 'Owner'], include: [], exclude: [], caseSensitive: true },
  },
  messages: {
    tagMissing: '{{resource}} lacks required tag {{key}}',
    tagsUnknown: '{{resource}}: cannot tell whether it carries tag {{key}}',
    valueUnknown: '{{resource}}: the value of tag {{key}} is not known',
    valueEmpty: '{{resource}} tag {{key}} is empty',
    valueNotAllowed: '{{resource}} tag {{key}} is {{value}}, not one of {{allowed}}',
    valueNotMatching: '{{resource}} tag {{key}} is {{value}}, which does not match /{{pattern}}/',
    tagPresent: '{{resource}} carries tag {{key}} (not empty){{launched}}',
    tagValueChecked: '{{resource}} carries tag {{key}} with {{checks}}{{launched}}',
  },
  check(context) {
    const { options } = context;
    const requirements = compileRequirements(options);
    const include = options.include.map(globToRegExp);
    const exclude = options.exclude.map(globToRegExp);
    for (const resource of context.inventory.resources) {
      if (resource.mode !== 'managed' || resource.tags === undefined) continue;
      if (include.length > 0 && !include.some((glob) => glob.test(resource.type))) continue;
      if (exclude.some((glob) => glob.test(resource.type))) continue;
      for (const requirement of requirements) checkTag(context, resource, requirement, options.caseSensitive);
    }
  },
});

interface CompiledRequirement {
  key: string;
  allowed?: string[];
  pattern?: TextPattern;
}

function compileRequirements(options: RequiredTagsOptions): CompiledRequirement[] {
  const entries: [string, TagRequirement][] = Array.isArray(options.required)
    ? options.required.map((key) => [key, {}])
    : Object.entries(options.required);
  const seen = new Set<string>();
  const out: CompiledRequirement[] = [];
  for (const [key, requirement] of entries) {
    const identity = options.caseSensitive ? key : key.toLowerCase();
    if (seen.has(identity)) continue;
    seen.add(identity);
    out.push({
      key,
      ...(requirement.allowed ? { allowed: requirement.allowed } : {}),
      ...(requirement.pattern !== undefined ? { pattern: textPattern(requirement.pattern, { ignoreCase: !options.caseSensitive }) } : {}),
    });
  }
  return out;
}

/** A tag's value as far as it is known: absent, Unknown (with why), or the string. */
type TagLookup = { found: false } | { found: true; key: string; value: string | Unknown };

function checkTag(context: PolicyContext<RequiredTagsOptions>, resource: Resource, requirement: CompiledRequirement, caseSensitive: boolean): void {
  const { key } = requirement;
  const element = `tag:${key}`;
  const tags = resource.tags as TagMap | Unknown;
  const lookup = lookupTag(resource, tags, key, caseSensitive);
  if (lookup === undefined) {
    const why = tags as Unknown;
    context.unknown({ resource, element, path: 'tags', messageId: 'tagsUnknown', data: { resource: resource.address, key }, reason: why });
    return;
  }
  if (!lookup.found) {
    const present = isUnknown(tags) ? [] : Object.keys(tags).sort();
    context.fail({
      resource,
      element,
      path: 'tags',
      messageId: 'tagMissing',
      data: { resource: resource.address, key },
      evidence: [{ path: 'tags', value: present, note: present.length > 0 ? 'tag keys present (including provider default_tags)' : 'no tags' }, ...launchEvidence(resource)],
    });
    return;
  }
  const { value } = lookup;
  const path = `tags.${lookup.key}`;
  if (isUnknown(value)) {
    context.unknown({ resource, element, path, messageId: 'valueUnknown', data: { resource: resource.address, key: lookup.key }, reason: value });
    return;
  }
  const problem = valueProblem(value, requirement, caseSensitive);
  if (problem) {
    context.fail({ resource, element, path, messageId: problem.messageId, data: { resource: resource.address, key: lookup.key, ...problem.data }, evidence: [{ path, value }, ...launchEvidence(resource, lookup.key)] });
    return;
  }
  // The value itself is not quoted: a pass is about what was checked, and tags may carry what outputs should not.
  const checked = [...(requirement.allowed ? ['an allowed value'] : []), ...(requirement.pattern ? [`matching /${requirement.pattern.source}/`] : [])];
  const launch = launchEvidence(resource, lookup.key)[0];
  const data = { resource: resource.address, key: lookup.key, launched: launch ? `; ${launch.note}` : '' };
  if (checked.length > 0) context.pass({ resource, element, messageId: 'tagValueChecked', data: { ...data, checks: checked.join(', ') } });
  else context.pass({ resource, element, messageId: 'tagPresent', data });
}

/**
 * Finds a tag in the effective tags. When those are Unknown (a tag value known only after apply
 * hides all of `tags_all`), the resource's own `tags` still decide for the keys they set, since
 * resource tags override default tags; undefined means it cannot be decided.
 */
function lookupTag(resource: Resource, tags: TagMap | Unknown, key: string, caseSensitive: boolean): TagLookup | undefined {
  if (!isUnknown(tags)) {
    const hit = find(tags, key, caseSensitive);
    return hit ? { found: true, key: hit.key, value: hit.value as string | Unknown } : { found: false };
  }
  const own = resource.values['tags'];
  const hit = isValueObject(own) ? find(own, key, caseSensitive) : undefined;
  if (!hit || hit.value === null || hit.value === undefined) return undefined;
  return { found: true, key: hit.key, value: isUnknown(hit.value) ? hit.value : String(hit.value) };
}

function find(tags: Readonly<Record<string, unknown>>, key: string, caseSensitive: boolean): { key: string; value: unknown } | undefined {
  if (Object.hasOwn(tags, key)) return { key, value: tags[key] };
  if (caseSensitive) return undefined;
  const wanted = key.toLowerCase();
  const actual = Object.keys(tags).find((k) => k.toLowerCase() === wanted);
  return actual === undefined ? undefined : { key: actual, value: tags[actual] };
}

/** What is wrong with a tag's value, as a message id and the data it needs besides the resource and key. */
interface ValueProblem {
  messageId: 'valueEmpty' | 'valueNotAllowed' | 'valueNotMatching';
  data?: Record<string, string>;
}

function valueProblem(value: string, requirement: CompiledRequirement, caseSensitive: boolean): ValueProblem | undefined {
  if (value.trim() === '') return { messageId: 'valueEmpty' };
  if (requirement.allowed) {
    const normalise = (s: string): string => (caseSensitive ? s : s.toLowerCase());
    if (!requirement.allowed.some((allowed) => normalise(allowed) === normalise(value))) {
      return { messageId: 'valueNotAllowed', data: { value: JSON.stringify(value), allowed: requirement.allowed.map((a) => JSON.stringify(a)).join(', ') } };
    }
  }
  if (requirement.pattern && !requirement.pattern.test(value)) {
    return { messageId: 'valueNotMatching', data: { value: JSON.stringify(value), pattern: requirement.pattern.source } };
  }
  return undefined;
}

/** For an Auto Scaling group: whether each tag (or the one named) is propagated to the instances it launches. */
function launchEvidence(resource: Resource, key?: string): Evidence[] {
  const tags = launchTagsOf(resource);
  if (tags === undefined || isUnknown(tags)) return [];
  return tags
    .filter((tag) => key === undefined || tag.key === key)
    .map((tag) => ({ path: `${tag.path}.propagate_at_launch`, value: tag.propagateAtLaunch, note: `tag ${tag.key} ${tag.propagateAtLaunch === true ? 'is' : 'is not'} given to the instances the group launches` }));
}
