import type { Resource } from './resource.js';
import { Unknown, isUnknown } from './unknown.js';
import { valueAt, type Value } from './value.js';
import { buildBuckets, type Bucket } from './views/buckets.js';
import { buildSecurityGroups, type SecurityGroup } from './views/security-groups.js';
import { nameIdentityOf, normaliseName } from './name-identities.js';

/** The result of following a reference attribute: the resources it points at, or why we cannot tell. */
export type Resolution = Resource[] | Unknown;

/**
 * Everything read from one input (a plan, a source tree, an account/region set), indexed for the
 * joins policies make. Typed views are built lazily, once. Terraform's state backend and state
 * files found in a source tree are resources of the pseudo types `terraform_backend` and
 * `terraform_state_file` (see terraform-state.ts); provider blocks and variables are in `configuration`.
 */
export class Inventory {
  readonly resources: readonly Resource[];
  readonly #byType = new Map<string, Resource[]>();
  readonly #byAddress = new Map<string, Resource>();
  /**
   * The id and name indexes hold the one resource itself until a second one shares the key (or a
   * lookup asks for the key: see #listed): most keys name one resource, and a list per key would be
   * another long-lived object per resource for the garbage collector to copy.
   */
  readonly #byId = new Map<string, Resource | Resource[]>();
  readonly #byName = new Map<string, Resource | Resource[]>();
  #securityGroups?: SecurityGroup[];
  #buckets?: Bucket[];

  constructor(
    resources: readonly Resource[],
    readonly input: string,
    /**
     * Terraform's own configuration described as pseudo resources (provider blocks, input variables:
     * terraform-config.ts), for policies about how the code is written. Kept apart from `resources`
     * (and its indexes) so that listings, counts and joins stay those of the infrastructure.
     */
    readonly configuration: readonly Resource[] = [],
  ) {
    this.resources = resources;
    for (const resource of resources) {
      push(this.#byType, resource.type, resource);
      this.#byAddress.set(resource.address, resource);
      const id = resource.values['id'];
      if (typeof id === 'string' && id !== '') add(this.#byId, id, resource);
      const arn = resource.values['arn'];
      if (typeof arn === 'string' && arn !== '') add(this.#byId, arn, resource);
      const name = nameIdentityOf(resource);
      if (name !== undefined) add(this.#byName, name, resource);
    }
    // Managed resources first, sorted once here rather than on every lookup (rules resolve their group by id).
    for (const index of [this.#byId, this.#byName]) {
      for (const found of index.values()) {
        if (Array.isArray(found)) found.sort(managedFirst);
      }
    }
  }

  ofType(...types: string[]): Resource[] {
    if (types.length === 1) return this.#byType.get(types[0]!) ?? [];
    return types.flatMap((type) => this.#byType.get(type) ?? []);
  }

  byAddress(address: string): Resource | undefined {
    return this.#byAddress.get(address);
  }

  /**
   * Resources whose `id` or `arn` is this value, and those whose name is their identity and is this
   * value (an RDS subnet group, cluster or parameter group: name-identities.ts). Managed resources first.
   */
  byId(id: string): readonly Resource[] {
    const withId = listed(this.#byId, id);
    const named = this.#byName.size > 0 ? listed(this.#byName, normaliseName(id)) : undefined;
    if (!named) return withId ?? NONE;
    // Both: an existing group whose id is its name, or another type whose id happens to be this name.
    return withId ? [...new Set([...withId, ...named])].sort(managedFirst) : named;
  }

  /**
   * The first resource of these types that `byId(id)` would list, without building the list: every
   * attachment of every resource asks this (linksOf), and a lone resource per key is the common case.
   */
  firstWithId(id: string, types: readonly string[]): Resource | undefined {
    return firstFitting(this.#indexed(id), types);
  }

  /** What `byId(id)` lists, read from the index itself when one index alone answers (no list built or stored). */
  #indexed(id: string): Resource | readonly Resource[] | undefined {
    const withId = this.#byId.get(id);
    const named = this.#byName.size > 0 ? this.#byName.get(normaliseName(id)) : undefined;
    if (named === undefined) return withId;
    return withId === undefined ? named : this.byId(id);
  }

  /**
   * Follows a reference attribute (`security_group_id`, `ingress.0.security_groups`…) to the
   * resources it names. A known id is matched against resource ids; otherwise the reference edges
   * recorded by the engine are used; otherwise the answer is Unknown with the reason.
   */
  resolve(resource: Resource, path: string, targetTypes?: readonly string[]): Resolution {
    const value = valueAt(resource.values, path);
    const fromIds = this.#withIds(value, targetTypes);
    if (fromIds.length > 0) return dedupe(fromIds);
    const fromEdges: Resource[] = [];
    for (const address of resource.references[path] ?? NO_ADDRESSES) {
      const target = this.#byAddress.get(address);
      if (target !== undefined && fits(target, targetTypes)) fromEdges.push(target);
    }
    if (fromEdges.length > 0) return dedupe(fromEdges);
    if (isUnknown(value)) return value;
    return [];
  }

  /** Like resolve, for a known id value (e.g. an element of a list attribute). */
  resolveId(id: Value | undefined, targetTypes?: readonly string[]): Resolution {
    if (isUnknown(id)) return id;
    return this.#withIds(id, targetTypes);
  }

  /** The resources of the fitting types that the id (or list of ids) names, in id order; written as loops because every reference of every resource comes here. */
  #withIds(value: Value | undefined, targetTypes: readonly string[] | undefined): Resource[] {
    const out: Resource[] = [];
    if (typeof value === 'string') {
      if (value !== '') pushFitting(out, this.#indexed(value), targetTypes);
    } else if (Array.isArray(value)) {
      for (const id of value) if (typeof id === 'string' && id !== '') pushFitting(out, this.#indexed(id), targetTypes);
    }
    return out;
  }

  get securityGroups(): SecurityGroup[] {
    this.#securityGroups ??= buildSecurityGroups(this);
    return this.#securityGroups;
  }

  /** S3 buckets with their encryption, versioning and public access block, from inline blocks or separate resources. */
  get buckets(): Bucket[] {
    this.#buckets ??= buildBuckets(this);
    return this.#buckets;
  }

}

const NONE: readonly Resource[] = [];

function managedFirst(a: Resource, b: Resource): number {
  return a.mode === b.mode ? 0 : a.mode === 'managed' ? -1 : 1;
}

const NO_ADDRESSES: readonly string[] = [];

function fits(resource: Resource, targetTypes: readonly string[] | undefined): boolean {
  return !targetTypes || targetTypes.includes(resource.type);
}

/** `found` as an index holds it: nothing, one resource, or a list (managed first). */
function pushFitting(out: Resource[], found: Resource | readonly Resource[] | undefined, targetTypes: readonly string[] | undefined): void {
  if (found === undefined) return;
  if (!isList(found)) {
    if (fits(found, targetTypes)) out.push(found);
    return;
  }
  for (const resource of found) if (fits(resource, targetTypes)) out.push(resource);
}

function firstFitting(found: Resource | readonly Resource[] | undefined, types: readonly string[]): Resource | undefined {
  if (found === undefined) return undefined;
  if (!isList(found)) return types.includes(found.type) ? found : undefined;
  for (const resource of found) if (types.includes(resource.type)) return resource;
  return undefined;
}

// Array.isArray does not narrow a readonly array out of a union.
function isList(found: Resource | readonly Resource[]): found is readonly Resource[] {
  return Array.isArray(found);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add(map: Map<string, Resource | Resource[]>, key: string, resource: Resource): void {
  const found = map.get(key);
  if (found === undefined) map.set(key, resource);
  else if (Array.isArray(found)) found.push(resource);
  else map.set(key, [found, resource]);
}

/** The resources under a key as a list; a lone resource is put in one on its first lookup, and the list kept for the next. */
function listed(map: Map<string, Resource | Resource[]>, key: string): Resource[] | undefined {
  const found = map.get(key);
  if (found === undefined || Array.isArray(found)) return found;
  const list = [found];
  map.set(key, list);
  return list;
}

function dedupe(resources: Resource[]): Resource[] {
  return resources.length < 2 ? resources : [...new Set(resources)];
}

export { Unknown };
