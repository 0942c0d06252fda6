import { join, resolve } from 'node:path';
import { OutsideScanRoot } from '../../scan-root.js';
import type { SourceTree } from './source-tree.js';

/** `.terraform/modules/modules.json`, which `terraform init` writes: module key (`net.sub`) → directory. */
export type ModuleManifest = Map<string, string>;

/**
 * Reads the manifest of a root module; undefined when `terraform init` has not been run (or it is
 * unreadable). A manifest that links out of the scan root is recorded as a problem of the tree.
 */
export async function readModuleManifest(rootDir: string, tree: SourceTree): Promise<ModuleManifest | undefined> {
  const path = join(rootDir, '.terraform', 'modules', 'modules.json');
  let text: string;
  try {
    text = (await tree.root.read(path)).bytes.toString('utf8');
  } catch (error) {
    if (error instanceof OutsideScanRoot) tree.problems.push({ target: tree.display(path), message: `${tree.display(path)}: ${error.message}` });
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
