import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { Inventory } from '../../model/inventory.js';
import { describeErrors } from '../../document-errors/schema-errors.js';
import type { CoverageGap } from '../../model/coverage.js';
import inventorySchema from '../../../schemas/warden-inventory.schema.json' with { type: 'json' };
import { describeJsonSyntaxError } from '../../document-errors/locate-json-error.js';
import { InputError, describeFsError } from '../input-error.js';
import { buildInventories } from './build-inventories.js';
import { INVENTORY_FORMAT, INVENTORY_MARKER, type Recording } from './recording.js';

export interface SavedInventory {
  /** All resources (for counts); policies run on `inventories`. */
  inventory: Inventory;
  /** One per (account, region), as the audit read them. */
  inventories: Inventory[];
  /** What the audit could not read, as it recorded it. */
  gaps: CoverageGap[];
  details: Record<string, string>;
}

const validate = new Ajv({ allErrors: false, strict: false }).compile(inventorySchema);

/**
 * Reads a saved inventory and maps its responses into Inventories with the live descriptors, offline:
 * no credentials, no network. A file that is not one gets a one-line error naming it.
 */
export async function loadSavedInventory(path: string, displayName: string): Promise<SavedInventory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(displayName, describeFsError(error));
  }
  return savedInventoryFromText(text, displayName);
}

/** A saved inventory from a file's text: a one-line InputError naming the position when it is not JSON. */
export function savedInventoryFromText(text: string, displayName: string): SavedInventory {
  let parsed: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const { reason, position } = describeJsonSyntaxError(body, error instanceof Error ? error.message : String(error));
    throw new InputError(displayName, `saved inventory is not valid JSON: ${reason}`, position);
  }
  return savedInventoryOf(parsed, displayName);
}

/**
 * A saved inventory from its parsed document (a file's content, or one sent inline to the decision
 * service): checked against the schema and mapped with the live descriptors. One-line InputError otherwise.
 */
export function savedInventoryOf(parsed: unknown, displayName: string): SavedInventory {
  const version = (parsed as Record<string, unknown> | null)?.[INVENTORY_MARKER];
  if (version !== INVENTORY_FORMAT) {
    throw new InputError(displayName, `saved inventory format ${JSON.stringify(version)} is not supported (this warden reads format ${INVENTORY_FORMAT})`);
  }
  if (!validate(parsed)) throw new InputError(displayName, `not a valid saved inventory: ${describeErrors(validate.errors ?? [])}`);
  const recording = parsed as unknown as Recording;
  recording.accounts ??= [];
  const inventories = buildInventories(recording);
  const gaps = (recording.coverage?.gaps ?? []).map((gap) => ({ ...gap, message: `${displayName}: recorded by the audit: ${gap.message}` }));
  return {
    inventory: new Inventory(
      inventories.flatMap((inventory) => inventory.resources),
      displayName,
    ),
    inventories,
    gaps,
    details: {
      source: recording.source,
      targets: String(inventories.length),
      ...(recording.collected_at ? { collectedAt: recording.collected_at } : {}),
    },
  };
}
