import { loadConfig } from '../config/load-config.js';
import { runScan } from '../scan/run-scan.js';
import type { BaselineFlags } from './baseline-flags.js';
import { planBaseline, settleBaseline } from './baseline-run.js';
import { emitResult, planOutput, type OutputFlags } from './emit-result.js';
import type { FrameworkFlags, PolicySourceFlags } from './policy-flags.js';
import { policiesForRun } from './policies-for-run.js';
import { recordPolicyLoadProblems } from './policy-sources.js';
import { loadOptionsFrom, type SourceFlags } from './source-flags.js';

export interface ScanFlags extends OutputFlags, PolicySourceFlags, FrameworkFlags, SourceFlags, BaselineFlags {
  config?: string;
  only?: string[];
  skip?: string[];
}

/** `warden scan PATH…`: returns the exit code. */
export async function scanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  const cwd = process.cwd();
  const { config, path: configPath } = await loadConfig(flags.config, cwd);
  const plan = planOutput(flags, config);
  const load = loadOptionsFrom(flags, cwd);
  const baseline = planBaseline(flags, config, configPath, cwd);
  const { policies, problems } = await policiesForRun(flags, config, configPath, cwd);

  const result = await runScan({
    paths,
    cwd,
    policies,
    config,
    ...(configPath ? { configPath } : {}),
    includePasses: plan.collectPasses,
    unknownMode: plan.unknownMode,
    load,
  });
  recordPolicyLoadProblems(result, problems);
  return emitResult(settleBaseline(result, baseline, cwd), plan, cwd);
}
