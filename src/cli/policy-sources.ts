import { dirname, resolve } from 'node:path';
import type { WardenConfig } from '../config/config.js';
import { configBoundary } from '../config/config-boundary.js';
import { OutsideScanRoot } from '../engines/scan-root.js';
import type { LoadedPolicy } from '../rules/loading/loaded-policy.js';
import { describeLoadProblem, type PolicyLoadProblem } from '../rules/loading/policy-load-problem.js';
import type { PolicyMeta } from '../scan/scan-result.js';
import type { PolicySourceFlags } from './policy-flags.js';
import { writeStderrLine } from './stderr-line.js';

export interface PolicyLoad {
  policies: LoadedPolicy[];
  /** Policies that could not be loaded: `scan`/`audit` refuse to run, `test` counts them as failures. */
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
  /** False in the GitHub Action without `allow-code-policies`: naming a code policy is then a ConfigError, and none is imported. */
  codePolicies?: boolean;
}

/** A policy folder; `inside` tells whether a file of it may be read, when a config file (repository content) named it. */
interface PolicyDirSource {
  dir: string;
  inside?: (path: string) => boolean;
}

/** The policy folders and packs a request names (warden.yaml first, then the command line), resolved. */
function userPolicySources(request: PolicyLoadRequest): { dirs: PolicyDirSource[]; packs: { name: string; from: string }[] } {
  const { flags, config, configPath, cwd } = request;
  const configDir = configPath ? dirname(resolve(cwd, configPath)) : cwd;
  const inside = config.policyDirs?.length ? configBoundary(configDir, cwd) : undefined;
  const dirs = [
    ...(config.policyDirs ?? []).map((d) => ({ dir: resolve(configDir, d), ...(inside ? { inside } : {}) })),
    ...(request.extraDirs ?? []).map((d) => ({ dir: resolve(cwd, d) })),
    ...(flags.policyDir ?? []).map((d) => ({ dir: resolve(cwd, d) })),
  ];
  const packs = [
    ...(config.policyPackages ?? []).map((name) => ({ name, from: configDir })),
    ...(flags.policyPackage ?? []).map((name) => ({ name, from: cwd })),
  ];
  return { dirs: dirs.filter((one, i) => dirs.findIndex((other) => other.dir === one.dir) === i), packs };
}

/** Why a path outside a config file's boundary is not read; undefined when it is inside. */
function refusal(inside: (path: string) => boolean): (path: string) => string | undefined {
  return (path) => (inside(path) ? undefined : new OutsideScanRoot().message);
}

/**
 * The built-in policies plus those of `policyDirs`/`policyPackages` in warden.yaml (relative to the
 * config file) and of `--policy-dir`/`--policy-package` (relative to the working directory). The
 * loaders are imported only when a folder or pack is named, so a plain scan does not pay for them.
 */
export async function loadPolicies(request: PolicyLoadRequest): Promise<PolicyLoad> {
  const { cwd } = request;
  const builtins = request.builtins === false ? [] : await loadBuiltinPolicies();
  const { dirs, packs } = userPolicySources(request);
  if (dirs.length === 0 && packs.length === 0) return { policies: builtins, problems: [] };
  if (request.codePolicies === false) (await import('./code-policy-opt-in.js')).refuseCodePolicies(dirs.map((one) => one.dir), packs, cwd, request.configPath);

  const [{ loadPolicyDir }, { loadPolicyPackage }, { mergePolicySets }, { displayPath }] = await Promise.all([
    import('../rules/loading/load-policy-dir.js'),
    import('../rules/loading/load-policy-package.js'),
    import('../rules/loading/policy-set.js'),
    import('../scan/display-path.js'),
  ]);
  const sets: LoadedPolicy[][] = [builtins];
  const problems: PolicyLoadProblem[] = [];
  for (const { dir, inside } of dirs) {
    const loaded = await loadPolicyDir(dir, displayPath(dir, cwd), inside ? refusal(inside) : undefined);
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

/** The built-in policy modules, imported only by commands that run policies (`warden policies` reads the catalog). */
async function loadBuiltinPolicies(): Promise<LoadedPolicy[]> {
  const [{ builtinPolicies }, { builtinCasesDir }, { withBuiltinHelpUri }] = await Promise.all([
    import('../../policies/index.js'),
    import('../rules/loading/warden-package.js'),
    import('../rules/loading/builtin-help-uri.js'),
  ]);
  return builtinPolicies.map((policy) => ({ policy: withBuiltinHelpUri(policy), origin: { kind: 'builtin', source: `built-in ${policy.id}`, casesDir: builtinCasesDir(policy.id) } }));
}

export interface ListedPolicy extends PolicyMeta {
  /** `built-in`, or the folder or pack the policy was loaded from. */
  source: string;
}

/**
 * What `warden policies` lists: the metadata of the policies loadPolicies would load. With built-ins
 * only it comes from the build's catalog, without importing a policy module (DESIGN §7 start-up).
 */
export async function listPolicies(request: PolicyLoadRequest): Promise<{ policies: ListedPolicy[]; problems: PolicyLoadProblem[] }> {
  const { dirs, packs } = userPolicySources(request);
  if (dirs.length === 0 && packs.length === 0 && request.builtins !== false) {
    const { builtinCatalog } = await import('./builtin-catalog.js');
    return { policies: (await builtinCatalog()).map((meta) => ({ ...meta, source: 'built-in' })), problems: [] };
  }
  const [load, { policyMeta }] = await Promise.all([loadPolicies(request), import('../scan/policy-meta.js')]);
  const policies = load.policies.map(({ policy, origin }) => ({ ...policyMeta(policy), source: origin.kind === 'builtin' ? 'built-in' : origin.source }));
  return { policies, problems: load.problems };
}

export function reportLoadProblems(problems: readonly PolicyLoadProblem[]): void {
  for (const problem of problems) writeStderrLine(`policy not loaded: ${describeLoadProblem(problem)}`);
}
