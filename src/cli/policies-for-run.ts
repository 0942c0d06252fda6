import type { WardenConfig } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { policyInFrameworks } from '../rules/frameworks.js';
import type { PolicyLoadProblem } from '../rules/loading/policy-load-problem.js';
import type { ConfiguredPolicy } from '../rules/runner.js';
import { selectPolicies, type Selection } from '../rules/select-policies.js';
import type { FrameworkFlags, PolicySourceFlags } from './policy-flags.js';
import { loadPolicies, reportLoadProblems, type PolicyLoad } from './policy-sources.js';
import { UsageError } from './usage-error.js';

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
  codePolicies = true,
): Promise<RunPolicies> {
  const load = await loadPolicies({ flags, config, ...(configPath ? { configPath } : {}), cwd, codePolicies });
  return { policies: selectLoadedPolicies(load, config, flags, configPath), problems: load.problems };
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
