import type { LoadedPolicy } from './loaded-policy.js';
import type { PolicyLoadProblem } from './policy-load-problem.js';

/**
 * Joins policy lists in order (built-ins first). A second policy with an id already taken is not
 * loaded, and the problem names both sources: ids key configuration, ignores and baselines, so two
 * policies must never share one.
 */
export function mergePolicySets(...sets: readonly (readonly LoadedPolicy[])[]): { policies: LoadedPolicy[]; problems: PolicyLoadProblem[] } {
  const byId = new Map<string, LoadedPolicy>();
  const problems: PolicyLoadProblem[] = [];
  for (const set of sets) {
    for (const loaded of set) {
      const first = byId.get(loaded.policy.id);
      if (first) {
        problems.push({
          source: loaded.origin.source,
          policyId: loaded.policy.id,
          message: `duplicate policy id: already defined by ${first.origin.kind === 'builtin' ? 'the built-in policy' : first.origin.source} (this one is not loaded; give it another id)`,
        });
        continue;
      }
      byId.set(loaded.policy.id, loaded);
    }
  }
  return { policies: [...byId.values()], problems };
}
