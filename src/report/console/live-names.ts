import type { FindingResource } from '../../rules/finding.js';

/**
 * An ARN's resource id as people say it: `sg-0abc…` for `…:security-group/sg-0abc…`, `orders` for
 * `…:db:orders`, the bucket for `arn:aws:s3:::bucket`. Console text names live resources this way and
 * shows each resource's ARN once, in its heading; machine formats keep the full ARNs.
 */
export function arnId(arn: string): string {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return arn;
  const resource = parts.slice(5).join(':');
  const cut = resource.search(/[/:]/);
  return cut === -1 ? resource : resource.slice(cut + 1);
}

/** `orders-db (sg-0d4e…)` when the Name tag says more than the id, else the id. */
export function liveLabel(resource: Pick<FindingResource, 'address' | 'name'>): string {
  const id = arnId(resource.address);
  return resource.name && resource.name !== id ? `${resource.name} (${id})` : id;
}

const ARN = /\barn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:[^\s,;()"'\]]*[^\s,;()"'\].]/g;

/** Text about a live resource with its own ARN as its label and every other ARN as its id. */
export function shortenArns(text: string, resource: Pick<FindingResource, 'address' | 'name'>): string {
  return text.replace(ARN, (arn) => (arn === resource.address ? liveLabel(resource) : arnId(arn)));
}
