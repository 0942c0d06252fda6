import type { Resource } from '../model/resource.js';
import { displayName } from './display-name.js';
import type { FindingResource } from './finding.js';
import type { Redactor } from './redaction.js';

/**
 * The resource as findings and pass records name it. Every policy reports on the same resources
 * (a large plan: 64 policies × 50k resources, 137k records), so the display name and the redacted
 * address are worked out once per resource and run, and the records of one resource share one
 * frozen object: a reporter that wants another name copies it, as merged reports do.
 */
export class FindingResources {
  readonly #named = new Map<Resource, Readonly<FindingResource>>();

  constructor(private readonly redactor: Redactor | undefined) {}

  of(resource: Resource): FindingResource {
    let named = this.#named.get(resource);
    if (!named) {
      const { type, source, input } = resource;
      const address = this.redactor ? this.redactor.resourceAddress(resource) : resource.address;
      named = Object.freeze({ type, address, name: displayName(resource), source, input });
      this.#named.set(resource, named);
    }
    return named;
  }
}
