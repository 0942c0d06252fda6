import { InputError } from '../input-error.js';

/** The parts of `terraform show -json` output the engine reads. */
export interface PlanDocument {
  format_version: string;
  terraform_version?: unknown;
  resource_changes?: unknown[];
  planned_values?: { root_module?: unknown };
  prior_state?: { values?: { root_module?: unknown } };
  configuration?: unknown;
}

const SUPPORTED_MAJOR = 1;

/**
 * Says whether a parsed JSON document is a plan warden can read, and if not, what it is instead, in
 * words the user can act on.
 */
export function assertPlanDocument(value: unknown, input: string): asserts value is PlanDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(input, `not a Terraform plan (the JSON is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}, expected the object \`terraform show -json\` prints)`);
  }
  const doc = value as Record<string, unknown>;
  if ('plan_format_version' in doc && !('format_version' in doc)) {
    throw new InputError(input, 'HCP Terraform redacted plan JSON is not supported: run `terraform show -json PLANFILE` on the saved plan and scan that');
  }
  if ('lineage' in doc && 'serial' in doc) {
    throw new InputError(input, 'a Terraform state file, not a plan: run `terraform show -json PLANFILE` on a saved plan');
  }
  if (!('format_version' in doc)) {
    throw new InputError(input, 'not a Terraform plan (no format_version): expected the output of `terraform show -json PLANFILE`');
  }
  const version = doc['format_version'];
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
    throw new InputError(input, `not a Terraform plan (format_version ${JSON.stringify(version)} is not a version)`);
  }
  if (Number(version.split('.')[0]) > SUPPORTED_MAJOR) {
    throw new InputError(input, `unsupported plan format_version ${version} (warden reads 0.1 to ${SUPPORTED_MAJOR}.x)`);
  }
  const hasChanges = Array.isArray(doc['resource_changes']);
  if ('resource_changes' in doc && !hasChanges && doc['resource_changes'] !== null) {
    throw new InputError(input, 'malformed plan: resource_changes is not a list');
  }
  if (!hasChanges && !isObject(doc['planned_values'])) {
    if (isObject(doc['values'])) {
      throw new InputError(input, 'the JSON of a Terraform state (`terraform show -json` without a plan file), not a plan');
    }
    throw new InputError(input, 'not a Terraform plan (neither resource_changes nor planned_values)');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
