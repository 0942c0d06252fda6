import { stat } from 'node:fs/promises';
import { moduleCallMismatches } from './module-call-arguments.js';
import { OutsideScanRoot } from '../../scan-root.js';
import type { ModuleConfig } from './module-config.js';
import { isLocalSource, moduleDirectory, readModuleManifest } from './module-sources.js';
import type { SourceTree } from './source-tree.js';

const MAX_MODULE_DEPTH = 16;

/**
 * Reads a root module and every module it calls, local (`./…`) or downloaded by `terraform init`
 * (`.terraform/modules/modules.json`), before evaluation starts. Returns the configurations by
 * module key (`''`, `net`, `net.sub`); a module that is not on disk is recorded as a problem.
 */
export async function loadModuleTree(tree: SourceTree, rootDir: string): Promise<Map<string, ModuleConfig>> {
  const modules = new Map<string, ModuleConfig>();
  const manifest = await readModuleManifest(rootDir, tree);
  const visit = async (key: string, config: ModuleConfig, chain: readonly string[]): Promise<void> => {
    modules.set(key, config);
    for (const call of config.moduleCalls) {
      const childKey = key ? `${key}.${call.name}` : call.name;
      const where = `${config.displayDir === '.' ? '' : `${config.displayDir}/`}module "${call.name}"`;
      const dir = moduleDirectory(call.source, config.dir, childKey, manifest);
      const { line, column } = call.block.file.position(call.block.span.start);
      const at = `${call.block.file.path}:${line}:${column}`;
      if (!dir) {
        const remote = call.source !== undefined && !isLocalSource(call.source);
        tree.problems.push({
          target: where,
          message: remote
            ? `${at}: module "${call.name}" (source "${call.source}") is not downloaded, so its resources are not scanned: run \`terraform init -backend=false\` in ${rootShown(tree.display(rootDir))} first (it downloads modules without backend credentials; see docs/github-action.md)`
            : `${at}: module "${call.name}" has no source`,
        });
        continue;
      }
      if (!(await isDirectory(dir))) {
        tree.problems.push({ target: where, message: `${at}: module "${call.name}": source directory ${tree.display(dir)} does not exist` });
        continue;
      }
      // The module's real path: a `self -> .` link is the same directory under another name.
      let real: string;
      try {
        real = await tree.root.inside(dir);
      } catch (error) {
        const reason = error instanceof OutsideScanRoot ? error.message : 'cannot be read';
        // The directory is named only by its path inside the root (a link there), never where it leads.
        const named = tree.root.holds(dir) ? ` source directory ${tree.display(dir)}:` : '';
        tree.problems.push({ target: where, message: `${at}: module "${call.name}":${named} ${reason}` });
        continue;
      }
      if (chain.includes(real) || chain.length >= MAX_MODULE_DEPTH) {
        tree.problems.push({ target: where, message: `${at}: module "${call.name}" calls itself (or nests deeper than ${MAX_MODULE_DEPTH} modules)` });
        continue;
      }
      const child = await tree.module(dir);
      // A module with an unreadable file may declare the variable there: only blocks are certain then.
      const partlyRead = tree.problems.some((p) => p.target.startsWith(`${child.displayDir}/`));
      for (const message of moduleCallMismatches(call, child, partlyRead)) tree.problems.push({ target: where, message });
      await visit(childKey, child, [...chain, real]);
    }
  };
  await visit('', await tree.module(rootDir), [await tree.root.inside(rootDir).catch(() => rootDir)]);
  return modules;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Where to run `terraform init`: a root module's directory as shown, `.` in words. */
function rootShown(display: string): string {
  return display === '.' ? 'the working directory' : display;
}
