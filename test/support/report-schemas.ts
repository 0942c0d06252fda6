import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { BUNDLED_SARIF_SCHEMA } from '../report/sarif-multitool.js';

/** schemas/warden-report.schema.json, as published. */
export const REPORT_SCHEMA = JSON.parse(readFileSync(new URL('../../schemas/warden-report.schema.json', import.meta.url), 'utf8')) as Record<string, any>;
/** The SARIF 2.1.0 schema the multitool ships (the OASIS definitions, re-declared as draft 2020-12 and without $id). */
export const SARIF_SCHEMA = JSON.parse(readFileSync(BUNDLED_SARIF_SCHEMA, 'utf8')) as Record<string, any>;

/** schemas/ocsf-1.8.0-detection-finding.schema.json: derived from the OCSF 1.8.0 compiled export (scripts/ocsf). */
export const OCSF_SCHEMA = JSON.parse(readFileSync(new URL('../../schemas/ocsf-1.8.0-detection-finding.schema.json', import.meta.url), 'utf8')) as Record<string, any>;

function reportValidator(): ValidateFunction {
  // Ajv's default strict mode: unknown keywords in our schema are errors.
  const ajv = new Ajv({ allErrors: true });
  ajvFormats.default(ajv);
  return ajv.compile(REPORT_SCHEMA);
}

function sarifValidator(): ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajvFormats.default(ajv);
  return ajv.compile(SARIF_SCHEMA);
}

/** Validates one event of the OCSF report (a Detection Finding). */
export const validateOcsf = new Ajv2020({ strict: false, allErrors: true }).compile(OCSF_SCHEMA);
/** Validates a parsed JSON report; `errors` holds ajv's errors after a failed call. */
export const validateReport = reportValidator();
/** Validates a parsed SARIF log against SARIF 2.1.0. */
export const validateSarif = sarifValidator();

/** The first few errors of the last call of a validator, for an assertion message. */
export function schemaErrors(validate: ValidateFunction, count = 5): string {
  return JSON.stringify(validate.errors?.slice(0, count) ?? [], null, 1);
}
