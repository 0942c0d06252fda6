import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import { isValueObject, listOf, type Value } from '../model/value.js';
import { describeMissing, linksOf } from './links.js';

/** Resource types that hold a prefix list's CIDRs: managed lists (resource or data source) and AWS service lists (data source). */
export const PREFIX_LIST_TYPES = ['aws_ec2_managed_prefix_list', 'aws_prefix_list'] as const;
const ENTRY_TYPE = 'aws_ec2_managed_prefix_list_entry';

/** The CIDRs of a prefix list; an Unknown stands for entries that cannot be known. */
export interface PrefixListEntries {
  list?: Resource;
  cidrs: (string | Unknown)[];
}

/**
 * The one prefix-list reader, for sg-open-ingress and the reachability model: inline `entry` blocks of
 * a managed list, `entries` of its data source, `cidr_blocks` of an AWS service list, plus standalone
 * `aws_ec2_managed_prefix_list_entry` resources pointing at the list.
 */
export class PrefixLists {
  readonly #inventory: Inventory;
  readonly #standalone = new Map<Resource, Resource[]>();
  /** Standalone entries whose list cannot be resolved: they may belong to any list whose entries are computed. */
  readonly #unattached: Resource[] = [];

  constructor(inventory: Inventory) {
    this.#inventory = inventory;
    for (const entry of inventory.ofType(ENTRY_TYPE)) {
      const links = linksOf(inventory, entry, 'prefix_list_id', PREFIX_LIST_TYPES);
      if (links.unknown) this.#unattached.push(entry);
      for (const list of links.resources) {
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
    const inline = list.type === 'aws_prefix_list' ? list.values['cidr_blocks'] : (list.values['entry'] ?? list.values['entries']);
    const written = list.configuredAttributes?.includes('entry') ?? true;
    const items = listOf(inline);
    if (isUnknown(items)) {
      // An `entry` the configuration does not set is filled in by the provider from standalone entries.
      const stray = this.#unattached[0];
      if (written || list.mode === 'data') cidrs.push(new Unknown(`the entries of prefix list ${list.address} are known only after apply`));
      else if (stray) cidrs.push(new Unknown(`${stray.address} may add an entry to prefix list ${list.address} (its prefix_list_id cannot be resolved)`));
    } else {
      for (const item of items) pushCidr(cidrs, isValueObject(item) ? item['cidr'] : item, `an entry of prefix list ${list.address}`);
    }
    for (const entry of this.#standalone.get(list) ?? []) pushCidr(cidrs, entry.values['cidr'], `${entry.address}.cidr`);
    return { list, cidrs };
  }
}

function pushCidr(out: (string | Unknown)[], value: Value | undefined, what: string): void {
  if (isUnknown(value)) out.push(new Unknown(`${what} is known only after apply`));
  else if (typeof value === 'string' && value !== '') out.push(value);
}
