import type { Location } from '../model/location.js';
import type { Resource } from '../model/resource.js';

/** The most precise location known: the attribute's (or its closest known parent's), else the resource's. */
export function locate(resource: Resource, path: string | undefined): Location | undefined {
  if (path && resource.attributeLocations) {
    const steps = path.split('.');
    for (let n = steps.length; n > 0; n--) {
      const found = resource.attributeLocations[steps.slice(0, n).join('.')];
      if (found) return found;
    }
  }
  return resource.location;
}
