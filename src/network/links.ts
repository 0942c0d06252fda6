import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import { valueAt } from '../model/value.js';

/** What a reference attribute (one id, or a list of ids) points at. */
export interface Links {
  resources: Resource[];
  /** Known ids that name nothing in the inventory (e.g. a subnet managed elsewhere). */
  missing: readonly string[];
  /** Set when some of the targets cannot be told: an Unknown id with no reference edge. */
  unknown?: Unknown;
}

/** Shared by every result that misses nothing (nearly all): views keep many results to the end of the scan. */
const NO_MISSING: readonly string[] = Object.freeze([]);

/**
 * Follows a reference attribute the way `Inventory.resolve` does — known ids first, then the
 * reference edges the engine recorded — but element by element, so that a list mixing known ids and
 * values known only after apply (`subnet_ids = [aws_subnet.a.id, "subnet-0abc"]`) yields both, and
 * so that an id naming nothing in the inventory is reported rather than dropped.
 */
export function linksOf(inventory: Inventory, resource: Resource, path: string, types: readonly string[]): Links {
  // Written without closures or filter/slice chains: every view calls this for every attachment of every resource.
  const value = valueAt(resource.values, path);

  if (isUnknown(value)) {
    const found = edgeTargets(inventory, resource, path, types);
    return found.length > 0 ? { resources: found, missing: NO_MISSING } : { resources: found, missing: NO_MISSING, unknown: value };
  }
  if (value === undefined || value === null || value === '') {
    // Not in the values at all (some plans omit computed attributes): the configuration may still say.
    return { resources: edgeTargets(inventory, resource, path, types), missing: NO_MISSING };
  }
  // An empty list attaches nothing, whatever the edges say (an instance's EC2-Classic security_groups): common, so answered at once.
  if (Array.isArray(value) && value.length === 0) return { resources: [], missing: NO_MISSING };
  // The common case, one id that names its target, needs neither a Set nor the edges.
  const single = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  if (typeof single === 'string' && single !== '') {
    const match = inventory.firstWithId(single, types);
    if (match) return { resources: [match], missing: NO_MISSING };
  }
  const items = Array.isArray(value) ? value : [value];
  let needEdges: Unknown | undefined;
  let missing: string[] | undefined;
  const found = new Set<Resource>();
  for (const item of items) {
    if (isUnknown(item)) {
      needEdges ??= item;
    } else if (typeof item === 'string' && item !== '') {
      const match = inventory.firstWithId(item, types);
      if (match) found.add(match);
      else (missing ??= []).push(item);
    }
  }
  let unknown: Unknown | undefined;
  if (needEdges || missing) {
    // A known value that is no id here may still name its target another way (`db_subnet_group_name =
    // aws_db_subnet_group.main.name` is known while the group's id is not): the reference edge says which.
    const fromEdges = edgeTargets(inventory, resource, path, types);
    if (fromEdges.length > 0) {
      for (const r of fromEdges) found.add(r);
      missing = undefined;
    } else if (needEdges) unknown = needEdges;
  }
  const out: Links = { resources: [...found], missing: missing ?? NO_MISSING };
  if (unknown) out.unknown = unknown;
  return out;
}

/** The resources of the given types that the attribute's reference edges name, in edge order. */
function edgeTargets(inventory: Inventory, resource: Resource, path: string, types: readonly string[]): Resource[] {
  const out: Resource[] = [];
  const addresses = resource.references[path];
  if (addresses === undefined) return out;
  for (const address of addresses) {
    const target = inventory.byAddress(address);
    if (target !== undefined && types.includes(target.type)) out.push(target);
  }
  return out;
}

/** The Unknown for a known id that names nothing in the inventory. */
export function describeMissing(kind: string, id: string, from: Resource): Unknown {
  return new Unknown(`${kind} ${id} (named by ${from.address}) is not in the inventory`);
}

/** Whether the configuration writes the attribute; true when the source does not record it (be cautious). */
export function configures(resource: Resource, attribute: string): boolean {
  return resource.configuredAttributes ? resource.configuredAttributes.includes(attribute) : true;
}
