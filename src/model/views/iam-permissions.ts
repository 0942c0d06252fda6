import type { Inventory } from '../inventory.js';
import { AWS_MANAGED_POLICIES, awsManagedPolicyName } from '../policy-document/aws-managed-policies.js';
import { parsePolicyDocument } from '../policy-document/parse-policy-document.js';
import type { PolicyDocument } from '../policy-document/policy-document.js';
import type { Resource } from '../resource.js';
import { Unknown, isUnknown } from '../unknown.js';
import { isValueObject, listOf, valueAt, type Value } from '../value.js';

export type IdentityKind = 'role' | 'user' | 'group';

/** An IAM role, user or group an attachment or inline policy names: its resource when in the input, else its name. */
export interface IdentityRef {
  kind: IdentityKind;
  /** The identity's name (`name` of the role/user/group), Unknown when known only after apply. */
  name: string | Unknown;
  resource?: Resource;
}

/**
 * A permissions document where it is written: a customer-managed policy (`aws_iam_policy.policy`),
 * an inline policy (`aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`,
 * `aws_iam_role.inline_policy`), or a role's trust policy (`assume_role_policy`).
 */
export interface DocumentSite {
  resource: Resource;
  /** Attribute path of the document inside the resource (`policy`, `inline_policy.0.policy`). */
  path: string;
  kind: 'customer-managed' | 'inline' | 'trust';
  document: PolicyDocument | Unknown;
  /** The identity an inline or trust policy belongs to. */
  identity?: IdentityRef;
}

/** A managed policy attached to an identity, by whichever Terraform shape (or live record) says so. */
export interface Attachment {
  /** The resource that makes the attachment (the attachment resource, or the role for `managed_policy_arns`). */
  resource: Resource;
  path: string;
  identity: IdentityRef;
  /** The policy ARN, Unknown when known only after apply. */
  policyArn: string | Unknown;
  /** An AWS-managed policy's name (`AdministratorAccess`), when the ARN is one. */
  awsManaged?: string;
  /** The customer-managed policy in the input the ARN (or reference) points at. */
  policy?: Resource;
}

export interface IamPermissions {
  documents: DocumentSite[];
  attachments: Attachment[];
}

const ROLE = ['aws_iam_role'];
const USER = ['aws_iam_user'];
const GROUP = ['aws_iam_group'];
const TYPES_BY_KIND: Record<IdentityKind, string[]> = { role: ROLE, user: USER, group: GROUP };

/** The Terraform types the IAM view reads: policies over it declare these as their `resourceTypes`. */
export const IAM_PERMISSION_TYPES: readonly string[] = [
  'aws_iam_policy',
  'aws_iam_role',
  'aws_iam_user',
  'aws_iam_group',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_iam_role_policy_attachment',
  'aws_iam_user_policy_attachment',
  'aws_iam_group_policy_attachment',
  'aws_iam_policy_attachment',
];

const cache = new WeakMap<Inventory, IamPermissions>();

/** The IAM documents and attachments of an inventory, built once per inventory. */
export function iamPermissionsOf(inventory: Inventory): IamPermissions {
  let found = cache.get(inventory);
  if (!found) {
    found = build(inventory);
    cache.set(inventory, found);
  }
  return found;
}

/** The document of an AWS-managed policy known by name (aws-managed-policies.ts), parsed. */
export function awsManagedDocument(name: string): PolicyDocument | undefined {
  const document = AWS_MANAGED_POLICIES[name];
  if (!document) return undefined;
  const parsed = parsePolicyDocument(JSON.stringify(document));
  return isUnknown(parsed) ? undefined : parsed;
}

function build(inventory: Inventory): IamPermissions {
  const documents: DocumentSite[] = [];
  const attachments: Attachment[] = [];
  // Identities by kind and name: a plan's attachment names its user by a known name while the user's id is not known yet.
  const named = new Map<string, Resource>();
  for (const kind of ['role', 'user', 'group'] as const) {
    for (const resource of inventory.ofType(...TYPES_BY_KIND[kind])) {
      const name = resource.values['name'];
      if (resource.mode === 'managed' && typeof name === 'string') named.set(`${kind}/${name}`, resource);
    }
  }
  const identity = (from: Resource, path: string, kind: IdentityKind): IdentityRef => identityAt(inventory, from, path, kind, named);

  for (const policy of inventory.ofType('aws_iam_policy')) {
    if (policy.mode !== 'managed') continue;
    documents.push({ resource: policy, path: 'policy', kind: 'customer-managed', document: parsePolicyDocument(policy.values['policy'], `${policy.address} policy`) });
  }
  for (const [type, kind, field] of [
    ['aws_iam_role_policy', 'role', 'role'],
    ['aws_iam_user_policy', 'user', 'user'],
    ['aws_iam_group_policy', 'group', 'group'],
  ] as const) {
    for (const inline of inventory.ofType(type)) {
      documents.push({ resource: inline, path: 'policy', kind: 'inline', document: parsePolicyDocument(inline.values['policy'], `${inline.address} policy`), identity: identity(inline, field, kind) });
    }
  }
  for (const role of inventory.ofType('aws_iam_role')) {
    if (role.mode !== 'managed') continue;
    const self: IdentityRef = { kind: 'role', name: nameOf(role), resource: role };
    documents.push({ resource: role, path: 'assume_role_policy', kind: 'trust', document: parsePolicyDocument(role.values['assume_role_policy'], `${role.address} assume_role_policy`), identity: self });
    const inline = configuredList(role, 'inline_policy');
    if (isUnknown(inline)) {
      documents.push({ resource: role, path: 'inline_policy', kind: 'inline', document: inline, identity: self });
    } else {
      inline.forEach((block, index) => {
        const policy = isValueObject(block) ? block['policy'] : undefined;
        if (policy === undefined || policy === null || policy === '') return;
        documents.push({ resource: role, path: `inline_policy.${String(index)}.policy`, kind: 'inline', document: parsePolicyDocument(policy, `${role.address} inline_policy`), identity: self });
      });
    }
    const arns = configuredList(role, 'managed_policy_arns');
    if (isUnknown(arns)) attachments.push(attachment(inventory, role, 'managed_policy_arns', self, arns));
    else arns.forEach((arn, index) => attachments.push(attachment(inventory, role, `managed_policy_arns.${String(index)}`, self, arn)));
  }
  for (const [type, kind, field] of [
    ['aws_iam_role_policy_attachment', 'role', 'role'],
    ['aws_iam_user_policy_attachment', 'user', 'user'],
    ['aws_iam_group_policy_attachment', 'group', 'group'],
  ] as const) {
    for (const link of inventory.ofType(type)) attachments.push(attachment(inventory, link, 'policy_arn', identity(link, field, kind), link.values['policy_arn']));
  }
  for (const link of inventory.ofType('aws_iam_policy_attachment')) {
    for (const [field, kind] of [
      ['users', 'user'],
      ['roles', 'role'],
      ['groups', 'group'],
    ] as const) {
      const names = listOf(link.values[field]);
      if (isUnknown(names)) {
        attachments.push(attachment(inventory, link, 'policy_arn', { kind, name: names }, link.values['policy_arn']));
        continue;
      }
      names.forEach((_, index) => attachments.push(attachment(inventory, link, 'policy_arn', identity(link, `${field}.${String(index)}`, kind), link.values['policy_arn'])));
    }
  }
  return { documents, attachments };
}

/**
 * `inline_policy` / `managed_policy_arns` of a role: optional and computed, so a plan shows them known
 * only after apply whenever the configuration leaves them out. Unknown counts only when the plan's
 * configuration sets them (or, in source, when the expression is unknown).
 */
function configuredList(resource: Resource, name: string): Value[] | Unknown {
  const value = listOf(resource.values[name]);
  if (isUnknown(value) && resource.source === 'plan' && !resource.configuredAttributes?.includes(name)) return [];
  return value;
}

function attachment(inventory: Inventory, from: Resource, path: string, identity: IdentityRef, arn: Value | undefined): Attachment {
  const policyArn: string | Unknown = typeof arn === 'string' ? arn : isUnknown(arn) ? arn : new Unknown(`${from.address}.${path} is not set`);
  const out: Attachment = { resource: from, path, identity, policyArn };
  if (typeof policyArn === 'string') {
    const managed = awsManagedPolicyName(policyArn);
    if (managed) out.awsManaged = managed;
  }
  if (!out.awsManaged) {
    const target = inventory.resolve(from, path, ['aws_iam_policy']);
    if (!isUnknown(target) && target[0]) out.policy = target[0];
  }
  return out;
}

function identityAt(inventory: Inventory, from: Resource, path: string, kind: IdentityKind, named: ReadonlyMap<string, Resource>): IdentityRef {
  const value = valueAt(from.values, path);
  const found = inventory.resolve(from, path, TYPES_BY_KIND[kind]);
  const resource = (isUnknown(found) ? undefined : found[0]) ?? (typeof value === 'string' ? named.get(`${kind}/${value}`) : undefined);
  if (resource) return { kind, name: typeof value === 'string' ? value : nameOf(resource), resource };
  if (typeof value === 'string') return { kind, name: value };
  return { kind, name: isUnknown(value) ? value : new Unknown(`${from.address}.${path} is not set`) };
}

function nameOf(resource: Resource): string | Unknown {
  const name = resource.values['name'];
  if (typeof name === 'string' && name !== '') return name;
  return isUnknown(name) ? name : new Unknown(`${resource.address} has no name until apply (name_prefix or generated)`);
}
