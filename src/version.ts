import { packageInfo } from './package-info.js';
import type { ToolInfo } from './scan/scan-result.js';

let cached: ToolInfo | undefined;

/** The tool's name and version, read once. */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  const { version, repositoryUrl } = packageInfo();
  cached = { name: 'warden', version, informationUri: repositoryUrl };
  return cached;
}
