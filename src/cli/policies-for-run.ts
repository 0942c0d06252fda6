import type { WardenConfig } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { policyInFrameworks } from '../rules/frameworks.js';
import { describeLoadProblem } from '../rules/loading/policy-load-problem.js';
import type { ConfiguredPolicy } from '../rules/runner.js';
import { selectPolicies, type Selection } from '../rules/select-policies.js';
import type { FrameworkFlags, PolicySourceFlags } from './policy-flags.js';
import { loadPolicies, reportLoadProblems, type PolicyLoad } from './policy-sources.js';
import { UsageError } from './usage-error.js';

export interface RunPolicies {
  policies: ConfiguredPolicy[];
  /** Every loaded policy id, selected or not: what an ignore comment may name. */
  knownIds: string[];
}

/**
 * The one call `scan` and `audit` make to get their policies: load (built-ins, policy dirs and
 * packs), then select (config, --only/--skip, --framework). A policy that cannot be loaded is a
 * configuration error (DESIGN §8), before any input is read: a gate that skipped it would pass
 * what it was written to fail, and --allow-incomplete (which forgives unreadable inputs) must not
 * forgive it.
 */
export async function policiesForRun(
  flags: PolicySourceFlags & FrameworkFlags & Selection,
  config: WardenConfig,
  configPath: string | undefined,
  cwd: string,
  codePolicies = true,
): Promise<RunPolicies> {
  const load = await loadPolicies({ flags, config, ...(configPath ? { configPath } : {}), cwd, codePolicies });
  refuseLoadProblems(load);
  return { policies: selectLoadedPolicies(load, config, flags, configPath), knownIds: load.policies.map((l) => l.policy.id) };
}

/** One stderr line per policy not loaded; the last is the ConfigError that ends the run with exit 2. */
function refuseLoadProblems({ problems }: PolicyLoad): void {
  if (problems.length === 0) return;
  reportLoadProblems(problems.slice(0, -1));
  throw new ConfigError(`policy not loaded: ${describeLoadProblem(problems.at(-1)!)}`);
}

/**
 * The policies a run evaluates: selectPolicies (config, --only/--skip, options, severity
 * overrides), then narrowed to the requested frameworks.
 */
function selectLoadedPolicies(load: PolicyLoad, config: WardenConfig, selection: Selection & FrameworkFlags, configPath?: string): ConfiguredPolicy[] {
  const selected = selectPolicies(load.policies.map((l) => l.policy), config, { only: selection.only, skip: selection.skip }, configPath);
  const frameworks = selection.framework ?? [];
  if (frameworks.length === 0) return selected;
  const inFrameworks = selected.filter(({ policy }) => policyInFrameworks(policy, frameworks));
  if (inFrameworks.length === 0) {
    throw new UsageError(`--framework: no selected policy is mapped to ${frameworks.map((f) => `"${f}"`).join(', ')} (see \`warden policies --framework NAME\`)`);
  }
  return inFrameworks;
}
