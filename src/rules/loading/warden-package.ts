import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_NAME } from '../../package-info.js';

let root: string | undefined;

/**
 * warden's own package folder (holding its package.json), found upward from this module in src/ or
 * dist/src/. A bundle copied on its own (the GitHub Action's) has none: its own folder stands in,
 * and the built-in policies' cases are then simply absent.
 */
export function wardenPackageRoot(): string {
  if (root) return root;
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; ) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === PACKAGE_NAME) {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  root = here;
  return here;
}

/** Where a built-in policy's cases live: `policies/<id>/cases` in the package. */
export function builtinCasesDir(policyId: string): string {
  return join(wardenPackageRoot(), 'policies', policyId, 'cases');
}
