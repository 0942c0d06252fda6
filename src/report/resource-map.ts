import type { FindingResource } from '../rules/finding.js';

/**
 * Groups of findings by resource: input, type and address tell resources apart. Found by address,
 * and only an address that names resources of several inputs or types gets a key of all three, so
 * that no key is built per finding (a large plan has 100k+ findings and passes). `resourceOf`
 * names the resource a group is about (e.g. its first finding's).
 */
export class ResourceMap<G> {
  readonly #byAddress = new Map<string, G>();
  #byResource: Map<string, G> | undefined;
  /** Whether two groups are about resources with one address. */
  sharesAddresses = false;

  constructor(readonly resourceOf: (group: G) => FindingResource) {}

  get(resource: FindingResource): G | undefined {
    const atAddress = this.#byAddress.get(resource.address);
    if (atAddress === undefined || sameResource(this.resourceOf(atAddress), resource)) return atAddress;
    return this.#byResource?.get(resourceKey(resource));
  }

  /** Adds the group of a resource that has none yet (get returned undefined). */
  add(resource: FindingResource, group: G): void {
    if (!this.#byAddress.has(resource.address)) {
      this.#byAddress.set(resource.address, group);
      return;
    }
    this.sharesAddresses = true;
    (this.#byResource ??= new Map()).set(resourceKey(resource), group);
  }
}

function sameResource(a: FindingResource, b: FindingResource): boolean {
  return a.input === b.input && a.type === b.type;
}

function resourceKey({ input, type, address }: FindingResource): string {
  return `${input}\u0000${type}\u0000${address}`;
}
