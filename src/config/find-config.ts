import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const CONFIG_NAMES = ['warden.yaml', 'warden.yml', '.warden.yaml', '.warden.yml'];

/**
 * Finds warden.yaml in the working directory or the nearest parent that has one. In a file of its
 * own, free of the YAML parser and validator: bin/warden.js's fast path for `warden policies` asks it.
 */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
