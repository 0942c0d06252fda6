import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { LoadOptions } from '../engines/load-input.js';
import { collect } from './parse-flags.js';
import { UsageError } from './usage-error.js';

/** Flags that say how to read Terraform source: variable values, and where a plan's sources are. */
export interface SourceFlags {
  varFile?: string[];
  var?: string[];
  sourceRoot?: string;
}

export function addSourceOptions(command: Command): Command {
  return command
    .option('--var-file <file>', 'Terraform variable values for source directories, after terraform.tfvars and *.auto.tfvars (repeatable)', collect)
    .option('--var <name=value>', 'a Terraform variable value for source directories; wins over files (repeatable)', collect)
    .option('--source-root <dir>', "where a plan's .tf sources are, to report findings at source lines (default: the plan file's directory, then the working directory)");
}

/** Checks the source flags (bad values are usage errors, before any work is done). */
export function loadOptionsFrom(flags: SourceFlags, cwd: string): LoadOptions {
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
  return {
    cwd,
    ...(varFiles.length > 0 ? { varFiles } : {}),
    ...(flags.var?.length ? { vars: flags.var } : {}),
    ...(sourceRoot ? { sourceRoot } : {}),
  };
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
