// What a bundle copied away from package.json needs of it (src/package-info.ts reads the esbuild
// `define` this returns, and derives the repository address as it does from package.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `define` entry for esbuild. */
export function bundledPackageDefine(root) {
  const { version, repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return { WARDEN_BUNDLED_PACKAGE: JSON.stringify({ version, repository }) };
}
