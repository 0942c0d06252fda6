import { dirname, resolve } from 'node:path';
import type { WardenConfig } from '../config/config.js';
import { configBoundary } from '../config/config-boundary.js';
import { OutsideScanRoot } from '../engines/scan-root.js';
import { createBaseline, type Baseline } from '../rules/baseline.js';
import { BaselineError, readBaseline, writeBaseline } from '../scan/baseline-file.js';
import { describeFsError } from '../engines/input-error.js';
import { applyBaseline } from '../scan/apply-baseline.js';
import { displayPath as shown } from '../scan/display-path.js';
import type { ScanResult } from '../scan/scan-result.js';
import type { BaselineFlags } from './baseline-flags.js';
import { UsageError } from './usage-error.js';

/** What a run does with baselines: the one it applies, or the file it records the current findings in. */
export type BaselinePlan = { apply?: Baseline; writeTo?: undefined } | { apply?: undefined; writeTo: string };

/**
 * Settles the baseline flags before any work: `--write-baseline` wins (it records every current finding,
 * so no baseline is read); else `--baseline`, else `baseline` of warden.yaml (relative to that file) is
 * read, and a bad one stops the run with one line (exit 2).
 */
export function planBaseline(flags: BaselineFlags, config: WardenConfig, configPath: string | undefined, cwd: string): BaselinePlan {
  if (flags.writeBaseline) return { writeTo: resolve(cwd, flags.writeBaseline) };
  const path = flags.baseline ? resolve(cwd, flags.baseline) : config.baseline ? resolve(dirname(configPath ?? cwd), config.baseline) : undefined;
  if (!path) return {};
  if (!flags.baseline && !configBoundary(dirname(configPath ?? cwd), cwd)(path)) throw new UsageError(`baseline ${shown(path, cwd)}: ${new OutsideScanRoot().message}`);
  try {
    return { apply: readBaseline(path, shown(path, cwd)) };
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Applies the plan to a finished run: records the baseline if asked (not when no input could be read: that
 * would record nothing) and reports the run as the next one will see it, accepted findings counted as baselined.
 */
export function settleBaseline(result: ScanResult, plan: BaselinePlan, cwd: string): ScanResult {
  if (plan.writeTo === undefined) return plan.apply ? applyBaseline(result, plan.apply) : result;
  if (result.inputs.length > 0 && result.inputs.every((input) => input.status === 'error')) {
    return { ...result, warnings: [...result.warnings, `no input could be read: baseline ${shown(plan.writeTo, cwd)} not written`] };
  }
  const baseline = createBaseline(result.findings, result.tool, new Date().toISOString().slice(0, 10));
  try {
    writeBaseline(plan.writeTo, baseline);
  } catch (error) {
    throw new UsageError(`--write-baseline: ${shown(plan.writeTo, cwd)}: ${describeFsError(error)}`);
  }
  const recorded = applyBaseline(result, baseline);
  if (result.coverage.complete) return recorded;
  const incomplete = `baseline ${shown(plan.writeTo, cwd)} was recorded from an incomplete scan: findings in what could not be read will be new`;
  return { ...recorded, warnings: [...recorded.warnings, incomplete] };
}
