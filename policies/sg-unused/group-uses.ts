import { groupAttachments, isUnknown, type Inventory, type Resource, type Unknown } from '../../src/api.js';
import { RULE_TYPES } from '../sg-shared/group-names.js';

const GROUP_TYPES = ['aws_security_group', 'aws_default_security_group'];
const NONE: readonly string[] = [];
/** A group's own rules and the groups themselves: their references to a group are no use of it. */
const NOT_USERS = new Set([...RULE_TYPES, ...GROUP_TYPES]);

/** Who uses each group, and the uses that cannot be told (a list of groups known only after apply). */
export interface GroupUses {
  /** In first-use order (a Set keeps insertion order; no list copy per group, where only the first few are named). */
  users: Map<Resource, ReadonlySet<Resource>>;
  doubts: { resource: Resource; why: Unknown }[];
}

/**
 * Every use of every group, found in one pass over the inventory: attachments (instances, interfaces,
 * load balancers, databases …), rules of *other* groups naming it as a peer (by id, or by the
 * reference edge a plan or .tf records), and any other resource's reference to it. A group's own
 * rules (`security_group_id`) and its references to itself are not uses.
 */
export function groupUses(inventory: Inventory): GroupUses {
  const attachments = groupAttachments(inventory);
  // Sets (a group shared by thousands of instances made a list's `includes` quadratic).
  const usedBy = new Map<Resource, Set<Resource>>();
  const use = (group: Resource, by: Resource): void => {
    const set = usedBy.get(group);
    if (set) set.add(by);
    else usedBy.set(group, new Set<Resource>().add(by));
  };
  for (const [group, attached] of attachments.byGroup) for (const by of attached) use(group, by);
  const doubts = [...attachments.doubts];

  for (const owner of inventory.securityGroups) {
    for (const rule of owner.rules) {
      const refs = rule.securityGroupRefs;
      const path = rule.attributes.securityGroupRefs;
      const edges = path ? (rule.origin.references[path] ?? NONE) : NONE;
      // Most rules name CIDRs only: no peer to find, so none of the bookkeeping below.
      if (edges.length === 0 && !isUnknown(refs) && refs.length === 0) continue;
      const peers = new Set<Resource>();
      for (const address of edges) {
        const peer = inventory.byAddress(address);
        if (peer && GROUP_TYPES.includes(peer.type)) peers.add(peer);
      }
      if (isUnknown(refs)) {
        if (peers.size === 0) doubts.push({ resource: rule.origin, why: refs });
      } else {
        for (const ref of refs) {
          if (isUnknown(ref)) {
            if (peers.size === 0) doubts.push({ resource: rule.origin, why: ref });
            continue;
          }
          const found = inventory.resolveId(ref, GROUP_TYPES);
          if (!isUnknown(found)) for (const peer of found) peers.add(peer);
        }
      }
      for (const peer of peers) if (peer !== owner.resource) use(peer, rule.origin);
    }
  }

  // Anything else that names a group (a launch template's interfaces, an endpoint, a module's input).
  // Every resource of the input passes here: a loop over the keys, not a fresh Object.values list for each.
  for (const resource of inventory.resources) {
    if (NOT_USERS.has(resource.type)) continue;
    const references = resource.references;
    for (const path in references) {
      if (!Object.hasOwn(references, path)) continue; // own paths only, as Object.values would give
      for (const address of references[path]!) {
        const group = inventory.byAddress(address);
        if (group && GROUP_TYPES.includes(group.type)) use(group, resource);
      }
    }
  }
  return { users: usedBy, doubts };
}
