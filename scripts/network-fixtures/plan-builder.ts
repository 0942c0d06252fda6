/**
 * Builds small but real `terraform show -json` documents (format 1.2) for the network-path fixtures:
 * `resource_changes` with `after` / `after_unknown`, `planned_values`, `prior_state` for data sources,
 * and `configuration` with the `references` Terraform records where an id is known only after apply.
 * A value written as `ref("aws_vpc.main")` is what `aws_vpc.main.id` is in HCL: known when the target
 * exists (no-op or data source), unknown in `after` and a configuration reference otherwise.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const REF = Symbol('ref');

/** A reference to another resource's attribute, as HCL would write `aws_vpc.main.id`. */
export interface Ref {
  [REF]: true;
  address: string;
  attribute: string;
}

export function ref(address: string, attribute = 'id'): Ref {
  return { [REF]: true, address, attribute };
}

/** Input values: JSON with Refs anywhere a string may stand. */
export type Spec = null | boolean | number | string | Ref | Spec[] | { [key: string]: Spec };

export interface ResourceSpec {
  type: string;
  name: string;
  /** `create` (default) or `no-op` (exists: ids known) for managed resources; data sources are read into prior_state. */
  mode?: 'managed' | 'data';
  action?: 'create' | 'no-op';
  values: { [key: string]: Spec };
  /** Attributes the provider computes, unknown in a create (ids, arns…); `id` always is. */
  computed?: string[];
}

const ID_PREFIX: Record<string, string> = {
  aws_vpc: 'vpc', aws_subnet: 'subnet', aws_internet_gateway: 'igw', aws_route_table: 'rtb', aws_default_route_table: 'rtb',
  aws_route: 'r-rtb', aws_route_table_association: 'rtbassoc', aws_main_route_table_association: 'rtbassoc',
  aws_network_acl: 'acl', aws_default_network_acl: 'acl', aws_network_acl_rule: 'nacl', aws_network_acl_association: 'aclassoc',
  aws_security_group: 'sg', aws_default_security_group: 'sg', aws_security_group_rule: 'sgrule', aws_vpc_security_group_ingress_rule: 'sgr',
  aws_nat_gateway: 'nat', aws_eip: 'eipalloc', aws_internet_gateway_attachment: 'igw', aws_egress_only_internet_gateway: 'eigw',
};

const isRef = (value: unknown): value is Ref => typeof value === 'object' && value !== null && REF in value;

/** A deterministic id for an existing resource, from its address. */
export function idFor(type: string, address: string): string {
  let h = 2166136261;
  for (let i = 0; i < address.length; i++) h = Math.imul(h ^ address.charCodeAt(i), 16777619) >>> 0;
  const hex = (h.toString(16) + (h ^ 0x5bd1e995).toString(16)).padStart(16, '0').slice(0, 17);
  return `${ID_PREFIX[type] ?? type.replace(/^aws_/, '')}-0${hex}`;
}

export function addressOf(spec: ResourceSpec): string {
  return `${spec.mode === 'data' ? 'data.' : ''}${spec.type}.${spec.name}`;
}

export interface PlanOptions {
  /** Extra top-level keys (e.g. `warden_expect`), written first. */
  header?: JsonObject;
  terraformVersion?: string;
}

/** The `timestamp` of every generated plan: how generate.ts tells its own files from hand-written cases beside them. */
export const GENERATED_TIMESTAMP = '2025-01-15T10:00:00Z';

/** The plan document for these resources. */
export function buildPlan(specs: readonly ResourceSpec[], options: PlanOptions = {}): JsonObject {
  const byAddress = new Map(specs.map((s) => [addressOf(s), s]));
  const known = new Map<string, JsonObject>();
  // Existing resources and data sources have their values (and ids) known; resolve them first.
  const existing = (s: ResourceSpec): boolean => s.mode === 'data' || s.action === 'no-op';
  for (const spec of specs) {
    if (!existing(spec)) continue;
    const id = spec.values['id'];
    known.set(addressOf(spec), { id: typeof id === 'string' ? id : idFor(spec.type, addressOf(spec)) });
  }
  const resolveKnown = (r: Ref): Json | undefined => {
    const target = byAddress.get(r.address);
    if (!target || !existing(target)) return undefined;
    if (r.attribute === 'id') return known.get(r.address)!['id']!;
    const value = target.values[r.attribute];
    return value === undefined || isRef(value) ? undefined : (value as Json);
  };

  const changes: JsonObject[] = [];
  const planned: JsonObject[] = [];
  const prior: JsonObject[] = [];
  const config: JsonObject[] = [];
  for (const spec of specs) {
    const address = addressOf(spec);
    const after: JsonObject = {};
    const unknown: JsonObject = {};
    for (const [key, value] of Object.entries(spec.values)) {
      const { value: v, unknown: u } = materialise(value, resolveKnown, true);
      if (v !== undefined) after[key] = v;
      if (u !== false && u !== undefined) unknown[key] = u;
    }
    for (const key of ['id', ...(spec.computed ?? [])]) {
      if (key in spec.values) continue;
      if (existing(spec)) after[key] = key === 'id' ? (known.get(address)!['id'] as string) : null;
      else unknown[key] = true;
    }
    const provider = spec.type === 'terraform_data' ? 'terraform.io/builtin/terraform' : 'registry.terraform.io/hashicorp/aws';
    const base = { address, mode: spec.mode ?? 'managed', type: spec.type, name: spec.name, provider_name: provider };
    if (spec.mode === 'data') {
      prior.push({ ...base, schema_version: 0, values: after, sensitive_values: {} });
    } else {
      const action = spec.action ?? 'create';
      changes.push({
        ...base,
        change: {
          actions: [action],
          before: action === 'no-op' ? after : null,
          after,
          after_unknown: unknown,
          before_sensitive: action === 'no-op' ? {} : false,
          after_sensitive: {},
        },
      });
      planned.push({ ...base, schema_version: 0, values: after, sensitive_values: {} });
    }
    config.push({
      address, mode: spec.mode ?? 'managed', type: spec.type, name: spec.name, provider_config_key: spec.type === 'terraform_data' ? 'terraform' : 'aws',
      expressions: expressionsOf(spec.values), schema_version: 0,
    });
  }
  return {
    ...(options.header ?? {}),
    format_version: '1.2',
    terraform_version: options.terraformVersion ?? '1.9.8',
    planned_values: { root_module: { resources: planned } },
    resource_changes: changes,
    ...(prior.length > 0 ? { prior_state: { format_version: '1.0', terraform_version: options.terraformVersion ?? '1.9.8', values: { root_module: { resources: prior } } } } : {}),
    configuration: {
      provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: 'eu-west-1' } } } },
      root_module: { resources: config },
    },
    timestamp: GENERATED_TIMESTAMP,
    applyable: true,
    complete: true,
    errored: false,
  };
}

/**
 * A value for `after` and its `after_unknown` mask. Terraform masks an unknown leaf with `true`; a
 * top-level list holding an unknown (a set of ids) is unknown as a whole.
 */
function materialise(value: Spec, resolveKnown: (r: Ref) => Json | undefined, topLevel: boolean): { value: Json | undefined; unknown: Json | false | undefined } {
  if (isRef(value)) {
    const known = resolveKnown(value);
    return known === undefined ? { value: undefined, unknown: true } : { value: known, unknown: false };
  }
  if (Array.isArray(value)) {
    const parts = value.map((item) => materialise(item, resolveKnown, false));
    const anyUnknown = parts.some((p) => p.unknown === true);
    if (anyUnknown && topLevel && value.every((item) => !isObjectSpec(item))) return { value: undefined, unknown: true };
    return { value: parts.map((p) => (p.value === undefined ? null : p.value)), unknown: parts.map((p) => (p.unknown === undefined ? false : p.unknown)) };
  }
  if (isObjectSpec(value)) {
    const out: JsonObject = {};
    const mask: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      const part = materialise(item, resolveKnown, false);
      if (part.value !== undefined) out[key] = part.value;
      if (part.unknown !== false && part.unknown !== undefined) mask[key] = part.unknown;
    }
    return { value: out, unknown: mask };
  }
  return { value: value as Json, unknown: false };
}

function isObjectSpec(value: Spec): value is { [key: string]: Spec } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isRef(value);
}

/** Configuration expressions: `{constant_value}` for literals, `{references}` where a Ref is written, blocks as lists. */
function expressionsOf(values: { [key: string]: Spec }): JsonObject {
  const out: JsonObject = {};
  // `id` is never written in a configuration; a fixture sets it only to give an existing resource its real id.
  for (const [key, value] of Object.entries(values)) if (key !== 'id') out[key] = expressionOf(value);
  return out;
}

function expressionOf(value: Spec): Json {
  if (Array.isArray(value) && value.length > 0 && value.every(isObjectSpec)) {
    return value.map((block) => expressionsOf(block as { [key: string]: Spec }));
  }
  const refs = referencesIn(value);
  if (refs.length > 0) return { references: refs };
  return { constant_value: strip(value) };
}

function referencesIn(value: Spec): string[] {
  if (isRef(value)) return [`${value.address}.${value.attribute}`, value.address];
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (isObjectSpec(value)) return Object.values(value).flatMap(referencesIn);
  return [];
}

function strip(value: Spec): Json {
  if (Array.isArray(value)) return value.map(strip);
  if (isObjectSpec(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v)]));
  return value as Json;
}
