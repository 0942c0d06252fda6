import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Where a plan's `.tf` sources are: `--source-root` when given, else the plan file's directory, else
 * the working directory, whichever first holds `.tf` files. Undefined when none does.
 */
export async function findSourceRoot(planPath: string, cwd: string, sourceRoot?: string): Promise<string | undefined> {
  if (sourceRoot !== undefined) return sourceRoot;
  for (const dir of [dirname(planPath), cwd]) if (await hasTerraformFiles(dir)) return dir;
  return undefined;
}

async function hasTerraformFiles(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).some((name) => name.endsWith('.tf'));
  } catch {
    return false;
  }
}
