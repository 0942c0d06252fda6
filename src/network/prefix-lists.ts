import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import { isValueObject, listOf, type Value } from '../model/value.js';
import { describeMissing, linksOf } from './links.js';

const PREFIX_LIST_TYPES = ['aws_ec2_managed_prefix_list'] as const;

/** The CIDRs of a managed prefix list, or why they cannot be known. */
export interface PrefixListEntries {
  list?: Resource;
  cidrs: (string | Unknown)[];
}

/** Managed prefix lists with their entries (inline `entry` blocks and `aws_ec2_managed_prefix_list_entry`). */
export class PrefixLists {
  readonly #inventory: Inventory;
  readonly #standalone = new Map<Resource, Resource[]>();

  constructor(inventory: Inventory) {
    this.#inventory = inventory;
    for (const entry of inventory.ofType('aws_ec2_managed_prefix_list_entry')) {
      for (const list of linksOf(inventory, entry, 'prefix_list_id', PREFIX_LIST_TYPES).resources) {
        const entries = this.#standalone.get(list);
        if (entries) entries.push(entry);
        else this.#standalone.set(list, [entry]);
      }
    }
  }

  /** Entries of the prefix list(s) named at `path` of `resource` (`destination_prefix_list_id`, `prefix_list_ids`…). */
  entriesAt(resource: Resource, path: string): PrefixListEntries[] | Unknown {
    const links = linksOf(this.#inventory, resource, path, PREFIX_LIST_TYPES);
    if (links.unknown) return links.unknown;
    if (links.missing.length > 0) return describeMissing('prefix list', links.missing[0]!, resource);
    return links.resources.map((list) => this.entriesOf(list));
  }

  entriesOf(list: Resource): PrefixListEntries {
    const cidrs: (string | Unknown)[] = [];
    const inline = listOf(list.values['entry']);
    const configured = list.configuredAttributes?.includes('entry') ?? true;
    if (isUnknown(inline)) {
      if (configured) cidrs.push(inline);
    } else {
      for (const entry of inline) if (isValueObject(entry)) pushCidr(cidrs, entry['cidr']);
    }
    for (const entry of this.#standalone.get(list) ?? []) pushCidr(cidrs, entry.values['cidr']);
    return { list, cidrs };
  }
}

function pushCidr(out: (string | Unknown)[], value: Value | undefined): void {
  if (isUnknown(value)) out.push(value);
  else if (typeof value === 'string' && value !== '') out.push(value);
}
