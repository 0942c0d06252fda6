import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classSchema, type OcsfExport } from './detection-finding-schema.js';

/**
 * Writes schemas/ocsf-1.8.0-detection-finding.schema.json from the OCSF 1.8.0 compiled export (by
 * default the copy in ../shared/reference, or the path given): the schema the OCSF report is tested
 * against. Usage: `npm run build && node dist/scripts/ocsf/build-detection-finding-schema.js [export.json]`.
 */

/** The profiles the OCSF report applies (metadata.profiles). */
export const OCSF_PROFILES = ['cloud', 'security_control'];
export const REFERENCE_EXPORT = fileURLToPath(new URL('../shared/reference/ocsf/1.8.0/_server-export/1.8.0.json', repoRoot()));
export const SCHEMA_FILE = fileURLToPath(new URL('schemas/ocsf-1.8.0-detection-finding.schema.json', repoRoot()));

/** The schema file's text, derived from the export at `exportPath`. */
export function detectionFindingSchemaText(exportPath: string): string {
  const ocsf = JSON.parse(readFileSync(exportPath, 'utf8')) as OcsfExport;
  return `${JSON.stringify(classSchema(ocsf, 'detection_finding', OCSF_PROFILES), null, 2)}\n`;
}

/** The repository root, from scripts/ocsf or from its build in dist/scripts/ocsf. */
function repoRoot(): URL {
  const here = new URL('.', import.meta.url);
  return new URL(here.pathname.includes('/dist/') ? '../../../' : '../../', here);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, detectionFindingSchemaText(process.argv[2] ?? REFERENCE_EXPORT));
  console.log(`wrote ${SCHEMA_FILE}`);
}
