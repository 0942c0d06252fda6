import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describeFsError } from '../engines/input-error.js';
import { jsonSyntaxReason } from '../document-errors/json-syntax-reason.js';
import { writeOutputFile } from '../report/write-output.js';
import baselineSchema from '../../schemas/warden-baseline.schema.json' with { type: 'json' };
import { sameEntries, serialiseBaseline, type Baseline } from '../rules/baseline.js';
import { describeErrors } from '../document-errors/schema-errors.js';

/** A baseline file that cannot be used: the run stops with this one line (exit 2). */
export class BaselineError extends Error {}

/** Reads and validates a baseline file; `display` is how the user named it. */
export function readBaseline(path: string, display: string): Baseline {
  const parsed = parseBaselineFile(path, display);
  // ajv is required here, not imported: a scan without a baseline does not load it (start-up, DESIGN §7).
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const validate = new Ajv({ allErrors: false, strict: false }).compile(baselineSchema);
  if (!validate(parsed)) throw new BaselineError(`baseline ${display}: not a warden baseline: ${describeErrors(validate.errors ?? [])}`);
  return parsed as unknown as Baseline;
}

/**
 * Writes a baseline whole or not at all. When the file already records the same findings, its date and
 * tool version are kept, so that re-recording an unchanged estate leaves the committed file byte-identical.
 */
export function writeBaseline(path: string, baseline: Baseline): void {
  const previous = tryReadBaseline(path);
  const settled = previous && sameEntries(previous, baseline) ? { ...baseline, tool: previous.tool, created: previous.created } : baseline;
  writeOutputFile(path, serialiseBaseline(settled));
}

function parseBaselineFile(path: string, display: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BaselineError(`baseline ${display}: ${describeFsError(error)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BaselineError(`baseline ${display}: not valid JSON: ${jsonSyntaxReason(error instanceof Error ? error.message : String(error))}`);
  }
}

function tryReadBaseline(path: string): Baseline | undefined {
  try {
    return readBaseline(path, path);
  } catch (error) {
    // Absent or unusable: it is replaced whole.
    if (error instanceof BaselineError) return undefined;
    throw error;
  }
}
