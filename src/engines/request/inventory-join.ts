import type { CoverageGap } from '../../model/coverage.js';
import type { Inventory } from '../../model/inventory.js';
import { InputError } from '../input-error.js';
import { savedInventoryOf, type SavedInventory } from '../live/load-saved-inventory.js';

/** `inventory` of a resource request: the estate the requested resources would join. */
export interface InventoryJoinSpec {
  /** A saved inventory the service was started with (`warden serve --inventory FILE`: the file name without `.json`). */
  id?: string;
  /** A saved inventory sent inline (the document `warden audit --save-inventory` writes). */
  document?: unknown;
  /** The (account, region) of the saved inventory to join; needed when it holds more than one. */
  account?: string;
  region?: string;
}

/** The one (account, region) inventory a request joins, and what its audit could not read there. */
export interface JoinedInventory {
  existing: Inventory;
  /** The saved audit's coverage gaps in that account and region: a decision on top of them is incomplete. */
  gaps: CoverageGap[];
  /** `prod: 111122223333/eu-west-1, collected 2026-12-01T06:00:00Z`: names it in the report. */
  label: string;
}

/**
 * Finds the inventory a request joins. A saved inventory holds one Inventory per (account, region),
 * because names and ids are only unique within one; the request must say which unless there is one.
 */
export function joinedInventory(spec: InventoryJoinSpec, known: ReadonlyMap<string, SavedInventory>, input: string): JoinedInventory {
  const where = `${input}: inventory`;
  let name: string;
  let saved: SavedInventory;
  if (spec.id !== undefined) {
    const found = known.get(spec.id);
    if (!found) {
      const offered = known.size === 0 ? 'the service was started without --inventory' : `the service has ${listed([...known.keys()])}`;
      throw new InputError(input, `inventory.id "${spec.id}": no saved inventory with this id (${offered})`);
    }
    name = spec.id;
    saved = found;
  } else {
    name = 'inline';
    saved = savedInventoryOf(spec.document, `${where}.document`);
  }
  const matches = saved.inventories.filter((inventory) => {
    const [account, region] = inventory.input.split('/');
    return (spec.account === undefined || account === spec.account) && (spec.region === undefined || region === spec.region);
  });
  const targets = listed(saved.inventories.map((inventory) => inventory.input));
  if (matches.length === 0) {
    const asked = [spec.account, spec.region].filter((part) => part !== undefined).join('/');
    throw new InputError(input, `inventory ${name}: holds no account/region ${asked || '(it is empty)'}${saved.inventories.length > 0 ? `; it holds ${targets}` : ''}`);
  }
  if (matches.length > 1) {
    throw new InputError(input, `inventory ${name}: holds ${matches.length} accounts/regions (${listed(matches.map((m) => m.input))}): give inventory.account and inventory.region`);
  }
  const existing = matches[0]!;
  const [account, region] = existing.input.split('/');
  const gaps = saved.gaps.filter((gap) => (gap.account === undefined || gap.account === account) && (gap.region === undefined || gap.region === region));
  const collected = saved.details['collectedAt'];
  return { existing, gaps, label: `${name}: ${existing.input}${collected ? `, collected ${collected}` : ''}` };
}

/** At most five names, then how many more: an error line stays one line. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
