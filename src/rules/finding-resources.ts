import type { Resource } from '../model/resource.js';
import { displayName } from './display-name.js';
import type { FindingResource } from './finding.js';
import type { Redactor } from './redaction.js';

/** A resource's name and (redacted) address, worked out once per run. */
interface Names {
  name: string;
  address: string;
}

/**
 * The resource as findings and pass records name it. Every policy reports on the same resources
 * (a large plan: 64 policies × 50k resources), so the display name and the redacted address are
 * worked out once per resource and run; each record still gets an object of its own.
 */
export class FindingResources {
  readonly #names = new Map<Resource, Names>();

  constructor(private readonly redactor: Redactor | undefined) {}

  of(resource: Resource): FindingResource {
    let names = this.#names.get(resource);
    if (!names) {
      names = { name: displayName(resource), address: this.redactor ? this.redactor.address(resource.address) : resource.address };
      this.#names.set(resource, names);
    }
    const { type, source, input } = resource;
    return { type, address: names.address, name: names.name, source, input };
  }
}
