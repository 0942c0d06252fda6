import { readFileSync } from 'node:fs';

/** The tool as reports name it. */
export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

let cached: ToolInfo | undefined;

/** Set by the GitHub Action bundle's build (an esbuild `define`): no package.json lies beside a bundle. */
declare const WARDEN_BUNDLED_VERSION: string | undefined;

/** The tool's name and version, read once. */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  const version = typeof WARDEN_BUNDLED_VERSION === 'string' ? WARDEN_BUNDLED_VERSION : versionFromPackageJson();
  cached = { name: 'warden', version, informationUri: 'https://github.com/warden-scanner/warden' };
  return cached;
}

/** The version in warden's package.json, two levels up from dist/src or one from src. */
function versionFromPackageJson(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'warden' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}
