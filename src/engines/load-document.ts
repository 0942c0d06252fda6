import type { Inventory } from '../model/inventory.js';
import { parsePlanText, planDetails } from './plan/load-plan.js';
import { loadResourceRequest, looksLikeRequest } from './request/resource-request.js';

export interface LoadedDocument {
  kind: 'plan' | 'request';
  inventory: Inventory;
  details: Record<string, string>;
}

/**
 * A document sent to the decision service: a plan (`terraform show -json`) or a resource request.
 * Nothing here reads a file: a document's content never names what the service opens. A plan is
 * read exactly as `warden scan` reads a plan file, so its errors are the same one-line reasons.
 */
export function loadDocumentText(text: string, input: string): LoadedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not plain JSON: the plan reader says why, or recovers a plan from around wrapper text.
  }
  if (looksLikeRequest(value)) {
    return { kind: 'request', inventory: loadResourceRequest(value, input).inventory, details: {} };
  }
  const plan = parsePlanText(text, input);
  return { kind: 'plan', inventory: plan.inventory, details: planDetails(plan) };
}
