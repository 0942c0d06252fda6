import { isWithin, realPath, workTreeBoundary } from '../engines/work-tree.js';

/**
 * Where the paths a config file names (`policyDirs`, `baseline`) must really lie: the git work tree
 * (or `GITHUB_WORKSPACE`) holding the file; outside any, the working directory when it holds the
 * file, else the file's own folder. A committed warden.yaml is pull-request content: it must not make
 * warden load code or read files elsewhere on the runner. Paths on the command line are the user's
 * choice and are not checked.
 */
export function configBoundary(configDir: string, cwd: string): (path: string) => boolean {
  const folder = realPath(configDir);
  const workingDir = realPath(cwd);
  const within = workTreeBoundary(folder) ?? (isWithin(folder, workingDir) ? workingDir : folder);
  return (path) => isWithin(realPath(path), within);
}
