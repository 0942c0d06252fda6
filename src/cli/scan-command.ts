import { loadConfig } from '../config/load-config.js';
import { runScan } from '../scan/run-scan.js';
import type { ScanResult } from '../scan/scan-result.js';
import type { BaselineFlags } from './baseline-flags.js';
import { planBaseline, settleBaseline } from './baseline-run.js';
import { emitResult, planOutput, type OutputFlags, type OutputPlan } from './emit-result.js';
import type { FrameworkFlags, PolicySourceFlags } from './policy-flags.js';
import { policiesForRun } from './policies-for-run.js';
import { loadOptionsFrom, type SourceFlags } from './source-flags.js';

export interface ScanFlags extends OutputFlags, PolicySourceFlags, FrameworkFlags, SourceFlags, BaselineFlags {
  config?: string;
  only?: string[];
  skip?: string[];
}

/** How the caller limits the scan beyond its flags: the GitHub Action imports policy code only when its workflow allows it. */
export interface ScanTrust {
  codePolicies: boolean;
}

/** A finished scan (its baseline settled) and the checked output flags that say how to report it. */
export interface ScanRun {
  result: ScanResult;
  plan: OutputPlan;
}

/**
 * Checks the flags, loads config and policies, scans, and applies or records the baseline:
 * everything `warden scan` does before reporting. Shared with the GitHub Action, which reports the
 * same result its own way. Paths are shown relative to `cwd`.
 */
export async function performScan(paths: string[], flags: ScanFlags, cwd: string, trust: ScanTrust = { codePolicies: true }): Promise<ScanRun> {
  const { config, path: configPath } = await loadConfig(flags.config, cwd);
  const plan = planOutput(flags, config);
  const load = loadOptionsFrom(flags, cwd, config);
  const baseline = planBaseline(flags, config, configPath, cwd);
  const { policies, knownIds } = await policiesForRun(flags, config, configPath, cwd, trust.codePolicies);
  const sgReport = flags.sgReport ? new (await import('./sg-report-file.js')).SgReportFile(flags.sgReport, cwd) : undefined;

  const result = await runScan({
    paths,
    cwd,
    policies,
    knownRuleIds: knownIds,
    config,
    ...(configPath ? { configPath } : {}),
    passMode: plan.passMode,
    unknownMode: plan.unknownMode,
    load,
    ...(sgReport ? { onInventory: sgReport.add } : {}),
  });
  const settled = settleBaseline(result, baseline, cwd);
  sgReport?.write(settled);
  return { result: settled, plan };
}

/** `warden scan PATH…`: returns the exit code. */
export async function scanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  const cwd = process.cwd();
  const { result, plan } = await performScan(paths, flags, cwd);
  return emitResult(result, plan, cwd);
}
