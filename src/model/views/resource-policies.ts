import type { Inventory } from '../inventory.js';
import type { Resource } from '../resource.js';
import { isUnknown, type Unknown } from '../unknown.js';
import { parsePolicyDocument } from '../policy-document/parse-policy-document.js';
import type { PolicyDocument } from '../policy-document/policy-document.js';

/** A Terraform attribute that holds a resource policy document, and what the document protects. */
export interface ResourcePolicyKind {
  type: string;
  path: string;
  /** What the policy protects, for messages: `bucket`, `key`, `queue`… */
  target: string;
  /** True for the optional inline attribute of a resource that AWS also computes (`aws_sqs_queue.policy`). */
  computed?: boolean;
}

/**
 * Every resource type whose policy document admits principals of other accounts, one row per attribute.
 * Bucket policies are not here: the bucket view (`inventory.buckets`, `bucket.policy`) pairs them with
 * their bucket, whose public access blocks decide whether they take effect.
 */
export const RESOURCE_POLICY_KINDS: readonly ResourcePolicyKind[] = [
  { type: 'aws_kms_key', path: 'policy', target: 'key', computed: true },
  { type: 'aws_sqs_queue_policy', path: 'policy', target: 'queue' },
  { type: 'aws_sqs_queue', path: 'policy', target: 'queue', computed: true },
  { type: 'aws_sns_topic_policy', path: 'policy', target: 'topic' },
  { type: 'aws_sns_topic', path: 'policy', target: 'topic', computed: true },
  { type: 'aws_ecr_repository_policy', path: 'policy', target: 'repository' },
  { type: 'aws_secretsmanager_secret_policy', path: 'policy', target: 'secret' },
];

export const RESOURCE_POLICY_TYPES: readonly string[] = [...new Set(RESOURCE_POLICY_KINDS.map((kind) => kind.type))];

/** One resource policy found in the inventory, parsed. */
export interface ResourcePolicySite {
  resource: Resource;
  path: string;
  kind: ResourcePolicyKind;
  document: PolicyDocument | Unknown;
}

/**
 * The resource policies of an inventory, each parsed once. A computed inline attribute that the
 * configuration does not write (a plan's `aws_sqs_queue.policy` known after apply) says nothing: the
 * policy, if any, comes from the separate policy resource, so it is left out rather than made unknown.
 * A plan without its `configuration` block records no written attributes: as in the IAM view, an
 * unknown computed attribute there is read as not written (real plans always carry the block).
 */
export function resourcePoliciesOf(inventory: Inventory): ResourcePolicySite[] {
  const sites: ResourcePolicySite[] = [];
  for (const kind of RESOURCE_POLICY_KINDS) {
    for (const resource of inventory.ofType(kind.type)) {
      const raw = resource.values[kind.path];
      if (raw === undefined || raw === null || raw === '') continue;
      if (kind.computed && isUnknown(raw) && !writes(resource, kind.path)) continue;
      sites.push({ resource, path: kind.path, kind, document: parsePolicyDocument(raw, `${resource.address} ${kind.path}`) });
    }
  }
  return sites;
}

/** Whether the configuration writes the attribute; sources that do not record it are taken to write all but a plan's computed values. */
function writes(resource: Resource, path: string): boolean {
  if (resource.configuredAttributes) return resource.configuredAttributes.includes(path);
  return resource.source !== 'plan';
}
