import { packageInfo } from './package-info.js';

/** The tool as reports name it. */
export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

let cached: ToolInfo | undefined;

/** The tool's name and version, read once. */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  const { version, repositoryUrl } = packageInfo();
  cached = { name: 'warden', version, informationUri: repositoryUrl };
  return cached;
}
