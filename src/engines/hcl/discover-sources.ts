import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface DiscoveredSources {
  /** Directories holding `.tf` files, sorted. */
  moduleDirs: string[];
  /** `*.tfstate` and `*.tfstate.backup` files, sorted. */
  stateFiles: string[];
  /** `*.tf.json` files (Terraform's JSON syntax), which warden does not read. */
  jsonFiles: string[];
}

/** Directories never searched: VCS data, dependencies and hidden tool folders such as `.terraform` (its modules are found through its manifest). */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Finds the module directories and state files under a directory. Symbolic links to directories are not followed. */
export async function discoverSources(root: string): Promise<DiscoveredSources> {
  const moduleDirs: string[] = [];
  const stateFiles: string[] = [];
  const jsonFiles: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    let hasTf = false;
    const subdirs: string[] = [];
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!skipped(entry.name)) subdirs.push(join(dir, entry.name));
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (entry.name.endsWith('.tf')) hasTf = true;
        else if (entry.name.endsWith('.tfstate') || entry.name.endsWith('.tfstate.backup')) stateFiles.push(join(dir, entry.name));
        else if (entry.name.endsWith('.tf.json')) jsonFiles.push(join(dir, entry.name));
      }
    }
    if (hasTf) moduleDirs.push(dir);
    for (const sub of subdirs.sort()) await walk(sub);
  };
  await walk(root);
  return { moduleDirs: moduleDirs.sort(), stateFiles: stateFiles.sort(), jsonFiles: jsonFiles.sort() };
}
