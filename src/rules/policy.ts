import type { Inventory } from '../model/inventory.js';
import type { Location } from '../model/location.js';
import type { Resource } from '../model/resource.js';
import type { Unknown } from '../model/unknown.js';
import type { Evidence, TraceStep } from './finding.js';
import { messageTemplateProblems } from './policy-messages.js';
import type { Severity } from './severity.js';

/** A JSON Schema (draft 2020-12 subset as ajv reads it) for a policy's options. */
export type OptionsSchema = Record<string, unknown>;

/** Values for a message template's `{{name}}` placeholders. */
export type MessageData = Record<string, string | number | boolean>;

/**
 * The text of a report: `messageId` names one of the policy's `messages` and `data` fills its
 * placeholders (docs, tests and translations refer to the id); a plain `message` still works.
 */
export type ReportText = { messageId: string; data?: MessageData; message?: never } | { message: string; messageId?: never; data?: never };

/** What a policy reports about one resource (or one element of it, e.g. one security-group rule). */
export type PolicyReport = ReportText & ReportDetails;

/** Everything a report says besides its text. */
export interface ReportDetails {
  resource: Resource;
  /**
   * What inside the resource the verdict is about (`ingress tcp 22 0.0.0.0/0`). Part of the
   * fingerprint, so two rules of one group are two findings; '' when the verdict is about the resource.
   */
  element?: string;
  /** Overrides the policy severity for this finding (e.g. by exposed port). */
  severity?: Severity;
  evidence?: Evidence[];
  /**
   * Attribute path the finding points at, used to find its source line when the engine knows it. It is
   * read on `locationOf` when that is given, on `resource` otherwise: `{ resource: group, locationOf: rule,
   * path: 'cidr_blocks' }` points at the `cidr_blocks` line of `rule`. A path the resource it is read on
   * does not have points at its closest written parent, else at that resource's whole block — never at
   * an attribute of the other resource.
   */
  path?: string;
  /**
   * The resource the location points at when it is not `resource` (e.g. a standalone rule of a group);
   * `path` is then an attribute of this one. Giving `resource` itself is the same as leaving it out.
   */
  locationOf?: Resource;
  /** Where the finding points, when neither resource's attributes say it: wins over `locationOf` and `path`. */
  location?: Location;
  trace?: TraceStep[];
}

/** What a policy reports when its decisive input is Unknown: the verdict is `unknown`, never a silent pass. */
export type UnknownReport = PolicyReport & {
  /** Why the verdict could not be decided; an Unknown's reason is used when one is given. */
  reason: string | Unknown;
};

/** What a passing check reports: the resource (or element) and why it passes. */
export type PassReport = ReportText & Pick<ReportDetails, 'resource' | 'element'>;

/** What `check` receives: the inventory, the validated options and the verdict helpers. */
export interface PolicyContext<Options> {
  readonly inventory: Inventory;
  readonly options: Options;
  fail(report: PolicyReport): void;
  unknown(report: UnknownReport): void;
  pass(report: PassReport): void;
  /**
   * The check could not evaluate this resource (it threw): reported for this policy and resource
   * only, as an `unknown` finding and a policy error, while the check goes on with the others.
   */
  error(resource: Resource, error: unknown): void;
}

/**
 * Everything a policy declares: metadata (shown by `warden policies show`, SARIF rules and docs), optional
 * options with a JSON Schema and defaults, and `check`, which reports through the context's verdict helpers.
 */
export interface PolicyDefinition<Options = Record<string, never>> {
  /** A readable slug, used in ignore comments and config (`sg-open-ingress`). */
  id: string;
  title: string;
  severity: Severity;
  description: string;
  remediation: string;
  helpUri?: string;
  /**
   * Message templates by id (`{ openToWorld: '{{group}} allows {{traffic}} from {{source}}' }`), used by
   * reports that give a `messageId` and `data`. Placeholders are `{{name}}`; checked when the policy is defined.
   */
  messages?: Record<string, string>;
  /** Compliance frameworks → control ids (`{ 'CIS AWS 3.0': ['5.2'] }`). */
  frameworks?: Record<string, string[]>;
  /** Extra tags for SARIF and filtering (`network`, `tagging`…). */
  tags?: string[];
  /** Resource types the policy looks at, for documentation and `warden policies`. */
  resourceTypes?: string[];
  /**
   * What the policy reads with these (validated) options, where that is less than `resourceTypes`: a live
   * audit reads only what the selected policies read. An entry is a type (or a glob, as in `resourceTypes`),
   * read whole, or `type.attribute` when the policy reads that attribute only (besides the id and ARN), so
   * that per-resource calls filling other attributes can be skipped. Default: `resourceTypes`. E.g.
   * `({ customerManagedKey }) => (customerManagedKey.length > 0 ? [...stores, 'aws_kms_key.key_manager'] : stores)`.
   */
  readsTypes?(options: Options): string[];
  options?: { schema: OptionsSchema; defaults: Options };
  check(context: PolicyContext<Options>): void;
}

/** A policy made by {@link definePolicy}: what built-in policies, policy files and policy packs export. */
export interface Policy<Options = any> extends PolicyDefinition<Options> {
  readonly kind: 'warden-policy';
}

/** Declares a policy. Built-in policies use exactly this; so do users' own. */
export function definePolicy<Options = Record<string, never>>(definition: PolicyDefinition<Options>): Policy<Options> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(definition.id)) {
    throw new Error(`policy id "${definition.id}" must be a lower-case slug (a-z, 0-9, -)`);
  }
  const problems = messageTemplateProblems(definition.messages);
  if (problems.length > 0) throw new Error(`policy ${definition.id}: ${problems.join('; ')}`);
  return { ...definition, kind: 'warden-policy' };
}

/**
 * What a policy pack (an npm package given to `--policy-package`) exports: an array of policies, as
 * its default export or a named one.
 */
export type PolicyPack = readonly Policy[];

/** True for a value made by {@link definePolicy} (from any copy of warden). */
export function isPolicy(value: unknown): value is Policy {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'warden-policy';
}
