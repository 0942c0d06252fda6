import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * The widest directory that content found in `dir` may reach: the git work tree holding `dir` (the
 * nearest ancestor with a `.git` directory or file, found without running git) or `GITHUB_WORKSPACE`
 * when it holds `dir`, whichever is wider. Undefined when neither holds it: then only `dir` itself
 * is trusted, never its parents (`/tmp`, `/home/runner/work` hold other people's files).
 */
export function workTreeBoundary(dir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const start = realPath(dir);
  const candidates: string[] = [];
  for (let at = start; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) {
      candidates.push(at);
      break;
    }
    if (dirname(at) === at) break;
  }
  const workspace = env['GITHUB_WORKSPACE'];
  if (workspace) {
    const real = realPath(workspace);
    if (isWithin(start, real)) candidates.push(real);
  }
  // Both hold `start`, so the shorter path is the wider directory.
  return candidates.sort((a, b) => a.length - b.length)[0];
}

/** True when `path` is `dir` or lies below it (both absolute and normalised). */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** The real path when it can be resolved, else the absolute path as given. */
export function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}
