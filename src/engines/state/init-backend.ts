import { join } from 'node:path';
import type { SourceLocation } from '../../model/location.js';
import { isValueObject, type ValueObject } from '../../model/value.js';
import { SourceFile } from '../hcl/syntax/source-file.js';
import { jsonSyntaxReason } from '../../document-errors/json-syntax-reason.js';
import { OutsideScanRoot, type ScanRoot } from '../scan-root.js';
import { maskCredentials, type BackendPart } from './backend-part.js';

export type InitBackend = { part: BackendPart } | { problem: string } | undefined;

/**
 * The backend `terraform init` recorded in `DIR/.terraform/terraform.tfstate` (including values
 * given with `-backend-config`, which the `.tf` files do not show). Undefined when there is no such
 * file or it records no backend; a problem when it cannot be read.
 */
export async function readInitBackend(dir: string, display: (path: string) => string, root: ScanRoot): Promise<InitBackend> {
  const path = join(dir, '.terraform', 'terraform.tfstate');
  const shown = display(path);
  let text: string;
  try {
    text = (await root.read(path)).bytes.toString('utf8');
  } catch (error) {
    // Named by the checkout, so it must stay inside the scan root: a link out of it is a gap, not a quiet skip.
    return error instanceof OutsideScanRoot ? { problem: `${shown}: ${error.message}` } : undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `${shown}: not valid JSON (${jsonSyntaxReason(error instanceof Error ? error.message : String(error))})` };
  }
  const backend = typeof parsed === 'object' && parsed !== null ? (parsed as { backend?: { type?: unknown; config?: unknown } }).backend : undefined;
  const type = backend?.type;
  const config = backend?.config as ValueObject | undefined;
  if (typeof type !== 'string' || !isValueObject(config)) return undefined;
  const file = new SourceFile(shown, text);
  const start = Math.max(0, text.indexOf('"backend"'));
  const at = (offset: number): SourceLocation => {
    const { line, column } = file.position(offset);
    return { kind: 'source', file: shown, startLine: line, endLine: line, startColumn: column };
  };
  const values: ValueObject = { type };
  const attributeLocations: Record<string, SourceLocation> = {};
  for (const [key, value] of Object.entries(config)) {
    // terraform init records every argument of the backend's schema, unset ones as null.
    if (value === null) continue;
    values[key] = value;
    const found = text.indexOf(`"${key}"`, start);
    if (found !== -1) attributeLocations[key] = at(found);
  }
  return { part: { type, values: maskCredentials(values), location: at(start), attributeLocations } };
}
