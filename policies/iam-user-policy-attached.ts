import { definePolicy, iamPermissionsOf, isUnknown, type Resource } from '../src/api.js';

export const iamUserPolicyAttached = definePolicy({
  id: 'iam-user-policy-attached',
  title: 'IAM user has policies attached directly',
  severity: 'low',
  description:
    'A policy is attached to an IAM user rather than to a group or role: an inline user policy (aws_iam_user_policy), ' +
    'a managed policy attachment (aws_iam_user_policy_attachment), or an aws_iam_policy_attachment whose users list ' +
    'names a user. Live: every user GetAccountAuthorizationDetails lists with an inline or attached managed policy. A ' +
    'user in the input with none passes. Unknown at plan time: the users list of an aws_iam_policy_attachment known ' +
    'only after apply. As Security Hub IAM.2, group membership is the expected way to grant a user permissions.',
  remediation:
    'Create a group for the job function, attach the policies to the group (or let the people assume a role), add the ' +
    'user to it and remove the user\'s own policies.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['1.15'],
    'AWS Foundational Security Best Practices': ['IAM.2'],
    'PCI DSS 4.0': ['7.2.1'],
  },
  tags: ['iam'],
  resourceTypes: ['aws_iam_user', 'aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'],
  messages: {
    inlinePolicy: 'user {{user}} has the inline policy {{policy}}',
    attachedPolicy: 'user {{user}} has {{policy}} attached directly',
    usersUnknown: 'cannot tell which users {{attachment}} attaches {{policy}} to',
    noUserPolicies: 'user {{user}} has no policies attached directly',
  },
  check(context) {
    const iam = iamPermissionsOf(context.inventory);
    const withPolicies = new Set<Resource>();
    const userLabel = (name: unknown, resource: Resource | undefined): string => (typeof name === 'string' ? name : (resource?.address ?? '(name known after apply)'));
    for (const site of iam.documents) {
      if (site.kind !== 'inline' || site.identity?.kind !== 'user') continue;
      if (site.identity.resource) withPolicies.add(site.identity.resource);
      const policy = typeof site.resource.values['name'] === 'string' ? site.resource.values['name'] : site.resource.address;
      const user = userLabel(site.identity.name, site.identity.resource);
      context.fail({ resource: site.resource, path: 'user', element: `inline ${user}`, messageId: 'inlinePolicy', data: { user, policy }, evidence: [{ path: 'user', value: user, note: 'an inline policy on the user itself' }] });
    }
    for (const attachment of iam.attachments) {
      if (attachment.identity.kind !== 'user') continue;
      const policy = typeof attachment.policyArn === 'string' ? attachment.policyArn : (attachment.policy?.address ?? 'a policy');
      if (isUnknown(attachment.identity.name) && !attachment.identity.resource && attachment.resource.type === 'aws_iam_policy_attachment') {
        context.unknown({ resource: attachment.resource, path: 'users', element: 'users', messageId: 'usersUnknown', data: { attachment: attachment.resource.address, policy }, reason: attachment.identity.name });
        continue;
      }
      if (attachment.identity.resource) withPolicies.add(attachment.identity.resource);
      const user = userLabel(attachment.identity.name, attachment.identity.resource);
      context.fail({ resource: attachment.resource, path: attachment.resource.type === 'aws_iam_policy_attachment' ? 'users' : 'user', element: `attached ${user} ${policy}`, messageId: 'attachedPolicy', data: { user, policy }, evidence: [{ path: attachment.path, value: policy, note: `attached to user ${user}` }] });
    }
    for (const user of context.inventory.ofType('aws_iam_user')) {
      if (user.mode !== 'managed' || withPolicies.has(user)) continue;
      context.pass({ resource: user, messageId: 'noUserPolicies', data: { user: typeof user.values['name'] === 'string' ? user.values['name'] : user.address } });
    }
  },
});
