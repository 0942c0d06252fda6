import { readFileSync } from 'node:fs';

/**
 * warden's npm package name, scoped so that nobody else can publish under it: instructions that
 * install an unclaimed unscoped name would fetch whatever someone later publishes there.
 * package.json holds the same name (test/docs/install-instructions.test.ts keeps the two equal).
 */
export const PACKAGE_NAME = '@warden-scanner/warden';

/** What warden needs from its own package.json. */
export interface PackageInfo {
  version: string;
  /** The project's web address, from package.json `repository` (the one place it is written). */
  repositoryUrl: string;
  /** The commit the build was made from (scripts/write-build-commit.mjs), when it was made in a git work tree. */
  commit?: string;
}

interface Manifest {
  name?: string;
  version?: string;
  repository?: string | { url?: string };
  /** Only in the single binary's define: it has no dist/cli/build-commit.txt beside it. */
  commit?: string;
}

/** Set by the bundles' builds (scripts/bundled-package.mjs): no package.json lies beside a copied bundle. */
declare const WARDEN_BUNDLED_PACKAGE: Manifest | undefined;

let cached: PackageInfo | undefined;

/** warden's version and repository address, read once from its package.json (or the bundle). */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  const manifest = typeof WARDEN_BUNDLED_PACKAGE === 'object' ? WARDEN_BUNDLED_PACKAGE : ownManifest();
  const commit = manifest?.commit ?? buildCommit();
  cached = { version: manifest?.version ?? '0.0.0', repositoryUrl: manifest ? repositoryUrl(manifest.repository) : '', ...(commit ? { commit } : {}) };
  return cached;
}

/** What `warden --version` prints: `0.1.0 (commit 0123456789ab)`, or the version alone. bin/warden.js prints the same. */
export function versionLine(): string {
  const { version, commit } = packageInfo();
  return commit ? `${version} (commit ${commit})` : version;
}

/** `git+https://host/owner/repo.git` (npm's form) → `https://host/owner/repo`. */
export function repositoryUrl(repository: Manifest['repository']): string {
  const url = typeof repository === 'string' ? repository : (repository?.url ?? '');
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** dist/cli/build-commit.txt, seen from dist/src (or, absent, from src: tests run unbuilt). */
function buildCommit(): string | undefined {
  try {
    return readFileSync(new URL('../cli/build-commit.txt', import.meta.url), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** warden's package.json: two levels up from dist/src, one from src. */
function ownManifest(): Manifest | undefined {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as Manifest;
      if (manifest.name === PACKAGE_NAME) return manifest;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}
