import { isUnknown, isValueObject, listOf, type Inventory, type Resource, type Value } from '../../src/api.js';

/** Resource types that hold a prefix list's CIDRs: managed lists (resource or data source) and AWS service lists. */
export const PREFIX_LIST_TYPES = ['aws_ec2_managed_prefix_list', 'aws_prefix_list'] as const;
const ENTRY_TYPE = 'aws_ec2_managed_prefix_list_entry';

/** The CIDRs of one prefix list, or why they cannot be known. */
export type PrefixListEntries = { cidrs: string[] } | { unknown: string };

/**
 * Reads prefix lists' entries from one inventory: inline `entry` blocks of a managed list, `entries`
 * of the data source, `cidr_blocks` of an AWS service list, plus standalone
 * `aws_ec2_managed_prefix_list_entry` resources pointing at the list.
 */
export class PrefixListReader {
  readonly #inventory: Inventory;
  #standalone?: Map<Resource, Resource[]>;
  /** Standalone entries whose list cannot be resolved: they may belong to any list whose entries are computed. */
  #unattached: Resource[] = [];

  constructor(inventory: Inventory) {
    this.#inventory = inventory;
  }

  entriesOf(list: Resource): PrefixListEntries {
    const cidrs: string[] = [];
    const inline = list.type === 'aws_prefix_list' ? list.values['cidr_blocks'] : (list.values['entry'] ?? list.values['entries']);
    const written = list.configuredAttributes === undefined || list.configuredAttributes.includes('entry');
    const items = listOf(inline);
    const standalone = this.#standaloneEntries().get(list) ?? [];
    if (isUnknown(items)) {
      // An `entry` the configuration does not set is filled in by the provider from standalone entries.
      if (written || list.mode === 'data') return { unknown: `the entries of prefix list ${list.address} are known only after apply` };
      const stray = this.#unattached[0];
      if (stray) return { unknown: `${stray.address} may add an entry to prefix list ${list.address} (its prefix_list_id cannot be resolved)` };
    } else {
      for (const item of items) {
        const cidr = isValueObject(item) ? item['cidr'] : item;
        if (typeof cidr === 'string') cidrs.push(cidr);
        else if (isUnknown(cidr)) return { unknown: `an entry of prefix list ${list.address} is known only after apply` };
      }
    }
    for (const entry of standalone) {
      const cidr: Value | undefined = entry.values['cidr'];
      if (typeof cidr === 'string') cidrs.push(cidr);
      else if (isUnknown(cidr)) return { unknown: `${entry.address}.cidr is known only after apply` };
    }
    return { cidrs };
  }

  #standaloneEntries(): Map<Resource, Resource[]> {
    if (this.#standalone) return this.#standalone;
    const byList = new Map<Resource, Resource[]>();
    for (const entry of this.#inventory.ofType(ENTRY_TYPE)) {
      const lists = this.#inventory.resolve(entry, 'prefix_list_id', ['aws_ec2_managed_prefix_list']);
      if (isUnknown(lists)) {
        this.#unattached.push(entry);
        continue;
      }
      for (const list of lists) {
        const known = byList.get(list);
        if (known) known.push(entry);
        else byList.set(list, [entry]);
      }
    }
    this.#standalone = byList;
    return byList;
  }
}
