import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { WardenConfig } from '../config/config.js';
import { DEFAULT_MAX_ELEMENTS, DEFAULT_TIME_BUDGET_SECONDS, type BudgetLimits } from '../engines/hcl/eval/work-budget.js';
import type { LoadOptions } from '../engines/load-input.js';
import { collect } from './parse-flags.js';
import { UsageError } from './usage-error.js';

/** Flags that say how to read Terraform source: variable values, and where a plan's sources are. */
export interface SourceFlags {
  varFile?: string[];
  var?: string[];
  sourceRoot?: string;
  maxElements?: string;
  timeBudget?: string;
}

export function addSourceOptions(command: Command): Command {
  return command
    .option('--var-file <file>', 'Terraform variable values for source directories, after terraform.tfvars and *.auto.tfvars (repeatable)', collect)
    .option('--var <name=value>', 'a Terraform variable value for source directories; wins over files (repeatable)', collect)
    .option('--source-root <dir>', "where a plan's .tf sources are, to report findings at source lines (default: the plan file's directory, then the working directory)")
    .option('--max-elements <n>', `elements (instances, collection elements) one source input may expand to; more is unknown plus a coverage gap (default ${DEFAULT_MAX_ELEMENTS})`)
    .option('--time-budget <seconds>', `wall-clock seconds one source input may take to evaluate; then it is a coverage gap (default ${DEFAULT_TIME_BUDGET_SECONDS})`);
}

/** Checks the source flags (bad values are usage errors, before any work is done); budgets fall back to warden.yaml. */
export function loadOptionsFrom(flags: SourceFlags, cwd: string, config: Pick<WardenConfig, 'maxElements' | 'timeBudgetSeconds'> = {}): LoadOptions {
  const varFiles = (flags.varFile ?? []).map((file) => {
    const path = resolve(cwd, file);
    if (!isFile(path)) throw new UsageError(`--var-file: ${file} is not a readable file`);
    return path;
  });
  for (const assignment of flags.var ?? []) {
    if (!/^[A-Za-z_][\w-]*=/.test(assignment)) throw new UsageError(`--var: expected NAME=VALUE, got "${assignment}"`);
  }
  let sourceRoot: string | undefined;
  if (flags.sourceRoot !== undefined) {
    sourceRoot = resolve(cwd, flags.sourceRoot);
    if (!isDirectory(sourceRoot)) throw new UsageError(`--source-root: ${flags.sourceRoot} is not a directory`);
  }
  const maxElements = flags.maxElements !== undefined ? positiveNumber('--max-elements', flags.maxElements, true) : config.maxElements;
  const timeBudgetSeconds = flags.timeBudget !== undefined ? positiveNumber('--time-budget', flags.timeBudget, false) : config.timeBudgetSeconds;
  const budget: BudgetLimits = { ...(maxElements !== undefined ? { maxElements } : {}), ...(timeBudgetSeconds !== undefined ? { timeBudgetSeconds } : {}) };
  return {
    cwd,
    ...(Object.keys(budget).length > 0 ? { budget } : {}),
    ...(varFiles.length > 0 ? { varFiles } : {}),
    ...(flags.var?.length ? { vars: flags.var } : {}),
    ...(sourceRoot ? { sourceRoot } : {}),
  };
}

function positiveNumber(flag: string, text: string, whole: boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    throw new UsageError(`${flag}: expected a positive ${whole ? 'whole ' : ''}number, got "${text}"`);
  }
  return value;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
