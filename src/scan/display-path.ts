import { isAbsolute, relative, resolve } from 'node:path';

/** Paths inside the working directory are reported relative to it (repo-relative for SARIF and annotations). */
export function displayPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : absolute;
}
