import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadDeclarativePolicyFile } from '../declarative/load-declarative-policy.js';
import { importPolicyFile } from './import-policy-module.js';
import type { LoadedPolicy } from './loaded-policy.js';
import { describeImportError, policiesFromModule } from './policies-from-module.js';
import { policyFileKind } from './policy-file-kind.js';
import type { PolicyLoadProblem } from './policy-load-problem.js';

export interface LoadedPolicyDir {
  policies: LoadedPolicy[];
  problems: PolicyLoadProblem[];
}

/**
 * Loads every policy file directly inside `dir` (`--policy-dir`): TypeScript/JavaScript modules and
 * declarative `*.policy.yaml|yml|json` files. Sub-folders hold a policy's cases and helper modules
 * and are not loaded themselves. `shownAs` is how the folder is named in messages. `refuse` says why
 * the folder or a file in it must not be read (a link out of the repository that named the folder).
 */
export async function loadPolicyDir(dir: string, shownAs: string, refuse?: (path: string) => string | undefined): Promise<LoadedPolicyDir> {
  const refusedDir = refuse?.(dir);
  if (refusedDir) return { policies: [], problems: [{ source: shownAs, message: refusedDir }] };
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) return { policies: [], problems: [{ source: shownAs, message: 'not a directory (--policy-dir takes a folder of policy files)' }] };
    entries = readdirSync(dir).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { policies: [], problems: [{ source: shownAs, message: code === 'ENOENT' ? 'no such policy directory' : describeImportError(error).message }] };
  }
  const out: LoadedPolicyDir = { policies: [], problems: [] };
  for (const name of entries) {
    const path = join(dir, name);
    const source = join(shownAs, name);
    const kind = policyFileKind(name);
    const refused = kind !== undefined && refuse?.(path);
    if (refused) {
      out.problems.push({ source, message: refused });
      continue;
    }
    if (kind === 'declarative') {
      const loaded = loadDeclarativePolicyFile(path, source, dir);
      if ('problems' in loaded) out.problems.push(...loaded.problems);
      else out.policies.push(loaded.policy);
      continue;
    }
    if (kind !== 'code' || !statSync(path).isFile()) continue;
    let namespace: unknown;
    try {
      namespace = await importPolicyFile(path);
    } catch (error) {
      const { message, position } = describeImportError(error);
      out.problems.push({ source: position ? `${source}:${position}` : source, message });
      continue;
    }
    const found = policiesFromModule(namespace, { kind: 'file', source }, dir, 'exports no policy (export default definePolicy({ … }), a named policy, or an array of policies)');
    out.policies.push(...found.policies);
    out.problems.push(...found.problems);
  }
  return out;
}
