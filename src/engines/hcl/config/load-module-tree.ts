import { stat } from 'node:fs/promises';
import { moduleCallMismatches } from './module-call-arguments.js';
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
  const manifest = await readModuleManifest(rootDir);
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
            ? `${at}: module "${call.name}" (source "${call.source}") is not downloaded: run \`terraform init\` so that .terraform/modules holds it`
            : `${at}: module "${call.name}" has no source`,
        });
        continue;
      }
      if (!(await isDirectory(dir))) {
        tree.problems.push({ target: where, message: `${at}: module "${call.name}": source directory ${tree.display(dir)} does not exist` });
        continue;
      }
      if (chain.includes(dir) || chain.length >= MAX_MODULE_DEPTH) {
        tree.problems.push({ target: where, message: `${at}: module "${call.name}" calls itself (or nests deeper than ${MAX_MODULE_DEPTH} modules)` });
        continue;
      }
      const child = await tree.module(dir);
      // A module with an unreadable file may declare the variable there: only blocks are certain then.
      const partlyRead = tree.problems.some((p) => p.target.startsWith(`${child.displayDir}/`));
      for (const message of moduleCallMismatches(call, child, partlyRead)) tree.problems.push({ target: where, message });
      await visit(childKey, child, [...chain, dir]);
    }
  };
  await visit('', await tree.module(rootDir), [rootDir]);
  return modules;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
