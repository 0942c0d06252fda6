import { objects, str, strings, tagMap, type AwsObject } from '../aws-object.js';
import type { ValueObject } from '../../../model/value.js';
import type { LiveDraft } from '../descriptor.js';
import type { Target } from '../target.js';

/** The operation IAM is read with, as API call counts and recordings name it. */
export const IAM_AUTHORIZATION_DETAILS_KEY = 'iam:GetAccountAuthorizationDetails';
/** The entity kinds asked for: AWS-managed policies are known by name (model/policy-document/aws-managed-policies.ts). */
export const IAM_ENTITY_FILTER = ['User', 'Role', 'Group', 'LocalManagedPolicy'] as const;
/** The Terraform types the IAM records are mapped onto. */
export const IAM_TYPES: readonly string[] = [
  'aws_iam_role',
  'aws_iam_user',
  'aws_iam_group',
  'aws_iam_policy',
  'aws_iam_user_policy',
  'aws_iam_user_policy_attachment',
  'aws_iam_group_policy',
  'aws_iam_group_policy_attachment',
];

/**
 * GetAccountAuthorizationDetails pages → the account's IAM as Terraform shows it: `aws_iam_role`
 * (`assume_role_policy`, `inline_policy`, `managed_policy_arns`, as the provider reads them into state),
 * `aws_iam_user` and `aws_iam_group` with their inline policies and managed-policy attachments as
 * the separate resources Terraform uses for them, and each customer-managed `aws_iam_policy` with its
 * default version's document. IAM returns documents URL-encoded; they are decoded here.
 */
export function mapAuthorizationDetails(pages: readonly unknown[], target: Target): LiveDraft[] {
  const drafts: LiveDraft[] = [];
  for (const page of pages) {
    for (const role of objects(page, 'RoleDetailList')) drafts.push(...mapRole(role));
    for (const user of objects(page, 'UserDetailList')) drafts.push(...mapIdentity(user, 'user', target));
    for (const group of objects(page, 'GroupDetailList')) drafts.push(...mapIdentity(group, 'group', target));
    for (const policy of objects(page, 'Policies')) {
      const draft = mapPolicy(policy);
      if (draft) drafts.push(draft);
    }
  }
  return drafts;
}

/** A document as IAM returns it (URL-encoded JSON text, or already decoded by a hand-written recording) → JSON text. */
export function documentText(value: unknown): string | null {
  if (typeof value === 'string') {
    if (!value.startsWith('%')) return value;
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return null;
}

function inlinePolicies(item: AwsObject, list: string): { name: string; policy: string; raw: AwsObject }[] {
  return objects(item, list).map((p) => ({ name: str(p, 'PolicyName') ?? '', policy: documentText(p['PolicyDocument']) ?? '', raw: p }));
}

function mapRole(role: AwsObject): LiveDraft[] {
  const name = str(role, 'RoleName');
  if (!name) return [];
  const values: ValueObject = {
    name,
    path: str(role, 'Path'),
    unique_id: str(role, 'RoleId'),
    assume_role_policy: documentText(role['AssumeRolePolicyDocument']),
    inline_policy: inlinePolicies(role, 'RolePolicyList').map(({ name, policy }) => ({ name, policy })),
    managed_policy_arns: strings(role, 'AttachedManagedPolicies', 'PolicyArn'),
    permissions_boundary: str(role['PermissionsBoundary'], 'PermissionsBoundaryArn'),
  };
  return [{ type: 'aws_iam_role', id: name, ...arn(role), name, values, tags: tagMap(role['Tags']), raw: role }];
}

function mapIdentity(item: AwsObject, kind: 'user' | 'group', target: Target): LiveDraft[] {
  const name = str(item, kind === 'user' ? 'UserName' : 'GroupName');
  if (!name) return [];
  const own = arn(item);
  const where = own.arn ?? `arn:${target.partition}:iam::${target.account}:${kind}/${name}`;
  const drafts: LiveDraft[] = [
    {
      type: `aws_iam_${kind}`,
      id: name,
      ...own,
      name,
      values: { name, path: str(item, 'Path'), unique_id: str(item, kind === 'user' ? 'UserId' : 'GroupId') },
      ...(kind === 'user' ? { tags: tagMap(item['Tags']) } : {}),
      raw: item,
    },
  ];
  for (const inline of inlinePolicies(item, kind === 'user' ? 'UserPolicyList' : 'GroupPolicyList')) {
    drafts.push({
      type: `aws_iam_${kind}_policy`,
      id: `${name}:${inline.name}`,
      address: `${where}#policy/${inline.name}`,
      locationArn: where,
      name: inline.name,
      values: { [kind]: name, name: inline.name, policy: inline.policy },
      raw: inline.raw,
    });
  }
  for (const attached of objects(item, 'AttachedManagedPolicies')) {
    const policyArn = str(attached, 'PolicyArn');
    if (!policyArn) continue;
    drafts.push({
      type: `aws_iam_${kind}_policy_attachment`,
      id: `${name}/${policyArn}`,
      address: `${where}#attachment/${policyArn}`,
      locationArn: where,
      name: str(attached, 'PolicyName') ?? policyArn,
      values: { [kind]: name, policy_arn: policyArn },
      raw: attached,
    });
  }
  return drafts;
}

function mapPolicy(policy: AwsObject): LiveDraft | undefined {
  const name = str(policy, 'PolicyName');
  const policyArn = str(policy, 'Arn');
  if (!name || !policyArn) return undefined;
  const versions = objects(policy, 'PolicyVersionList');
  const current = versions.find((v) => v['IsDefaultVersion'] === true) ?? versions.find((v) => str(v, 'VersionId') === str(policy, 'DefaultVersionId'));
  return {
    type: 'aws_iam_policy',
    id: policyArn,
    arn: policyArn,
    name,
    values: {
      name,
      path: str(policy, 'Path'),
      policy_id: str(policy, 'PolicyId'),
      policy: documentText(current?.['Document']),
      attachment_count: typeof policy['AttachmentCount'] === 'number' ? policy['AttachmentCount'] : null,
    },
    // GetAccountAuthorizationDetails returns no tags of managed policies: the record carries none (not "no tags").
    raw: policy,
  };
}

function arn(item: AwsObject): { arn?: string } {
  const found = str(item, 'Arn');
  return found ? { arn: found } : {};
}
