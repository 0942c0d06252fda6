import { dirname, resolve } from 'node:path';
import { builtinPolicies } from '../../policies/index.js';
import type { WardenConfig } from '../config/config.js';
import { ConfigError } from '../config/load-config.js';
import { policyInFrameworks } from '../rules/frameworks.js';
import type { LoadedPolicy } from '../rules/loading/loaded-policy.js';
import { describeLoadProblem, type PolicyLoadProblem } from '../rules/loading/policy-load-problem.js';
import { builtinCasesDir } from '../rules/loading/warden-package.js';
import type { ConfiguredPolicy } from '../rules/runner.js';
import { selectPolicies, type Selection } from '../rules/select-policies.js';
import { displayPath } from '../scan/run-scan.js';
import type { CoverageGap, ScanResult } from '../scan/scan-result.js';
import type { FrameworkFlags, PolicySourceFlags } from './policy-flags.js';
import { UsageError } from './usage-error.js';
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

/**
 * The policies a run evaluates: selectPolicies (config, --only/--skip, options, severity
 * overrides), then narrowed to the requested frameworks. Settings in warden.yaml for a policy that
 * failed to load are set aside rather than failing the run as an unknown id: its load problem is
 * already reported.
 */
export function selectLoadedPolicies(load: PolicyLoad, config: WardenConfig, selection: Selection & FrameworkFlags, configPath?: string): ConfiguredPolicy[] {
  const broken = new Set(load.problems.map((p) => p.policyId).filter((id): id is string => id !== undefined));
  const loadedIds = new Set(load.policies.map((l) => l.policy.id));
  const missing = (id: string): boolean => broken.has(id) && !loadedIds.has(id);
  const usable: WardenConfig = {
    ...config,
    ...(config.only ? { only: config.only.filter((id) => !missing(id)) } : {}),
    ...(config.skip ? { skip: config.skip.filter((id) => !missing(id)) } : {}),
    ...(config.policies ? { policies: Object.fromEntries(Object.entries(config.policies).filter(([id]) => !missing(id))) } : {}),
  };
  const keep = (ids: readonly string[] | undefined): string[] | undefined => ids?.filter((id) => !missing(id));
  let selected: ConfiguredPolicy[];
  try {
    selected = selectPolicies(load.policies.map((l) => l.policy), usable, { only: keep(selection.only), skip: keep(selection.skip) }, configPath);
  } catch (error) {
    // A config error may come from a policy file that did not load: say so before the error itself.
    if (error instanceof ConfigError) reportLoadProblems(load.problems);
    throw error;
  }
  const frameworks = selection.framework ?? [];
  if (frameworks.length === 0) return selected;
  const inFrameworks = selected.filter(({ policy }) => policyInFrameworks(policy, frameworks));
  if (inFrameworks.length === 0) {
    throw new UsageError(`--framework: no selected policy is mapped to ${frameworks.map((f) => `"${f}"`).join(', ')} (see \`warden policies --framework NAME\`)`);
  }
  return inFrameworks;
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

export interface RunPolicies {
  policies: ConfiguredPolicy[];
  problems: PolicyLoadProblem[];
}

/**
 * The one call `scan` and `audit` make to get their policies: load (built-ins, policy dirs and
 * packs), then select (config, --only/--skip, --framework). Pass `problems` to
 * recordPolicyLoadProblems once the result exists.
 */
export async function policiesForRun(
  flags: PolicySourceFlags & FrameworkFlags & Selection,
  config: WardenConfig,
  configPath: string | undefined,
  cwd: string,
): Promise<RunPolicies> {
  const load = await loadPolicies({ flags, config, ...(configPath ? { configPath } : {}), cwd });
  return { policies: selectLoadedPolicies(load, config, flags, configPath), problems: load.problems };
}
