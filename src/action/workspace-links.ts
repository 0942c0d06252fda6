import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../cli/usage-error.js';
import { isWithin, realPath } from '../engines/work-tree.js';

/**
 * Refuses a path the workflow names inside the workspace that a symbolic link in the checkout leads
 * out of it (`infra -> /home/runner`, `reports -> ~/.ssh`): the workflow chose a place in the
 * repository, the pull request must not move it. A path the workflow names outside the workspace is
 * its own choice. `forWrite`: the file may not exist yet, so its nearest existing folder is checked.
 */
export function refuseLinkOutOfWorkspace(input: string, given: string, path: string, workspace: string, forWrite = false): void {
  if (!isWithin(resolve(path), resolve(workspace))) return;
  let existing = forWrite ? dirname(path) : path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!isWithin(realPath(existing), realPath(workspace))) throw new UsageError(`${input}: ${given} leads outside the workspace through a symbolic link`);
}
