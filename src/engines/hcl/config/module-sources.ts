import { readRegularFile } from '../../read-regular-file.js';
import { join, resolve } from 'node:path';

/** `.terraform/modules/modules.json`, which `terraform init` writes: module key (`net.sub`) → directory. */
export type ModuleManifest = Map<string, string>;

/** Reads the manifest of a root module; undefined when `terraform init` has not been run (or it is unreadable). */
export async function readModuleManifest(rootDir: string): Promise<ModuleManifest | undefined> {
  let text: string;
  try {
    text = (await readRegularFile(join(rootDir, '.terraform', 'modules', 'modules.json'))).toString('utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as { Modules?: { Key?: unknown; Dir?: unknown }[] };
    const manifest: ModuleManifest = new Map();
    for (const entry of parsed.Modules ?? []) {
      if (typeof entry.Key === 'string' && typeof entry.Dir === 'string') manifest.set(entry.Key, resolve(rootDir, entry.Dir));
    }
    return manifest;
  } catch {
    return undefined;
  }
}

/** True for sources Terraform reads from the local filesystem (`./x`, `../x`). */
export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

/**
 * The directory of a module call: a local source relative to the calling module, anything else
 * (registry, git, http…) from the manifest by its key. Undefined when it is not on disk.
 */
export function moduleDirectory(source: string | undefined, callerDir: string, key: string, manifest: ModuleManifest | undefined): string | undefined {
  if (source !== undefined && isLocalSource(source)) return resolve(callerDir, source);
  return manifest?.get(key);
}
