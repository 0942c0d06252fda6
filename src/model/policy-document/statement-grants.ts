import { Unknown, isUnknown } from '../unknown.js';
import { attributeReferenceOf, type AttributeReference } from '../partly-known.js';
import { actionMatches, isOnlyWildcards } from './action-pattern.js';
import { coversEveryAction, iamPermissionsManagementActions } from './action-catalog.js';
import type { PatternList, Statement } from './policy-document.js';

/** A three-valued answer: yes, no, or cannot tell (with the reason). */
export type Answer = boolean | Unknown;

/**
 * Whether an Allow statement covers `action` (`iam:PassRole`): an `Action` pattern matches it, or a
 * `NotAction` list exists and none of its patterns matches it. Unknown elements decide only when the
 * known ones do not.
 */
export function coversAction(statement: Statement, action: string): Answer {
  if (statement.action) return anyMatches(statement.action, action, 'Action');
  if (statement.notAction) {
    const excluded = anyMatches(statement.notAction, action, 'NotAction');
    return isUnknown(excluded) ? excluded : !excluded;
  }
  return false;
}

function anyMatches(list: PatternList, action: string, field: string): Answer {
  if (list.known.some((pattern) => actionMatches(pattern, action))) return true;
  return list.unknown ? new Unknown(`${field} is not known (${list.unknown.reason})`) : false;
}

/**
 * Whether the statement applies to every resource: a `Resource` of `*` (or wildcards only, or an ARN
 * pattern wildcarded after the service: every resource of that service), or a `NotResource` list, which leaves all other resources
 * in scope and is treated as "every resource" here.
 */
export function coversEveryResource(statement: Statement): Answer {
  if (statement.notResource) return true;
  const list = statement.resource;
  if (!list) return false;
  if (list.known.some(isEveryResourcePattern)) return true;
  // A resource's own `arn` (`aws_s3_bucket.b.arn`, `"${aws_s3_bucket.b.arn}/*"`) names that resource, never every one.
  const doubt = list.unknownItems ? list.unknownItems.find((item) => !isResourceArn(attributeReferenceOf(item))) : list.unknown;
  return doubt ? new Unknown(`Resource is not known (${doubt.reason})`) : false;
}

function isResourceArn(reference: AttributeReference | undefined): boolean {
  return reference?.attribute === 'arn' && reference.prefix === '';
}

/** `*`, or an ARN whose fields after the service are empty or wildcards (`arn:aws:*:*:*:*`, `arn:aws:iam::*:*`): every resource (of that service). */
function isEveryResourcePattern(pattern: string): boolean {
  if (isOnlyWildcards(pattern)) return true;
  const fields = pattern.split(':');
  if (fields.length < 6 || fields[0] !== 'arn') return false;
  const rest = fields.slice(3);
  return rest.every((field) => /^[*?/]*$/.test(field)) && rest[rest.length - 1]!.includes('*');
}

/** How a statement grants every action, for evidence. */
export interface FullAccess {
  how: 'Action' | 'NotAction';
  /** The pattern that covers everything, or the excluded patterns of a NotAction. */
  patterns: string[];
}

/**
 * Whether a statement's actions amount to all of AWS: an `Action` pattern covering every action in
 * the service authorization reference (`*`, `*:*`), or a `NotAction` that leaves every IAM
 * Permissions management action allowed (`iam:PutUserPolicy` …): whoever keeps those on `*` can grant
 * itself whatever was excluded. So `NotAction: ["s3:*"]` is full access, PowerUserAccess's
 * `NotAction: ["iam:*", "organizations:*", "account:*"]` is not.
 */
export function grantsEveryAction(statement: Statement): FullAccess | false | Unknown {
  if (statement.action) {
    const all = statement.action.known.find(coversEveryAction);
    if (all !== undefined) return { how: 'Action', patterns: [all] };
    return statement.action.unknown ? new Unknown(`Action is not known (${statement.action.unknown.reason})`) : false;
  }
  if (statement.notAction) {
    const excluded = statement.notAction;
    const keeps = iamPermissionsManagementActions().every((a) => !excluded.known.some((p) => actionMatches(p, a.name)));
    if (!keeps) return false;
    return excluded.unknown ? new Unknown(`NotAction is not known (${excluded.unknown.reason})`) : { how: 'NotAction', patterns: excluded.known };
  }
  return false;
}

/** Whether an effect is Allow; an unknown effect stays Unknown. */
export function isAllow(statement: Statement): Answer {
  if (isUnknown(statement.effect)) return new Unknown(`Effect is not known (${statement.effect.reason})`);
  return statement.effect === 'Allow';
}

/** Conjunction over three-valued answers: false wins, then Unknown, then true. */
export function both(...answers: Answer[]): Answer {
  if (answers.includes(false)) return false;
  return answers.find(isUnknown) ?? true;
}

/** A statement's label for messages: `statement 2 ("AllowAll")`. */
export function statementLabel(statement: Statement): string {
  return statement.sid ? `statement ${String(statement.index)} (${statement.sid})` : `statement ${String(statement.index)}`;
}
