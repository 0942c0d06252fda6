/**
 * The public API that policies are written against: built-in policies import only from here, and so
 * do users' own.
 */
export { definePolicy, isPolicy } from './rules/policy.js';
export type { Policy, PolicyContext, PolicyDefinition, PolicyReport, UnknownReport, OptionsSchema } from './rules/policy.js';
export type { Evidence, Finding, TraceStep, Verdict } from './rules/finding.js';
export { SEVERITIES, severityRank } from './rules/severity.js';
export type { Severity } from './rules/severity.js';
export { Inventory } from './model/inventory.js';
export type { Resolution } from './model/inventory.js';
export type { Resource, TagMap, SourceKind } from './model/resource.js';
export type { Location, SourceLocation, CloudLocation } from './model/location.js';
export { Unknown, isUnknown } from './model/unknown.js';
export { Sensitive, isSensitive } from './model/sensitive.js';
export { valueAt, knownString, listOf, containsUnknown, isValueObject } from './model/value.js';
export type { Value, ValueObject } from './model/value.js';
export type { SecurityGroup, SecurityGroupRule, Protocol } from './model/views/security-groups.js';
export { normaliseProtocol } from './model/views/security-groups.js';
