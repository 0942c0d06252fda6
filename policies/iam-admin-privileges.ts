import {
  IAM_PERMISSION_TYPES,
  awsManagedDocument,
  both,
  coversEveryResource,
  definePolicy,
  globToRegExp,
  grantsEveryAction,
  iamPermissionsOf,
  isAllow,
  isUnknown,
  statementLabel,
  type Attachment,
  type DocumentSite,
  type IdentityRef,
  type Unknown,
} from '../src/api.js';

export interface IamAdminPrivilegesOptions {
  /** Roles meant for break-glass access that may hold full administrative access: globs over the role name, ARN or Terraform address. */
  breakGlassRoles: string[];
}

export const iamAdminPrivileges = definePolicy<IamAdminPrivilegesOptions>({
  id: 'iam-admin-privileges',
  title: 'IAM policy grants full administrative privileges',
  severity: 'high',
  description:
    'A customer-managed policy (aws_iam_policy, attached or not: an unattached one is one attachment away) or an inline ' +
    'policy (aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role inline_policy) has an Allow ' +
    'statement granting every action on every resource; and the AWS-managed AdministratorAccess policy is attached to a ' +
    'user or group (aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment) or to a ' +
    'role (aws_iam_role_policy_attachment, managed_policy_arns). "Every action" is decided against the AWS service ' +
    'authorization reference: `*`, `*:*` or any pattern that covers every action; a NotAction statement counts when it ' +
    'leaves every IAM Permissions management action allowed (whoever keeps iam:PutUserPolicy on `*` can grant itself ' +
    'the rest), so NotAction ["s3:*"] fails while PowerUserAccess\'s NotAction ["iam:*", "organizations:*", "account:*"] ' +
    'does not. "Every resource" is `*`, an ARN pattern wildcarded from the service on, or a NotResource. Conditions are ' +
    'not weighed and Deny statements in the same policy do not cancel the grant, as in Security Hub IAM.1. Roles in ' +
    'the breakGlassRoles option pass. Unknown at plan time: a document, its Effect, Action or Resource known only after ' +
    'apply (a document whose Resource is unknown is still judged on its actions: it is unknown only when the actions ' +
    'grant everything; ' +
    'in .tf source a Resource written as a resource\'s own ARN (`aws_s3_bucket.b.arn`, `"${aws_s3_bucket.b.arn}/*"`) is that one resource, never every resource), and an attached policy ARN that is neither an AWS-managed ARN nor a policy in the input. ' +
    'Unlike Security Hub IAM.1, which checks attached customer-managed policies only, inline policies and unattached ' +
    'customer-managed policies are checked too.',
  remediation:
    'Grant the actions and resources the identity needs instead of "*" on "*" (start from IAM Access Analyzer\'s ' +
    'generated policy or the AWS-managed job-function policies). Keep full access for a named break-glass role with ' +
    'strong controls on who may assume it, and list it in the breakGlassRoles option.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['1.16'],
    'AWS Foundational Security Best Practices': ['IAM.1'],
    'PCI DSS 4.0': ['7.2.1', '7.2.2'],
  },
  tags: ['iam', 'least-privilege'],
  resourceTypes: [...IAM_PERMISSION_TYPES],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { breakGlassRoles: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
    },
    defaults: { breakGlassRoles: [] },
  },
  messages: {
    adminStatement: '{{site}} allows every action on every resource ({{statement}}: {{how}})',
    adminUnknown: 'cannot tell whether {{site}} allows every action on every resource',
    adminAttached: 'AdministratorAccess is attached to {{identity}}',
    attachmentUnknown: 'cannot tell which policy {{site}} attaches to {{identity}}',
    breakGlass: '{{site}} grants full access to {{identity}}, an allow-listed break-glass role',
    noAdmin: '{{site}} does not allow every action on every resource',
  },
  check(context) {
    const { inventory, options } = context;
    const breakGlass = options.breakGlassRoles.map((glob) => globToRegExp(glob));
    const allowListed = (identity: IdentityRef | undefined): boolean | Unknown => {
      if (identity?.kind !== 'role' || breakGlass.length === 0) return false;
      const names = [identity.resource?.address, typeof identity.name === 'string' ? identity.name : undefined, identity.resource?.values['arn']];
      if (names.some((name) => typeof name === 'string' && breakGlass.some((re) => re.test(name)))) return true;
      return isUnknown(identity.name) ? identity.name : false;
    };

    const iam = iamPermissionsOf(inventory);
    for (const site of iam.documents) {
      if (site.kind === 'trust') continue;
      const label = siteLabel(site);
      if (isUnknown(site.document)) {
        context.unknown({ resource: site.resource, path: site.path, element: site.path, messageId: 'adminUnknown', data: { site: label }, reason: site.document });
        continue;
      }
      let failed = false;
      let doubt: Unknown | undefined;
      for (const statement of site.document.statements) {
        const full = grantsEveryAction(statement);
        if (full === false) continue;
        const answer = both(isAllow(statement), isUnknown(full) ? full : true, coversEveryResource(statement));
        if (answer === false) continue;
        if (isUnknown(answer)) {
          doubt ??= answer;
          continue;
        }
        if (isUnknown(full)) continue;
        const listed = allowListed(site.identity);
        const how = full.how === 'Action' ? `Action ${full.patterns.join(', ')}` : `NotAction ${JSON.stringify(full.patterns)}`;
        if (listed === true) {
          context.pass({ resource: site.resource, element: site.path, messageId: 'breakGlass', data: { site: label, identity: identityLabel(site.identity) } });
        } else if (isUnknown(listed)) {
          context.unknown({ resource: site.resource, path: site.path, element: `${site.path} ${statementLabel(statement)}`, messageId: 'adminUnknown', data: { site: label }, reason: `it grants full access and whether its role is a break-glass role cannot be told: ${listed.reason}` });
        } else {
          context.fail({
            resource: site.resource,
            path: site.path,
            element: `${site.path} ${statementLabel(statement)}`,
            messageId: 'adminStatement',
            data: { site: label, statement: statementLabel(statement), how },
            evidence: [{ path: site.path, value: how, note: `${statementLabel(statement)} with Effect Allow on every resource` }],
          });
        }
        failed = true;
      }
      if (failed) continue;
      doubt ??= site.document.unknown;
      if (doubt) context.unknown({ resource: site.resource, path: site.path, element: site.path, messageId: 'adminUnknown', data: { site: label }, reason: doubt });
      else context.pass({ resource: site.resource, element: site.path, messageId: 'noAdmin', data: { site: label } });
    }

    for (const attachment of iam.attachments) {
      if (attachment.policy) continue; // a customer-managed policy in the input is judged as a document above
      const identity = identityLabel(attachment.identity);
      if (attachment.awsManaged === undefined) {
        if (isUnknown(attachment.policyArn)) {
          context.unknown({ resource: attachment.resource, path: attachment.path, element: attachment.path, messageId: 'attachmentUnknown', data: { site: attachment.resource.address, identity }, reason: attachment.policyArn });
        }
        continue;
      }
      const document = awsManagedDocument(attachment.awsManaged);
      const full = document?.statements.some((s) => s.effect === 'Allow' && grantsEveryAction(s) !== false && coversEveryResource(s) === true);
      if (!full) continue;
      reportAttachment(attachment, identity, allowListed(attachment.identity));
    }

    function reportAttachment(attachment: Attachment, identity: string, listed: boolean | Unknown): void {
      const element = `${attachment.path} ${identity}`;
      if (listed === true) {
        context.pass({ resource: attachment.resource, element, messageId: 'breakGlass', data: { site: attachment.resource.address, identity } });
      } else if (isUnknown(listed)) {
        context.unknown({ resource: attachment.resource, path: attachment.path, element, messageId: 'adminUnknown', data: { site: attachment.resource.address }, reason: `it attaches AdministratorAccess and whether the role is a break-glass role cannot be told: ${listed.reason}` });
      } else {
        context.fail({
          resource: attachment.resource,
          path: attachment.path,
          element,
          messageId: 'adminAttached',
          data: { identity },
          evidence: [{ path: attachment.path, value: String(attachment.policyArn), note: `AWS-managed AdministratorAccess on ${attachment.identity.kind} ${identity}` }],
        });
      }
    }
  },
});

function siteLabel(site: DocumentSite): string {
  return site.kind === 'customer-managed' ? `customer-managed policy ${site.resource.address}` : `inline policy ${site.resource.address}${site.path === 'policy' ? '' : ` ${site.path}`}`;
}

function identityLabel(identity: IdentityRef | undefined): string {
  if (!identity) return '(none)';
  if (typeof identity.name === 'string') return `${identity.kind} ${identity.name}`;
  return identity.resource ? `${identity.kind} ${identity.resource.address}` : `${identity.kind} (name known after apply)`;
}
