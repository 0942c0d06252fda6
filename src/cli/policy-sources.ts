import { dirname, resolve } from 'node:path';
import { builtinPolicies } from '../../policies/index.js';
import type { WardenConfig } from '../config/config.js';
import type { LoadedPolicy } from '../rules/loading/loaded-policy.js';
import { describeLoadProblem, type PolicyLoadProblem } from '../rules/loading/policy-load-problem.js';
import { builtinCasesDir } from '../rules/loading/warden-package.js';
import { displayPath } from '../scan/display-path.js';
import type { CoverageGap, ScanResult } from '../scan/scan-result.js';
import type { PolicySourceFlags } from './policy-flags.js';
import { writeStderrLine } from './stderr-line.js';

export interface PolicyLoad {
  policies: LoadedPolicy[];
  /** Policies that could not be loaded: reported, and the run is incomplete; the others still run. */
  problems: PolicyLoadProblem[];
}

export interface PolicyLoadRequest {
  flags: PolicySourceFlags;
  config: WardenConfig;
  configPath?: string;
  cwd: string;
  /** Built-in policies are included unless a command is asked about given folders only (`warden test DIR`). */
  builtins?: boolean;
  /** Extra folders (`warden test DIR…`), relative to cwd. */
  extraDirs?: readonly string[];
}

/**
 * The built-in policies plus those of `policyDirs`/`policyPackages` in warden.yaml (relative to the
 * config file) and of `--policy-dir`/`--policy-package` (relative to the working directory). The
 * loaders are imported only when a folder or pack is named, so a plain scan does not pay for them.
 */
export async function loadPolicies(request: PolicyLoadRequest): Promise<PolicyLoad> {
  const { flags, config, configPath, cwd } = request;
  const builtins: LoadedPolicy[] = request.builtins === false
    ? []
    : builtinPolicies.map((policy) => ({ policy, origin: { kind: 'builtin', source: `built-in ${policy.id}`, casesDir: builtinCasesDir(policy.id) } }));
  const configDir = configPath ? dirname(resolve(cwd, configPath)) : cwd;
  const dirs = [
    ...(config.policyDirs ?? []).map((d) => resolve(configDir, d)),
    ...(request.extraDirs ?? []).map((d) => resolve(cwd, d)),
    ...(flags.policyDir ?? []).map((d) => resolve(cwd, d)),
  ];
  const packs = [
    ...(config.policyPackages ?? []).map((name) => ({ name, from: configDir })),
    ...(flags.policyPackage ?? []).map((name) => ({ name, from: cwd })),
  ];
  if (dirs.length === 0 && packs.length === 0) return { policies: builtins, problems: [] };

  const [{ loadPolicyDir }, { loadPolicyPackage }, { mergePolicySets }] = await Promise.all([
    import('../rules/loading/load-policy-dir.js'),
    import('../rules/loading/load-policy-package.js'),
    import('../rules/loading/policy-set.js'),
  ]);
  const sets: LoadedPolicy[][] = [builtins];
  const problems: PolicyLoadProblem[] = [];
  for (const dir of [...new Set(dirs)]) {
    const loaded = await loadPolicyDir(dir, displayPath(dir, cwd));
    sets.push(loaded.policies);
    problems.push(...loaded.problems);
  }
  for (const pack of packs) {
    const loaded = await loadPolicyPackage(pack.name, pack.from);
    sets.push(loaded.policies);
    problems.push(...loaded.problems);
  }
  const merged = mergePolicySets(...sets);
  return { policies: merged.policies, problems: [...problems, ...merged.problems] };
}

/** Load problems as coverage gaps (scope `policy`): shown by every reporter, and the run is incomplete (exit 3 unless something failed). */
export function policyLoadGaps(problems: readonly PolicyLoadProblem[]): CoverageGap[] {
  return problems.map((problem) => ({
    scope: 'policy',
    target: problem.source,
    message: `policy not loaded: ${describeLoadProblem(problem)}`,
    ...(problem.policyId ? { policyId: problem.policyId } : {}),
  }));
}

/** Adds load problems to a finished scan or audit result. */
export function recordPolicyLoadProblems(result: ScanResult, problems: readonly PolicyLoadProblem[]): void {
  if (problems.length === 0) return;
  result.coverage.gaps.unshift(...policyLoadGaps(problems));
  result.coverage.complete = false;
}

export function reportLoadProblems(problems: readonly PolicyLoadProblem[]): void {
  for (const problem of problems) writeStderrLine(`policy not loaded: ${describeLoadProblem(problem)}`);
}
