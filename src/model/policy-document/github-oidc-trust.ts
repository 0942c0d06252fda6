import { Unknown, isUnknown } from '../unknown.js';
import type { Condition, Statement } from './policy-document.js';

/** The OIDC issuer of GitHub Actions, the provider's name in its ARN and the prefix of its condition keys. */
export const GITHUB_OIDC_ISSUER = 'token.actions.githubusercontent.com';
const SUBJECT_KEY = `${GITHUB_OIDC_ISSUER}:sub`;

/**
 * Whether a trust statement admits GitHub Actions' OIDC tokens: its `Federated` principal is the
 * GitHub provider, or (when the provider ARN is known only after apply) its conditions test GitHub's
 * token claims.
 */
export function trustsGithubOidc(statement: Statement): boolean {
  const federated = [...(statement.principal?.byType ?? [])].find(([type]) => type.toLowerCase() === 'federated')?.[1];
  if (federated?.known.some((arn) => arn.toLowerCase().endsWith(GITHUB_OIDC_ISSUER))) return true;
  if (!federated || isUnknown(statement.conditions)) return false;
  return statement.conditions.some((c) => c.key.toLowerCase().startsWith(`${GITHUB_OIDC_ISSUER}:`));
}

/** Positive operators that can pin `sub` to a repository. */
const POSITIVE = new Set(['stringequals', 'stringlike', 'stringequalsignorecase']);

/**
 * Whether a GitHub OIDC trust is pinned to repositories: a positive, non-`IfExists` test on the
 * token's `sub` whose every value is `repo:OWNER/…` with a literal owner. `*`, `repo:*` or
 * `repo:*\/…` admit any repository on GitHub. Returns the condition, or why it is missing or open.
 */
export function githubSubjectRestriction(statement: Statement): { condition: Condition } | { problem: string } | Unknown {
  if (isUnknown(statement.conditions)) return new Unknown(`the Condition block is not known (${statement.conditions.reason})`);
  const subjects = statement.conditions.filter((c) => c.key.toLowerCase() === SUBJECT_KEY);
  if (subjects.length === 0) return { problem: `no condition on ${SUBJECT_KEY}: any repository on GitHub can assume it` };
  let problem: string | undefined;
  for (const condition of subjects) {
    if (!POSITIVE.has(condition.baseOperator.toLowerCase()) || condition.ifExists || condition.setQualifier === 'ForAllValues') {
      problem ??= `${condition.operator} on ${SUBJECT_KEY} does not require a repository`;
      continue;
    }
    const open = condition.values.known.find((value) => !namesOwner(value));
    if (open !== undefined) {
      problem ??= `${SUBJECT_KEY} ${condition.operator} "${open}" admits any repository`;
      continue;
    }
    if (condition.values.unknown) return new Unknown(`the ${SUBJECT_KEY} values are not known (${condition.values.unknown.reason})`);
    if (condition.values.known.length > 0) return { condition };
  }
  return { problem: problem ?? `no value for ${SUBJECT_KEY}` };
}

/** `repo:octo-org/app:ref:refs/heads/main` or `repo:octo-org/*`: the owner is literal. */
function namesOwner(value: string): boolean {
  const match = /^repo:([^/:]*)\//i.exec(value);
  return match !== null && match[1] !== '' && !/[*?]/.test(match[1]!);
}
