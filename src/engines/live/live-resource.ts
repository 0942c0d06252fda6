import type { Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/unknown.js';
import type { ValueObject } from '../../model/value.js';
import { apiPathOf } from './api-paths.js';
import type { LiveDraft } from './descriptor.js';
import { targetKey, type Target } from './target.js';

/** A descriptor's draft → an Inventory resource of source `live`, located by account, region and ARN. */
export function toLiveResource(draft: LiveDraft, target: Target): Resource {
  const values: ValueObject = { id: draft.id, ...(draft.arn ? { arn: draft.arn } : {}), ...draft.values };
  if (draft.tags !== undefined) {
    values['tags'] = isUnknown(draft.tags) ? draft.tags : { ...draft.tags };
    values['tags_all'] = values['tags'];
  }
  const address = draft.address ?? draft.arn ?? draft.id;
  return {
    type: draft.type,
    address,
    name: draft.name,
    mode: draft.mode ?? 'managed',
    modulePath: '',
    values,
    tags: draft.tags,
    source: 'live',
    input: targetKey(target),
    location: { kind: 'cloud', account: target.account, region: target.region, arn: draft.arn ?? draft.locationArn ?? address },
    references: {},
    apiPath: (path) => apiPathOf(draft.type, path, draft.raw),
    raw: draft.raw,
  };
}
