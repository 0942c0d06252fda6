import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import inventorySchema from '../../schemas/warden-inventory.schema.json' with { type: 'json' };
import { describeErrors } from '../document-errors/schema-errors.js';
import { describeFsError } from '../engines/input-error.js';
import { PartsConflict } from '../model/combine-parts.js';
import { mergeRecordings } from '../engines/live/merge-recordings.js';
import { INVENTORY_MARKER, type Recording } from '../engines/live/recording.js';
import { readRegularFile } from '../engines/read-regular-file.js';
import { mergeJsonReports } from '../report/json/merge-json-reports.js';
import { EXIT } from '../scan/exit-code.js';
import { writeReport } from './emit-result.js';
import { UsageError } from './usage-error.js';

const validateInventory = new Ajv({ allErrors: false, strict: false }).compile(inventorySchema);

/**
 * `warden merge`: every file is read and checked before anything is written, so a missing or foreign
 * part stops the merge (exit 2, one line naming it) rather than producing a report that silently
 * lacks part of the estate. Saved inventories merge into a saved inventory (scan it for any format and
 * the gate); JSON reports merge into a JSON report.
 */
export async function mergeCommand(files: readonly string[], flags: { output?: string }): Promise<number> {
  const cwd = process.cwd();
  const documents: { name: string; value: Record<string, any> }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = (await readRegularFile(resolve(cwd, file))).toString('utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      throw new UsageError(`${file}: ${error instanceof Error && !('code' in error) ? error.message : describeFsError(error)}`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new UsageError(`${file}: not JSON: neither a saved inventory nor a JSON report`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${file}: neither a saved inventory nor a JSON report`);
    documents.push({ name: file, value: value as Record<string, any> });
  }
  const kinds = new Set(documents.map((d) => kindOf(d.value)));
  const unknown = documents.find((d) => kindOf(d.value) === 'unknown');
  if (unknown) throw new UsageError(`${unknown.name}: neither a saved inventory (warden audit --save-inventory) nor a JSON report (--format json)`);
  if (kinds.size > 1) throw new UsageError('merge: give saved inventories or JSON reports, not both');

  let merged: unknown;
  try {
    if (kinds.has('inventory')) {
      for (const d of documents) if (!validateInventory(d.value)) throw new PartsConflict(d.name, `not a valid saved inventory: ${describeErrors(validateInventory.errors ?? [])}`);
      merged = mergeRecordings(documents.map((d) => ({ name: d.name, recording: d.value as unknown as Recording })));
    } else {
      merged = mergeJsonReports(documents.map((d) => ({ name: d.name, report: d.value })));
    }
  } catch (error) {
    if (error instanceof PartsConflict) throw new UsageError(error.message);
    throw error;
  }
  const text = `${JSON.stringify(merged, null, kinds.has('inventory') ? undefined : 2)}\n`;
  if (flags.output) writeReport(flags.output, cwd, text);
  else process.stdout.write(text);
  return EXIT.ok;
}

function kindOf(value: Record<string, unknown>): 'inventory' | 'report' | 'unknown' {
  if (INVENTORY_MARKER in value) return 'inventory';
  if ('schemaVersion' in value && Array.isArray(value['findings']) && Array.isArray(value['inputs'])) return 'report';
  return 'unknown';
}
