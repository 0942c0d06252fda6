import { IAM_PERMISSION_TYPES, allowsOnEveryResource, coversEveryResource, awsManagedDocument, definePolicy, grantsEveryAction, iamPermissionsOf, isUnknown, statementLabel, type PolicyDocument, type Resource, type Unknown } from '../src/api.js';

/** One documented escalation path: every action of one of `all`, on every resource. */
interface EscalationPath {
  id: string;
  /** Needs each group: one action of every group (PassRole and one compute create action). */
  groups: string[][];
  why: string;
}

/** Actions that launch compute which runs with a role passed to it. */
const COMPUTE_WITH_ROLE = ['ec2:RunInstances', 'lambda:CreateFunction', 'ecs:RunTask', 'cloudformation:CreateStack', 'glue:CreateDevEndpoint'];

const PATHS: readonly EscalationPath[] = [
  { id: 'pass-role-to-compute', groups: [['iam:PassRole'], COMPUTE_WITH_ROLE], why: 'launch compute that runs with any role, including an administrator role' },
  { id: 'create-policy-version', groups: [['iam:CreatePolicyVersion']], why: 'write a new default version of any customer-managed policy, including its own' },
  { id: 'attach-policy', groups: [['iam:AttachUserPolicy', 'iam:AttachRolePolicy', 'iam:AttachGroupPolicy']], why: 'attach AdministratorAccess to any user, role or group, including itself' },
  { id: 'put-inline-policy', groups: [['iam:PutUserPolicy', 'iam:PutRolePolicy', 'iam:PutGroupPolicy']], why: 'write an inline policy granting anything to any user, role or group, including itself' },
  { id: 'assume-any-role', groups: [['sts:AssumeRole']], why: 'assume any role whose trust policy admits the account' },
];

export const iamPrivilegeEscalation = definePolicy({
  id: 'iam-privilege-escalation',
  title: 'IAM policy allows privilege escalation',
  severity: 'high',
  description:
    'A customer-managed or inline policy, or an AWS-managed policy known by name (IAMFullAccess, PowerUserAccess) attached to an ' +
    'identity, allows one of these escalation paths on every resource (`*`, an ARN pattern wildcarded after the ' +
    'service, or NotResource), each action matched through Action wildcards and NotAction: iam:PassRole together with ' +
    'a compute create action (ec2:RunInstances, lambda:CreateFunction, ecs:RunTask, cloudformation:CreateStack, ' +
    'glue:CreateDevEndpoint); iam:CreatePolicyVersion; iam:AttachUserPolicy/AttachRolePolicy/AttachGroupPolicy; ' +
    'iam:PutUserPolicy/PutRolePolicy/PutGroupPolicy; sts:AssumeRole. An unconditional Deny of the action on every ' +
    'resource in the same policy removes it; conditions on the Allow are not weighed. Each policy is judged alone (a ' +
    'path split across two policies of one identity is not seen). A policy granting every action is reported by ' +
    'iam-admin-privileges and passes here. Unknown at plan time: a document, Effect, Action or Resource known only ' +
    'after apply when it could complete a path (in .tf source a Resource written as a resource\'s own ARN (`aws_s3_bucket.b.arn`, `"${aws_s3_bucket.b.arn}/*"`) is that one resource, never every resource). There is no Security Hub control for this check.',
  remediation:
    'Scope iam:PassRole to the roles the workload hands to its compute (Resource = the role ARNs, with an ' +
    'iam:PassedToService condition), scope IAM write actions to the identities and policies they manage, and list the ' +
    'roles sts:AssumeRole may assume.',
  frameworks: { 'PCI DSS 4.0': ['7.2.1', '7.2.2'] },
  tags: ['iam', 'least-privilege', 'privilege-escalation'],
  resourceTypes: [...IAM_PERMISSION_TYPES],
  messages: {
    escalation: '{{site}} allows {{actions}} on every resource: it can {{why}}',
    escalationUnknown: 'cannot tell whether {{site}} allows a privilege escalation path',
    noEscalation: '{{site}} allows none of the documented privilege escalation paths on every resource',
  },
  check(context) {
    const iam = iamPermissionsOf(context.inventory);
    const judge = (resource: Resource, path: string, site: string, document: PolicyDocument | Unknown, passes: boolean): void => {
      if (isUnknown(document)) {
        context.unknown({ resource, path, element: path, messageId: 'escalationUnknown', data: { site }, reason: document });
        return;
      }
      // Full access is iam-admin-privileges' finding: not reported twice.
      if (document.statements.some((s) => s.effect === 'Allow' && isFullAccess(grantsEveryAction(s)) && coversEveryResource(s) === true)) {
        if (passes) context.pass({ resource, element: path, messageId: 'noEscalation', data: { site } });
        return;
      }
      let found = false;
      let doubt: Unknown | undefined;
      for (const escalation of PATHS) {
        const granted: { action: string; statement: string }[] = [];
        let complete = true;
        for (const group of escalation.groups) {
          let hit: { action: string; statement: string } | undefined;
          for (const action of group) {
            const answer = allowsOnEveryResource(document, action);
            if (isUnknown(answer)) doubt ??= answer;
            else if (answer !== false) {
              hit = { action, statement: statementLabel(answer) };
              break;
            }
          }
          if (!hit) {
            complete = false;
            break;
          }
          granted.push(hit);
        }
        if (!complete) continue;
        found = true;
        const actions = granted.map((g) => g.action).join(' + ');
        context.fail({
          resource,
          path,
          element: `${path} ${escalation.id}`,
          messageId: 'escalation',
          data: { site, actions, why: escalation.why },
          evidence: granted.map((g) => ({ path, value: g.action, note: `allowed on every resource by ${g.statement}` })),
        });
      }
      if (found) return;
      if (doubt) context.unknown({ resource, path, element: path, messageId: 'escalationUnknown', data: { site }, reason: doubt });
      else if (passes) context.pass({ resource, element: path, messageId: 'noEscalation', data: { site } });
    };

    for (const site of iam.documents) {
      if (site.kind === 'trust') continue;
      judge(site.resource, site.path, `${site.kind} policy ${site.resource.address}${site.path === 'policy' ? '' : ` ${site.path}`}`, site.document, true);
    }
    for (const attachment of iam.attachments) {
      if (!attachment.awsManaged) continue;
      const document = awsManagedDocument(attachment.awsManaged);
      if (document) judge(attachment.resource, attachment.path, `AWS-managed ${attachment.awsManaged} attached by ${attachment.resource.address}`, document, false);
    }
  },
});

function isFullAccess(answer: ReturnType<typeof grantsEveryAction>): boolean {
  return answer !== false && !isUnknown(answer);
}
