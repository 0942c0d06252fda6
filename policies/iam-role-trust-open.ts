import { admitsAnyone, coversAction, definePolicy, githubSubjectRestriction, iamPermissionsOf, isAllow, isUnknown, restrictingCondition, statementLabel, trustsGithubOidc, type Statement, type Unknown } from '../src/api.js';

/** The actions a trust policy grants to let a principal assume the role. */
const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];

export const iamRoleTrustOpen = definePolicy({
  id: 'iam-role-trust-open',
  title: 'IAM role can be assumed by anyone',
  severity: 'critical',
  description:
    'A role\'s trust policy (aws_iam_role assume_role_policy; live: AssumeRolePolicyDocument) has an Allow statement ' +
    'for sts:AssumeRole, AssumeRoleWithWebIdentity or AssumeRoleWithSAML (Action wildcards and NotAction resolved) ' +
    'that admits `"Principal": "*"`, `{"AWS": "*"}` or everyone but a NotPrincipal, without a condition that restricts ' +
    'the caller: a positive test (StringEquals, StringLike, ArnEquals, ArnLike; not negated, not …IfExists, not ' +
    'ForAllValues:) on aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:PrincipalArn, ' +
    'aws:SourceAccount, aws:SourceArn, aws:SourceOwner, aws:SourceOrgID, aws:SourceOrgPaths, aws:SourceVpc, ' +
    'aws:SourceVpce or sts:ExternalId whose values are not wildcards only (StringLike "*" admits everyone; an ARN ' +
    'pattern with a wildcard account does not restrict). It also fails a trust of GitHub Actions\' OIDC provider ' +
    '(token.actions.githubusercontent.com) without a condition pinning token.actions.githubusercontent.com:sub to ' +
    'repositories of a named owner (`repo:OWNER/…`): without it, or with `*` or `repo:*`, any GitHub workflow can ' +
    'assume the role. Unknown at plan time: a trust policy, principal, Effect or condition known only after apply (in .tf source a principal written as a resource\'s own ARN (`aws_iam_role.r.arn`), an account id attribute (`data.aws_caller_identity.c.account_id`) or a string with known text before the unknown part (`arn:aws:iam::${…}:root`) is one principal, never anyone). ' +
    'There is no Security Hub control for this check; IAM Access Analyzer reports such roles as shared outside the account.',
  remediation:
    'Name the trusted accounts, roles or services as principals, or keep the wildcard principal only with an ' +
    'aws:PrincipalOrgID (or sts:ExternalId for a third party) condition. For GitHub Actions add a StringLike (or ' +
    'StringEquals) condition on token.actions.githubusercontent.com:sub such as "repo:my-org/my-repo:ref:refs/heads/main" ' +
    'and one on token.actions.githubusercontent.com:aud = "sts.amazonaws.com".',
  frameworks: { 'PCI DSS 4.0': ['7.2.1'] },
  tags: ['iam', 'trust-policy', 'internet-exposure'],
  resourceTypes: ['aws_iam_role'],
  messages: {
    openTrust: 'role {{role}} can be assumed by {{principal}} with no restricting condition ({{statement}})',
    githubOpen: 'role {{role}} trusts GitHub Actions OIDC with {{problem}} ({{statement}})',
    trustUnknown: 'cannot tell whether role {{role}} can be assumed by anyone',
    trustRestricted: 'role {{role}} cannot be assumed by any principal without a restricting condition',
  },
  check(context) {
    for (const site of iamPermissionsOf(context.inventory).documents) {
      if (site.kind !== 'trust') continue;
      const role = site.resource.address;
      const document = site.document;
      if (isUnknown(document)) {
        context.unknown({ resource: site.resource, path: site.path, messageId: 'trustUnknown', data: { role }, reason: document });
        continue;
      }
      let failed = false;
      let doubt: Unknown | undefined = document.unknown;
      for (const statement of document.statements) {
        const assumes = assumeAnswer(statement);
        if (assumes === false) continue;
        if (isUnknown(assumes)) {
          doubt ??= assumes;
          continue;
        }
        const label = statementLabel(statement);
        const anyone = admitsAnyone(statement);
        if (isUnknown(anyone)) doubt ??= anyone;
        else if (anyone !== false) {
          const restriction = restrictingCondition(statement);
          if (isUnknown(restriction)) doubt ??= restriction;
          else if (restriction === undefined) {
            failed = true;
            context.fail({
              resource: site.resource,
              path: site.path,
              element: `${label} ${anyone.principal}`,
              messageId: 'openTrust',
              data: { role, principal: anyone.principal, statement: label },
              evidence: [{ path: site.path, value: anyone.principal, note: `${label}: no condition on the caller's organisation, account, source or external id` }],
            });
          }
        }
        if (trustsGithubOidc(statement)) {
          const pinned = githubSubjectRestriction(statement);
          if (isUnknown(pinned)) doubt ??= pinned;
          else if ('problem' in pinned) {
            failed = true;
            context.fail({
              resource: site.resource,
              path: site.path,
              element: `${label} github-oidc`,
              messageId: 'githubOpen',
              data: { role, problem: pinned.problem, statement: label },
              evidence: [{ path: site.path, value: 'token.actions.githubusercontent.com', note: pinned.problem }],
            });
          }
        }
      }
      if (failed) continue;
      if (doubt) context.unknown({ resource: site.resource, path: site.path, messageId: 'trustUnknown', data: { role }, reason: doubt });
      else context.pass({ resource: site.resource, messageId: 'trustRestricted', data: { role } });
    }
  },
});

/** Whether an Allow statement grants one of the assume actions (Unknown when its effect or actions are not known). */
function assumeAnswer(statement: Statement): boolean | Unknown {
  const allow = isAllow(statement);
  if (allow === false) return false;
  let doubt: Unknown | undefined = isUnknown(allow) ? allow : undefined;
  for (const action of ASSUME_ACTIONS) {
    const covers = coversAction(statement, action);
    if (covers === true) return doubt ?? true;
    if (isUnknown(covers)) doubt ??= covers;
  }
  return doubt ?? false;
}
