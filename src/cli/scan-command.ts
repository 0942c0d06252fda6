import { loadConfig } from '../config/load-config.js';
import { runScan } from '../scan/run-scan.js';
import type { ScanResult } from '../scan/scan-result.js';
import { emitResult, planOutput, type OutputFlags, type OutputPlan } from './emit-result.js';
import type { FrameworkFlags, PolicySourceFlags } from './policy-flags.js';
import { policiesForRun, recordPolicyLoadProblems } from './policy-sources.js';
import { loadOptionsFrom, type SourceFlags } from './source-flags.js';

export interface ScanFlags extends OutputFlags, PolicySourceFlags, FrameworkFlags, SourceFlags {
  config?: string;
  only?: string[];
  skip?: string[];
  includePasses?: boolean;
}

/** A finished scan and the checked output flags that say how to report it. */
export interface ScanRun {
  result: ScanResult;
  plan: OutputPlan;
}

/**
 * Checks the flags, loads config and policies, and scans: everything `warden scan` does before
 * reporting. Shared with the GitHub Action, which reports the same result its own way. Paths are
 * shown relative to `cwd`.
 */
export async function performScan(paths: string[], flags: ScanFlags, cwd: string): Promise<ScanRun> {
  const { config, path: configPath } = loadConfig(flags.config, cwd);
  const plan = planOutput(flags, config);
  const load = loadOptionsFrom(flags, cwd);
  const { policies, problems } = await policiesForRun(flags, config, configPath, cwd);

  const result = await runScan({
    paths,
    cwd,
    policies,
    config,
    ...(configPath ? { configPath } : {}),
    includePasses: flags.includePasses ?? false,
    unknownMode: plan.unknownMode,
    load,
  });
  recordPolicyLoadProblems(result, problems);
  return { result, plan };
}

/** `warden scan PATH…`: returns the exit code. */
export async function scanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  const cwd = process.cwd();
  const { result, plan } = await performScan(paths, flags, cwd);
  return emitResult(result, plan, cwd);
}
