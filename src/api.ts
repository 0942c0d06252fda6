/**
 * The public API that policies are written against: built-in policies import only from here, and so
 * do users' own (`import { definePolicy } from 'warden'`). Every export is documented where it is
 * declared (TSDoc), so editors show the same text. See docs/writing-policies.md.
 */
export { definePolicy, isPolicy } from './rules/policy.js';
export type { Policy, PolicyContext, PolicyDefinition, PolicyPack, PolicyReport, UnknownReport, PassReport, ReportText, MessageData, OptionsSchema } from './rules/policy.js';
export type { Evidence, Finding, TraceStep, Verdict } from './rules/finding.js';
export { SEVERITIES, severityRank, isSeverity } from './rules/severity.js';
export type { Severity } from './rules/severity.js';
export { Inventory } from './model/inventory.js';
export type { Resolution } from './model/inventory.js';
export type { Resource, TagMap, SourceKind } from './model/resource.js';
export type { Location, SourceLocation, CloudLocation } from './model/location.js';
export { Unknown, isUnknown } from './model/unknown.js';
export { Sensitive, isSensitive } from './model/sensitive.js';
export { isMarkedSensitive } from './model/sensitive-marks.js';
export type { SensitiveMarks } from './model/sensitive-marks.js';
export { valueAt, knownString, listOf, containsUnknown, isValueObject } from './model/value.js';
export type { Value, ValueObject } from './model/value.js';
export type { SecurityGroup, SecurityGroupRule, RuleAttributePaths, Protocol } from './model/views/security-groups.js';
export { normaliseProtocol } from './model/views/security-groups.js';
export { globToRegExp } from './rules/suppressions.js';
export { networkOf, type NetworkView, type GuardingGroups } from './network/network-view.js';
export { NETWORK_ACL_TYPES, type NaclRule } from './network/network-acls.js';
export type { Family } from './network/address-set.js';
export type { DbInstance, DbPort } from './network/databases.js';
export { engineDefaultPort } from './network/engine-ports.js';
export type { DbExposure, ExposureWitness } from './network/db-reachability.js';
export type { PathHop } from './network/exposure-path.js';
export { locate } from './rules/locate.js';
export type { Bucket, BucketEncryption, BucketVersioning, BucketPublicAccessBlock, SettingOrigin } from './model/views/buckets.js';
export { internetSource } from './network/internet-source.js';
export type { InternetSourceVerdict } from './network/internet-source.js';
export { PrefixLists, PREFIX_LIST_TYPES } from './network/prefix-lists.js';
export type { PrefixListEntries } from './network/prefix-lists.js';
export { launchTagsOf } from './model/autoscaling-tags.js';
export type { LaunchTag } from './model/autoscaling-tags.js';
export { TERRAFORM_BACKEND_TYPE, TERRAFORM_STATE_FILE_TYPE } from './model/terraform-state.js';
export { textPattern, type TextPattern } from './model/re2-pattern.js';
export { parsePolicyDocument } from './model/policy-document/parse-policy-document.js';
export type { PolicyDocument, Statement, PatternList, Principals, Condition, Effect } from './model/policy-document/policy-document.js';
export { coversAction, coversEveryResource, grantsEveryAction, isAllow, both, statementLabel, type Answer, type FullAccess } from './model/policy-document/statement-grants.js';
export { allowsOnEveryResource } from './model/policy-document/document-grants.js';
export { resolveActionPattern, accessLevelsOf, coversEveryAction, isKnownService, type AccessLevel } from './model/policy-document/action-catalog.js';
export { admitsAnyone, conditionRestricts, restrictingCondition, RESTRICTING_KEYS } from './model/policy-document/principal-conditions.js';
export { trustsGithubOidc, githubSubjectRestriction, GITHUB_OIDC_ISSUER } from './model/policy-document/github-oidc-trust.js';
export { iamPermissionsOf, awsManagedDocument, IAM_PERMISSION_TYPES } from './model/views/iam-permissions.js';
export type { IamPermissions, DocumentSite, Attachment, IdentityRef, IdentityKind } from './model/views/iam-permissions.js';
export { isAwsCreated } from './model/aws-created.js';
export { launchTemplateOf } from './model/views/launch-templates.js';
