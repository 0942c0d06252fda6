import { readFileSync } from 'node:fs';
import type { ToolInfo } from './scan/scan-result.js';

let cached: ToolInfo | undefined;

/** The tool's name and version, read once from package.json (two levels up from dist/src or src). */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  let version = '0.0.0';
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'warden' && pkg.version) {
        version = pkg.version;
        break;
      }
    } catch {
      // try the next candidate
    }
  }
  cached = { name: 'warden', version, informationUri: 'https://github.com/warden-scanner/warden' };
  return cached;
}
