import { groupAttachments, isUnknown, textPattern, type Inventory, type Resource, type TextPattern } from '../../src/api.js';

/** Types that hold data: a group attached to one guards a database or cache tier. */
export const DATA_STORE_TYPES = [
  'aws_db_instance', 'aws_rds_cluster', 'aws_elasticache_cluster', 'aws_elasticache_replication_group', 'aws_redshift_cluster',
  'aws_docdb_cluster', 'aws_neptune_cluster',
];

/** Live interfaces AWS creates for a data store carry its name in their description. */
const DATA_STORE_INTERFACE = /^(RDSNetworkInterface|ElastiCache|Amazon Redshift|DocumentDB|Neptune)/;

export interface TierOptions {
  tierTag: string;
  internalTiers: string[];
  namePattern: string | null;
}

/** Why a group guards an internal tier, or undefined when nothing says it does. */
export type TierReason = string | undefined;

/** Decides, once per inventory, which groups guard an internal tier: by attachment first, then by tag or name. */
export class InternalTiers {
  readonly #attached = new Map<Resource, Resource>();
  readonly #tiers: Set<string>;
  readonly #pattern: TextPattern | undefined;

  constructor(
    inventory: Inventory,
    private readonly options: TierOptions,
  ) {
    for (const [group, resources] of groupAttachments(inventory).byGroup) {
      // The data store itself names the tier better than the interface AWS made for it.
      const store = resources.find((r) => DATA_STORE_TYPES.includes(r.type)) ?? resources.find(isDataStore);
      if (store) this.#attached.set(group, store);
    }
    this.#tiers = new Set(options.internalTiers.map((t) => t.toLowerCase()));
    this.#pattern = options.namePattern ? textPattern(options.namePattern, { ignoreCase: true }) : undefined;
  }

  reasonFor(group: Resource): TierReason {
    const store = this.#attached.get(group);
    if (store) return `it guards ${store.type === 'aws_network_interface' ? `the data store interface ${store.address}` : store.address}`;
    const tags = group.tags && !isUnknown(group.tags) ? group.tags : {};
    const tier = tags[this.options.tierTag];
    if (typeof tier === 'string' && this.#tiers.has(tier.toLowerCase())) return `it is tagged ${this.options.tierTag}=${tier}`;
    if (this.#pattern) {
      const names = [group.values['name'], tags['Name']].filter((n): n is string => typeof n === 'string');
      const named = names.find((n) => this.#pattern!.test(n));
      if (named !== undefined) return `its name ${named} matches ${this.options.namePattern}`;
    }
    return undefined;
  }
}

function isDataStore(resource: Resource): boolean {
  if (DATA_STORE_TYPES.includes(resource.type)) return true;
  const description = resource.values['description'];
  return resource.type === 'aws_network_interface' && typeof description === 'string' && DATA_STORE_INTERFACE.test(description);
}
