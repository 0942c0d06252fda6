import type { Resource } from '../../src/model/resource.js';
import type { ValueObject } from '../../src/model/value.js';
import { AddressSet } from '../../src/network/address-set.js';
import { cidrSet, formatBlock, parseCidr } from '../../src/network/cidr.js';

/** A minimal plan resource for unit tests of the network model. */
export function resource(type: string, name: string, values: ValueObject = {}, extra: Partial<Resource> = {}): Resource {
  return { type, address: `${type}.${name}`, name, mode: 'managed', modulePath: '', values, tags: undefined, source: 'plan', input: 'test.json', references: {}, raw: {}, ...extra };
}

export function cidrs(...texts: string[]): AddressSet {
  return AddressSet.unionAll(parseCidr(texts[0]!)!.family, texts.map((t) => cidrSet(parseCidr(t)!)));
}

export function blocks(set: AddressSet): string[] {
  return set.blocks().map(formatBlock);
}
