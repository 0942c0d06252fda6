import type { Severity } from '../severity.js';
import type { PolicyDefinition } from '../policy.js';

/** A condition over one resource: a combination, or one operator applied to what a JSONPath selects. */
export type Condition = AllCondition | AnyCondition | NotCondition | LeafCondition;

export interface AllCondition {
  all: Condition[];
}

export interface AnyCondition {
  any: Condition[];
}

export interface NotCondition {
  not: Condition;
}

/** Exactly one operator besides `path` (the schema enforces it). */
export interface LeafCondition {
  path: string;
  exists?: boolean;
  equals?: unknown;
  in?: unknown[];
  matches?: string;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export const OPERATORS = ['exists', 'equals', 'in', 'matches', 'gt', 'gte', 'lt', 'lte'] as const;
export type Operator = (typeof OPERATORS)[number];

/** A resource in an inline example: shorthand for a plan that creates it. */
export interface ExampleResource {
  type: string;
  name: string;
  address?: string;
  values: Record<string, unknown>;
  /** Attribute paths known only after apply. */
  unknown?: string[];
  /** Attribute paths Terraform marks sensitive. */
  sensitive?: string[];
}

export interface DeclarativeExample {
  name: string;
  kind: 'pass' | 'fail' | 'unknown';
  expect?: { verdict: 'fail' | 'unknown'; severity: Severity; address: string; element?: string }[];
  resources?: ExampleResource[];
  plan?: Record<string, unknown>;
}

/** A `*.policy.yaml|yml|json` file, as schemas/warden-policy.schema.json describes it. */
export interface DeclarativePolicyDocument
  extends Pick<PolicyDefinition, 'id' | 'title' | 'severity' | 'description' | 'remediation' | 'helpUri' | 'frameworks' | 'tags'> {
  resourceTypes: string[];
  appliesWhen?: Condition;
  failWhen: Condition;
  /** Message templates by id; `messageId` and `unknownMessageId` name them. */
  messages?: Record<string, string>;
  /** The failing message as a template (id `fail`); else `messageId` names one of `messages`. */
  message?: string;
  messageId?: string;
  unknownMessage?: string;
  unknownMessageId?: string;
  examples?: DeclarativeExample[];
}
