import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScanFlags } from '../cli/scan-command.js';
import { UsageError } from '../cli/usage-error.js';
import { findConfig } from '../config/find-config.js';
import { displayPath } from '../scan/display-path.js';
import type { ActionInputs } from './action-inputs.js';
import { refuseLinkOutOfWorkspace } from './workspace-links.js';

/** What the action asks of the scan: the CLI's own paths and flags, so both run the same code. */
export interface ActionScan {
  /** Absolute; the scan shows them relative to the workspace, as annotations and SARIF need. */
  paths: string[];
  flags: ScanFlags;
  /** The SARIF file, relative to the workspace (the `sarif-file` output). */
  sarifFile: string;
}

/**
 * Turns the inputs into a scan. Inputs are relative to `working-directory`, findings to the
 * workspace (the repository root), so that annotations land on the right files whatever folder the
 * Terraform lives in. A path that does not exist is a mistake in the workflow: it stops the run
 * (exit 2) rather than leaving a gap.
 */
export function actionScan(inputs: ActionInputs, workspace: string): ActionScan {
  const workDir = resolve(workspace, inputs.workingDirectory);
  if (!isDirectory(workDir)) throw new UsageError(`working-directory: ${inputs.workingDirectory} is not a directory`);
  const given = [...inputs.paths.map((path) => ({ input: 'path', path })), ...(inputs.plan ? [{ input: 'plan', path: inputs.plan }] : [])];
  if (given.length === 0) given.push({ input: 'path', path: '.' });
  const paths = given.map(({ input, path }) => {
    const absolute = resolve(workDir, path);
    if (!existsSync(absolute)) throw new UsageError(`${input}: ${path} does not exist (in ${inputs.workingDirectory})`);
    refuseLinkOutOfWorkspace(input, path, absolute, workspace);
    return absolute;
  });
  const sarifFile = resolve(workDir, inputs.sarifFile);
  refuseLinkOutOfWorkspace('sarif-file', inputs.sarifFile, sarifFile, workspace, true);
  const config = inputs.config ? resolve(workDir, inputs.config) : findConfig(workDir);
  if (config) refuseLinkOutOfWorkspace('config', inputs.config ?? displayPath(config, workspace), config, workspace);
  if (inputs.baseline) refuseLinkOutOfWorkspace('baseline', inputs.baseline, resolve(workDir, inputs.baseline), workspace);
  const flags: ScanFlags = {
    // Annotations are workflow commands on stdout; without them the log shows the console report.
    format: inputs.annotations ? 'github' : 'console',
    report: [`sarif=${sarifFile}`],
    ...(config ? { config } : {}),
    ...(inputs.failOn ? { failOn: inputs.failOn } : {}),
    ...(inputs.baseline ? { baseline: resolve(workDir, inputs.baseline) } : {}),
  };
  return { paths, flags, sarifFile: displayPath(sarifFile, workspace) };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
