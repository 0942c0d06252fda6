import type { Inventory } from '../model/inventory.js';
import type { SavedInventory } from './live/load-saved-inventory.js';
import { parsePlanText, planDetails } from './plan/load-plan.js';
import { joinedInventory, type JoinedInventory } from './request/inventory-join.js';
import { loadResourceRequest, looksLikeRequest } from './request/resource-request.js';

export interface LoadedDocument {
  kind: 'plan' | 'request';
  inventory: Inventory;
  details: Record<string, string>;
  /** A request that names the existing estate it joins: that (account, region) inventory. */
  join?: JoinedInventory;
}

/**
 * A document sent to the decision service: a plan (`terraform show -json`) or a resource request.
 * Nothing here reads a file: a document's content never names what the service opens. A plan is
 * read exactly as `warden scan` reads a plan file, so its errors are the same one-line reasons. A
 * request may join a saved inventory: one of `known` (loaded by the service at start) or one sent inline.
 */
export function loadDocumentText(text: string, input: string, known: ReadonlyMap<string, SavedInventory> = new Map()): LoadedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not plain JSON: the plan reader says why, or recovers a plan from around wrapper text.
  }
  if (looksLikeRequest(value)) {
    const request = loadResourceRequest(value, input);
    if (!request.join) return { kind: 'request', inventory: request.inventory, details: {} };
    return { kind: 'request', inventory: request.inventory, details: {}, join: joinedInventory(request.join, known, input) };
  }
  const plan = parsePlanText(text, input);
  return { kind: 'plan', inventory: plan.inventory, details: planDetails(plan) };
}
