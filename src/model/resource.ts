import type { Location } from './location.js';
import type { SensitiveMarks } from './sensitive-marks.js';
import type { Unknown } from './unknown.js';
import type { Value, ValueObject } from './value.js';

/** What a resource was read from: a Terraform plan, Terraform source, or a live AWS account. */
export type SourceKind = 'plan' | 'hcl' | 'live';

/** Tag key → value; a value known only after apply is Unknown. */
export type TagMap = Record<string, string | Unknown>;

/**
 * One resource (an instance, with its count/for_each key) in the Terraform AWS provider vocabulary,
 * whatever it was read from.
 */
export interface Resource {
  /** Terraform resource type, e.g. `aws_security_group`; live collectors map API objects onto these. */
  type: string;
  /** Full address (`module.net.aws_security_group.db["a"]`), or the ARN/id for live data. */
  address: string;
  /** The name in its block (`db`), or the live name/id. */
  name: string;
  mode: 'managed' | 'data';
  /** Module instance address (`module.net["a"]`), '' for the root module. */
  modulePath: string;
  /** The count/for_each key of this instance, if any. */
  index?: string | number;
  /**
   * Normalised attribute values; unknown leaves are Unknown. Values Terraform marks sensitive keep their
   * real value here, so that policies compare what is there, and are named in `sensitive`.
   */
  values: ValueObject;
  /**
   * Which parts of `values` are sensitive (Terraform's `after_sensitive` shape: `true` for a whole
   * value, a list or object for parts of it); absent when nothing is. No report prints them: the
   * runner redacts them from every finding, so a policy needs no care beyond comparing.
   */
  sensitive?: SensitiveMarks;
  /** Effective tags (plan `tags_all` with provider default_tags), Unknown when not known, undefined when the resource carries no tags attribute. */
  tags: TagMap | Unknown | undefined;
  source: SourceKind;
  /** The input this resource came from (file path, or `account/region`). */
  input: string;
  location?: Location;
  /** Locations of individual attributes (dotted paths), where known. */
  attributeLocations?: Record<string, Location>;
  /**
   * Live resources: the AWS API's own path for a Terraform attribute path (`ingress.0.cidr_blocks` →
   * `IpPermissions[0].IpRanges`), for evidence; undefined where the value has no API field of its own.
   */
  apiPath?: (path: string) => string | undefined;
  /** Attribute path → addresses of the resources it references (from plan configuration, HCL traversals or live ids). */
  references: Readonly<Record<string, readonly string[]>>;
  /**
   * Top-level attributes the configuration sets, when the source records them (plan `configuration`).
   * An Unknown attribute missing from this list is computed by the provider, not written by the user
   * (a security group's `ingress` when its rules are separate resources). Undefined when not recorded.
   */
  configuredAttributes?: readonly string[];
  /**
   * Attribute paths (dotted, as in attributeLocations) whose configuration expression is a constant
   * written in the code (HCL string literal or heredoc without interpolation; plan `constant_value`; also
   * each string entry of a map or list written as constants, `environment.0.variables.KEY`),
   * not a reference, a call or a variable. Lets a policy tell a hard-coded value from one supplied at
   * run time. Undefined when the source does not record it (live).
   */
  literalAttributes?: readonly string[];
  /**
   * Attributes the configuration leaves unset that were given the provider's default (provider-defaults.ts):
   * attribute path → what the unset attribute was taken to mean, for evidence.
   */
  defaults?: Record<string, string>;
  /** What the plan does to it, for plan resources. */
  action?: 'create' | 'update' | 'replace' | 'no-op' | 'read';
  /** The raw source object, for declarative JSONPath policies. */
  raw: unknown;
}

export function attribute(resource: Resource, name: string): Value | undefined {
  return resource.values[name];
}
