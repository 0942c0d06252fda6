import { UsageError } from '../cli/usage-error.js';

/** The inputs of action.yml, checked. Paths are as the workflow gave them, relative to `workingDirectory`. */
export interface ActionInputs {
  paths: string[];
  plan?: string;
  config?: string;
  failOn?: string;
  sarifFile: string;
  baseline?: string;
  annotations: boolean;
  summary: boolean;
  workingDirectory: string;
  /** Import TypeScript/JavaScript policies that warden.yaml names (`allow-code-policies`); off, only declarative ones load. */
  allowCodePolicies: boolean;
}

/**
 * Reads the inputs the runner passes as environment variables: `INPUT_` + the input's name
 * upper-cased with spaces as `_` (hyphens are kept: `fail-on` → `INPUT_FAIL-ON`). An input the
 * workflow left out and that has no default is empty.
 */
export function readActionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const input = (name: string): string => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim() ?? '';
  const optional = (name: string): string | undefined => input(name) || undefined;
  return {
    // Newline- or space-separated, as YAML block scalars and one-liners both read naturally.
    paths: input('path').split(/\s+/).filter(Boolean),
    plan: optional('plan'),
    config: optional('config'),
    failOn: optional('fail-on'),
    baseline: optional('baseline'),
    sarifFile: input('sarif-file') || 'warden.sarif',
    annotations: booleanInput('annotations', input('annotations'), true),
    summary: booleanInput('summary', input('summary'), true),
    workingDirectory: input('working-directory') || '.',
    // Off by default: on a pull request, warden.yaml and its policy folders are the author's to change.
    allowCodePolicies: booleanInput('allow-code-policies', input('allow-code-policies'), false),
  };
}

/** The YAML 1.2 core schema's booleans, as GitHub's own actions accept them. */
function booleanInput(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`${name}: "${value}" is not true or false`);
}
