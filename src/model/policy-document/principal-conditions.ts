import { attributeReferenceOf, knownPrefixOf } from '../partly-known.js';
import { Unknown, isUnknown } from '../unknown.js';
import { isOnlyWildcards } from './action-pattern.js';
import type { Condition, Statement } from './policy-document.js';

/**
 * What makes a condition restrict who a policy statement admits, shared by trust policies and
 * resource policies (bucket, key, queue, topic policies): a positive test on a key that names the
 * caller's organisation, account or the resource acting on its behalf, with values that name one.
 */
export const RESTRICTING_KEYS: readonly string[] = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOwner',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'sts:ExternalId',
  'kms:CallerAccount',
];

const KEYS = new Set(RESTRICTING_KEYS.map((k) => k.toLowerCase()));
/** Operators that require the key to equal or match a value (negations and Null do not restrict). */
const POSITIVE = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);
const LIKE = new Set(['stringlike', 'arnlike']);

/**
 * Whether one condition restricts the caller. It does not when the operator is negated (`StringNotEquals`),
 * `…IfExists` (a request without the key passes), `ForAllValues:` (true when the key is absent), or
 * when a `…Like` value is wildcards only or an ARN whose account field is a wildcard (`StringLike` `*`
 * admits everyone). Values known only after apply restrict under an `…Equals` operator (any one value
 * does) and are Unknown under a `…Like` one.
 */
export function conditionRestricts(condition: Condition): boolean | Unknown {
  if (!KEYS.has(condition.key.toLowerCase())) return false;
  const operator = condition.baseOperator.toLowerCase();
  if (!POSITIVE.has(operator) || condition.ifExists || condition.setQualifier === 'ForAllValues') return false;
  const like = LIKE.has(operator);
  if (like && condition.values.known.some(isOpenValue)) return false;
  if (condition.values.unknown) return like ? new Unknown(`the ${condition.key} values are not known (${condition.values.unknown.reason})`) : true;
  return condition.values.known.length > 0;
}

function isOpenValue(value: string): boolean {
  if (isOnlyWildcards(value)) return true;
  const fields = value.split(':');
  return fields.length >= 5 && fields[0] === 'arn' && /[*?]/.test(fields[4]!);
}

/** The first condition of a statement that restricts the caller, `undefined` when none does, or Unknown. */
export function restrictingCondition(statement: Statement): Condition | undefined | Unknown {
  if (isUnknown(statement.conditions)) return new Unknown(`the Condition block is not known (${statement.conditions.reason})`);
  let doubt: Unknown | undefined;
  for (const condition of statement.conditions) {
    const restricts = conditionRestricts(condition);
    if (restricts === true) return condition;
    if (isUnknown(restricts)) doubt ??= restricts;
  }
  return doubt;
}

/**
 * Whether a statement's principal is anyone: `"Principal": "*"`, `{"AWS": "*"}` (any AWS account),
 * or a `NotPrincipal` (everyone but the listed). Unknown when the principal is not known.
 */
export function admitsAnyone(statement: Statement): { principal: string } | false | Unknown {
  if (statement.notPrincipal) return { principal: 'NotPrincipal (everyone but the listed principals)' };
  const principal = statement.principal;
  if (!principal) return false;
  if (principal.everyone) return { principal: '"*"' };
  const aws = [...principal.byType].find(([type]) => type.toLowerCase() === 'aws')?.[1];
  if (aws?.known.some(isOnlyWildcards)) return { principal: '{"AWS": "*"}' };
  const unknown = principal.unknown ?? (aws?.unknownItems ? aws.unknownItems.find(couldBeEveryone) : aws?.unknown);
  return unknown ? new Unknown(`the principal is not known (${unknown.reason})`) : false;
}

/** Attributes that always hold an ARN or an account id, never `*`. */
const NEVER_WILDCARD_ATTRIBUTES: ReadonlySet<string> = new Set(['arn', 'account_id']);

/**
 * Whether a principal known only after apply could turn out to be `*`: not a role's or user's own
 * ARN (`aws_iam_role.r.arn`), not the caller's account id, not a string whose known start holds
 * anything but `*` (`arn:aws:iam::${local.account}:root`).
 */
function couldBeEveryone(item: Unknown): boolean {
  const reference = attributeReferenceOf(item);
  if (reference && NEVER_WILDCARD_ATTRIBUTES.has(reference.attribute)) return false;
  const prefix = knownPrefixOf(item);
  // `*${…}` or `?${…}` could still end as a wildcard-only pattern.
  return prefix === undefined || /^[*?]*$/.test(prefix);
}
