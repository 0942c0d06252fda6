import { definePolicy, globToRegExp, isAwsCreated, isUnknown, isValueObject, launchTagsOf, Unknown, type Evidence, type PolicyContext, type Resource, type TagMap, type TextPattern, textPattern } from '../src/api.js';

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
  /** Live audits: also check the resources AWS creates itself (default VPC and its subnets, default groups, NACLs, main route tables, the default VPC's internet gateway). */
  includeAwsDefaults: boolean;
}

const typeGlobs = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } as const;

export const requiredTags = definePolicy<RequiredTagsOptions>({
  id: 'required-tags',
  title: 'Resource lacks a required tag',
  severity: 'low',
  description:
    'A taggable resource does not carry a required tag, or the tag\'s value is not one of the allowed values or does not ' +
    'match the required pattern. Effective tags are checked, so tags set through the provider\'s default_tags count. ' +
    'Without configuration, Environment and Owner are required. One finding per resource lists every missing key and ' +
    'wrong value; it is unknown when a required tag or its value is known only after apply and nothing else is wrong. ' +
    'In live audits the resources AWS creates itself in every region (the default VPC and its default subnets, each ' +
    'VPC\'s default security group, default network ACL and main route table, and the default VPC\'s internet gateway) ' +
    'are not checked unless includeAwsDefaults is true: nobody tags what they did not create, and the default-VPC ' +
    'policies still see them. Terraform\'s aws_default_* resources are checked, since the configuration manages them. ' +
    'Live types whose list calls return no tags (KMS keys, ElastiCache replication groups, OpenSearch domains, CloudWatch ' +
    'log groups, Kinesis streams, SQS queues, SNS topics, DynamoDB tables) are not judged by an API audit, since their ' +
    'tags would cost one more call per resource; where an AWS Config item carries tags (--source config), they are judged.',
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
        includeAwsDefaults: { type: 'boolean' },
      },
    },
    defaults: { required: ['Environment', 'Owner'], include: [], exclude: [], caseSensitive: true, includeAwsDefaults: false },
  },
  messages: {
    tagsMissing: '{{resource}} lacks required {{keys}}',
    tagsWrong: '{{resource}} {{problems}}',
    tagsUnknown: '{{resource}}: cannot tell whether it carries {{keys}} as required',
    tagsPresent: '{{resource}} carries required {{keys}}{{checks}}{{launched}}',
  },
  check(context) {
    const { options } = context;
    const requirements = compileRequirements(options);
    const checks = checksText(requirements);
    const allKeys = keyList(requirements);
    const selected = typeSelection(options);
    for (const resource of context.inventory.resources) {
      if (resource.mode !== 'managed' || resource.tags === undefined) continue;
      if (!selected(resource.type)) continue;
      if (!options.includeAwsDefaults && isAwsCreated(context.inventory, resource)) continue;
      if (requirements.length > 0) checkResource(context, resource, requirements, options.caseSensitive, checks, allKeys);
    }
  },
});

/**
 * Whether the include/exclude globs select a resource type, decided once per type and run: a large
 * plan has tens of thousands of resources of a few dozen types.
 */
function typeSelection(options: RequiredTagsOptions): (type: string) => boolean {
  const include = options.include.map(globToRegExp);
  const exclude = options.exclude.map(globToRegExp);
  const decided = new Map<string, boolean>();
  return (type) => {
    let selected = decided.get(type);
    if (selected === undefined) {
      selected = (include.length === 0 || include.some((glob) => glob.test(type))) && !exclude.some((glob) => glob.test(type));
      decided.set(type, selected);
    }
    return selected;
  };
}

interface CompiledRequirement {
  key: string;
  allowed?: string[];
  pattern?: TextPattern;
  /** What a value is checked for besides being present (`an allowed value`, `matching /…/`). */
  checks: string[];
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
    const pattern = requirement.pattern !== undefined ? textPattern(requirement.pattern, { ignoreCase: !options.caseSensitive }) : undefined;
    out.push({
      key,
      ...(requirement.allowed ? { allowed: requirement.allowed } : {}),
      ...(pattern ? { pattern } : {}),
      checks: [...(requirement.allowed ? ['an allowed value'] : []), ...(pattern ? [`matching /${pattern.source}/`] : [])],
    });
  }
  return out;
}

/** A pass names what every requirement checked: the same words on every resource, so made once per run. */
function checksText(requirements: readonly CompiledRequirement[]): string {
  const checks = [...new Set(requirements.flatMap((r) => r.checks))];
  return checks.length > 0 ? ` (${checks.join(', ')})` : ' (not empty)';
}

/** A tag's value as far as it is known: absent, Unknown (with why), or the string. */
type TagLookup = { found: false } | { found: true; key: string; value: string | Unknown };

/** What one requirement came to on one resource. */
type TagOutcome =
  | { kind: 'missing'; key: string }
  | { kind: 'wrong'; key: string; path: string; value: string; problem: string }
  | { kind: 'unknown'; key: string; path: string; reason: Unknown }
  | { kind: 'ok'; key: string };

/** The outcomes of one resource's requirements, by kind, in requirement order. */
interface Outcomes {
  missing: Extract<TagOutcome, { kind: 'missing' }>[];
  wrong: Extract<TagOutcome, { kind: 'wrong' }>[];
  unknown: Extract<TagOutcome, { kind: 'unknown' }>[];
  ok: Extract<TagOutcome, { kind: 'ok' }>[];
}

/**
 * One finding per resource: a fail listing every missing key and wrong value, else an unknown naming
 * the keys that cannot be decided, else a pass. A finding per key made a 17-region audit mostly this
 * policy (288 of 304 findings), and the keys are one fix on one resource.
 */
function checkResource(
  context: PolicyContext<RequiredTagsOptions>,
  resource: Resource,
  requirements: readonly CompiledRequirement[],
  caseSensitive: boolean,
  checks: string,
  allKeys: string,
): void {
  const tags = resource.tags as TagMap | Unknown;
  const outcomes = outcomesOf(resource, tags, requirements, caseSensitive);
  if (outcomes === undefined) {
    // Every requirement holds under its own key: the pass names the keys as the requirements spell them.
    context.pass({ resource, element: 'tags', messageId: 'tagsPresent', data: { resource: resource.address, keys: allKeys, checks, launched: launchedText(resource, requirements) } });
    return;
  }
  const { missing, wrong, unknown, ok } = outcomes;
  const element = 'tags';
  const address = resource.address;
  if (missing.length > 0 || wrong.length > 0) {
    const present = isUnknown(tags) ? [] : Object.keys(tags).sort();
    const note = present.length === 0 ? 'no tags' : resource.source === 'live' ? 'tag keys present' : 'tag keys present (including provider default_tags)';
    const evidence: Evidence[] = [{ path: 'tags', value: present, note }, ...wrong.map((w) => ({ path: w.path, value: w.value }))];
    const launched = launchEvidence(resource, [...missing, ...wrong]);
    const path = missing.length === 0 && wrong.length === 1 ? wrong[0]!.path : 'tags';
    if (wrong.length === 0) {
      context.fail({ resource, element, path, messageId: 'tagsMissing', data: { resource: address, keys: keyList(missing) }, evidence: [...evidence, ...launched] });
    } else {
      const problems = [...(missing.length > 0 ? [`lacks required ${keyList(missing)}`] : []), ...wrong.map((w) => w.problem)].join('; ');
      context.fail({ resource, element, path, messageId: 'tagsWrong', data: { resource: address, problems }, evidence: [...evidence, ...launched] });
    }
    return;
  }
  if (unknown.length > 0) {
    const reasons = [...new Set(unknown.map((u) => u.reason.reason))];
    const reason = reasons.length === 1 ? unknown[0]!.reason : new Unknown(reasons.join('; '));
    context.unknown({ resource, element, path: unknown.length === 1 ? unknown[0]!.path : 'tags', messageId: 'tagsUnknown', data: { resource: address, keys: keyList(unknown) }, reason });
    return;
  }
  context.pass({ resource, element, messageId: 'tagsPresent', data: { resource: address, keys: keyList(ok), checks, launched: launchedText(resource, ok) } });
}

/** The pass's words on an Auto Scaling group's propagation; '' for every other resource. */
function launchedText(resource: Resource, ok: readonly { key: string }[]): string {
  // The values themselves are not quoted: a pass is about what was checked, and tags may carry what outputs should not.
  const launch = launchEvidence(resource, ok);
  return launch.length === 0 ? '' : launch.every((e) => e.value === true) ? '; all given to the instances the group launches' : `; ${launch.filter((e) => e.value !== true).map((e) => e.note).join(', ')}`;
}

/**
 * The outcomes by kind, or undefined when every requirement holds under its own key. That is most
 * resources of a large plan, so they get no outcome objects and lists, which a pass does not need.
 */
function outcomesOf(resource: Resource, tags: TagMap | Unknown, requirements: readonly CompiledRequirement[], caseSensitive: boolean): Outcomes | undefined {
  let out: Outcomes | undefined;
  for (let i = 0; i < requirements.length; i++) {
    const requirement = requirements[i]!;
    if (out === undefined && holdsAsWritten(tags, requirement, caseSensitive)) continue;
    // The requirements before this one all held under their own keys.
    out ??= { missing: [], wrong: [], unknown: [], ok: requirements.slice(0, i).map(({ key }) => ({ kind: 'ok', key })) };
    const outcome = outcomeOf(resource, tags, requirement, caseSensitive);
    // Each list holds only its own kind: the kind is the key.
    (out[outcome.kind] as TagOutcome[]).push(outcome);
  }
  return out;
}

/** The requirement's key is among the known tags, as written, with a value that satisfies it (outcomeOf's `ok` without a lookup object). */
function holdsAsWritten(tags: TagMap | Unknown, requirement: CompiledRequirement, caseSensitive: boolean): boolean {
  if (isUnknown(tags) || !Object.hasOwn(tags, requirement.key)) return false;
  const value = tags[requirement.key];
  return typeof value === 'string' && valueProblem(value, requirement, caseSensitive) === undefined;
}

function outcomeOf(resource: Resource, tags: TagMap | Unknown, requirement: CompiledRequirement, caseSensitive: boolean): TagOutcome {
  const { key } = requirement;
  const lookup = lookupTag(resource, tags, key, caseSensitive);
  if (lookup === undefined) return { kind: 'unknown', key, path: 'tags', reason: tags as Unknown };
  if (!lookup.found) return { kind: 'missing', key };
  const { value } = lookup;
  const path = `tags.${lookup.key}`;
  if (isUnknown(value)) return { kind: 'unknown', key: lookup.key, path, reason: new Unknown(`the value of tag ${lookup.key} is not known: ${value.reason}`) };
  const problem = valueProblem(value, requirement, caseSensitive);
  if (problem) return { kind: 'wrong', key: lookup.key, path, value, problem: `tag ${lookup.key} ${problem}` };
  return { kind: 'ok', key: lookup.key };
}

/** `tag Owner`, `tags Environment, Owner`. */
function keyList(outcomes: readonly { key: string }[]): string {
  return `${outcomes.length === 1 ? 'tag' : 'tags'} ${outcomes.map((o) => o.key).join(', ')}`;
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

/** What is wrong with a tag's value, as the words after `tag KEY`, or undefined. */
function valueProblem(value: string, requirement: CompiledRequirement, caseSensitive: boolean): string | undefined {
  if (value.trim() === '') return 'is empty';
  if (requirement.allowed) {
    const normalise = (s: string): string => (caseSensitive ? s : s.toLowerCase());
    if (!requirement.allowed.some((allowed) => normalise(allowed) === normalise(value))) {
      return `is ${JSON.stringify(value)}, not one of ${requirement.allowed.map((a) => JSON.stringify(a)).join(', ')}`;
    }
  }
  if (requirement.pattern && !requirement.pattern.test(value)) return `is ${JSON.stringify(value)}, which does not match /${requirement.pattern.source}/`;
  return undefined;
}

/**
 * For an Auto Scaling group: whether each of these tags is propagated to the instances it launches,
 * in the order of `outcomes`. The group's tags are read once, not once per key, and other resources
 * (nearly all) return at once: every resource of a large plan comes here.
 */
function launchEvidence(resource: Resource, outcomes: readonly { key: string }[]): Evidence[] {
  const tags = outcomes.length > 0 ? launchTagsOf(resource) : undefined;
  if (tags === undefined || isUnknown(tags)) return [];
  return outcomes.flatMap(({ key }) =>
    tags
      .filter((tag) => tag.key === key)
      .map((tag) => ({ path: `${tag.path}.propagate_at_launch`, value: tag.propagateAtLaunch, note: `tag ${tag.key} ${tag.propagateAtLaunch === true ? 'is' : 'is not'} given to the instances the group launches` })),
  );
}
