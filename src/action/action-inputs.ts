import { getBooleanInput, getInput } from '@actions/core';
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
 * Reads the inputs the runner passes as `INPUT_*` environment variables (@actions/core knows their
 * naming). An input the workflow left out and that has no default is empty.
 */
export function readActionInputs(): ActionInputs {
  const optional = (name: string): string | undefined => getInput(name) || undefined;
  return {
    // Newline- or space-separated, as YAML block scalars and one-liners both read naturally.
    paths: getInput('path').split(/\s+/).filter(Boolean),
    plan: optional('plan'),
    config: optional('config'),
    failOn: optional('fail-on'),
    baseline: optional('baseline'),
    sarifFile: getInput('sarif-file') || 'warden.sarif',
    annotations: booleanInput('annotations', true),
    summary: booleanInput('summary', true),
    workingDirectory: getInput('working-directory') || '.',
    // Off by default: on a pull request, warden.yaml and its policy folders are the author's to change.
    allowCodePolicies: booleanInput('allow-code-policies', false),
  };
}

/**
 * The YAML 1.2 core schema's booleans, as @actions/core reads them; an empty input takes the
 * fallback (core would throw), and a bad one is a usage error on one line naming the input.
 */
function booleanInput(name: string, fallback: boolean): boolean {
  const value = getInput(name);
  if (value === '') return fallback;
  try {
    return getBooleanInput(name);
  } catch {
    throw new UsageError(`${name}: "${value}" is not true or false`);
  }
}
