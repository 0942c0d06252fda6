import { IAM_PERMISSION_TYPES, accessLevelsOf, both, coversEveryResource, definePolicy, iamPermissionsOf, isAllow, isKnownService, isUnknown, statementLabel, type Unknown } from '../src/api.js';

/** `s3:*`: a literal service prefix and an action part that is a lone `*`. */
const SERVICE_WILDCARD = /^([a-z0-9-]+):\*+$/i;

export const iamWildcardActions = definePolicy({
  id: 'iam-wildcard-actions',
  title: 'Customer-managed IAM policy allows every action of a service',
  severity: 'medium',
  description:
    'A customer-managed policy (aws_iam_policy; live: each local managed policy\'s default version) has an Allow ' +
    'statement whose Action includes `service:*` (every action of one service, e.g. `s3:*`, `iam:*`) on every ' +
    'resource (`*`, an ARN pattern wildcarded from the service on, or a NotResource). Wildcards inside an action name ' +
    'are resolved against the AWS service authorization reference and pass: `s3:Get*` is a set of read actions. A ' +
    'bare `*` or `*:*` is full access and is reported by iam-admin-privileges, not here; a service prefix that does not ' +
    'exist grants nothing and passes. Unknown at plan time: a policy document, Effect, Action or Resource known only ' +
    'after apply when it could be such a grant (in .tf source a Resource written as a resource\'s own ARN (`aws_s3_bucket.b.arn`, `"${aws_s3_bucket.b.arn}/*"`) is that one resource, never every resource). As Security Hub IAM.21, inline policies are not checked, and ' +
    'conditions are not weighed.',
  remediation:
    'List the actions the workload calls (IAM Access Analyzer can generate them from CloudTrail) instead of `service:*`, ' +
    'or narrow the statement to the resources it needs.',
  frameworks: { 'AWS Foundational Security Best Practices': ['IAM.21'], 'PCI DSS 4.0': ['7.2.1'] },
  tags: ['iam', 'least-privilege'],
  resourceTypes: [...IAM_PERMISSION_TYPES],
  messages: {
    serviceWildcard: '{{policy}} allows {{action}} on every resource ({{statement}}; {{levels}})',
    wildcardUnknown: 'cannot tell whether {{policy}} allows every action of a service on every resource',
    noServiceWildcard: '{{policy}} allows no service:* on every resource',
  },
  check(context) {
    for (const site of iamPermissionsOf(context.inventory).documents) {
      if (site.kind !== 'customer-managed') continue;
      const policy = site.resource.address;
      if (isUnknown(site.document)) {
        context.unknown({ resource: site.resource, path: site.path, messageId: 'wildcardUnknown', data: { policy }, reason: site.document });
        continue;
      }
      let failed = false;
      let doubt: Unknown | undefined = site.document.unknown;
      for (const statement of site.document.statements) {
        const wildcards = (statement.action?.known ?? []).filter((a) => SERVICE_WILDCARD.test(a) && isKnownService(a.split(':')[0]!));
        if (wildcards.length === 0) {
          if (statement.action?.unknown && isAllow(statement) !== false && coversEveryResource(statement) !== false) doubt ??= statement.action.unknown;
          continue;
        }
        const answer = both(isAllow(statement), coversEveryResource(statement));
        if (isUnknown(answer)) doubt ??= answer;
        if (answer !== true) continue;
        for (const action of wildcards) {
          failed = true;
          const levels = [...accessLevelsOf(action)].join(', ');
          context.fail({
            resource: site.resource,
            path: site.path,
            element: `${statementLabel(statement)} ${action}`,
            messageId: 'serviceWildcard',
            data: { policy, action, statement: statementLabel(statement), levels: levels || 'no actions' },
            evidence: [{ path: site.path, value: action, note: `${statementLabel(statement)}: Allow ${action} on every resource (${levels})` }],
          });
        }
      }
      if (failed) continue;
      if (doubt) context.unknown({ resource: site.resource, path: site.path, messageId: 'wildcardUnknown', data: { policy }, reason: doubt });
      else context.pass({ resource: site.resource, messageId: 'noServiceWildcard', data: { policy } });
    }
  },
});
