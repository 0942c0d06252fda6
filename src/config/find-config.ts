import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isWithin, realPath, workTreeBoundary } from '../engines/work-tree.js';

const CONFIG_NAMES = ['warden.yaml', 'warden.yml', '.warden.yaml', '.warden.yml'];

/**
 * Finds warden.yaml in the working directory or the nearest parent that has one, up to the git work
 * tree root (or `GITHUB_WORKSPACE`) and never beyond: a parent such as `/tmp` or `/home/runner/work`
 * is shared with other checkouts, and a config there could name policy code to run. Outside any work
 * tree or workspace only the working directory itself is searched. In a file of its own, free of the
 * YAML parser and validator: bin/warden.js's fast path for `warden policies` asks it.
 */
export function findConfig(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  let dir = realPath(cwd);
  const boundary = workTreeBoundary(dir, env);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (boundary === undefined || parent === dir || !isWithin(parent, boundary)) return undefined;
    dir = parent;
  }
}
