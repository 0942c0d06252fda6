import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The shared corpus: `$WARDEN_CORPUS`, else the nearest `shared/corpus` with a `plans/` folder beside the
 * repository or one of its parents (a checkout in /work/main and a worktree in /work/wt/NAME both find
 * /work/shared/corpus). Undefined when there is none.
 */
export function findCorpus(repo: string): string | undefined {
  const fromEnv = process.env['WARDEN_CORPUS'];
  if (fromEnv) return fromEnv;
  for (let dir = dirname(repo); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'corpus');
    if (existsSync(join(candidate, 'plans'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
