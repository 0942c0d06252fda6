import type { TagMap } from '../../../model/resource.js';
import type { Target } from '../target.js';

/** `arn:aws:ec2:eu-west-1:123456789012:security-group/sg-…`; the owner is the item's OwnerId when it names one (shared VPCs). */
export function ec2Arn(target: Target, owner: string | null, kind: string, id: string): string {
  return `arn:${target.partition}:ec2:${target.region}:${owner ?? target.account}:${kind}/${id}`;
}

/** The Name tag when there is one, else the fallback (usually the id). */
export function displayName(tags: TagMap | undefined, fallback: string): string {
  const name = tags?.['Name'];
  return typeof name === 'string' && name !== '' ? name : fallback;
}
