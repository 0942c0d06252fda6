import type { UnknownMode, WardenConfig } from '../config/config.js';
import type { Inventory } from '../model/inventory.js';
import type { Finding } from '../rules/finding.js';
import type { PassRecord } from '../rules/pass-record.js';
import { runPolicies, type ConfiguredPolicy, type PassMode } from '../rules/runner.js';
import { applyConfigIgnores } from '../rules/suppressions.js';
import { toolInfo } from '../version.js';
import { policyMeta } from './policy-meta.js';
import type { ApiCallStats, CoverageGap, InputSummary, ScanResult } from './scan-result.js';
import { sortFindings } from './sort-findings.js';
import { summarise } from './summarise.js';

/** What every run evaluates with: the policies and how findings are reported. Shared by `scan` and `audit`. */
export interface EvaluationSettings {
  policies: readonly ConfiguredPolicy[];
  config: WardenConfig;
  configPath?: string;
  /** Passing checks: dropped (the default), counted for JUnit, or reported as findings (--include-passes). */
  passMode?: PassMode;
  unknownMode?: UnknownMode;
  /** YYYY-MM-DD, for ignore expiry; defaults to today (UTC). */
  today?: string;
  /** Called with each inventory before its policies run (`--sg-report` describes it), so none has to be kept. */
  onInventory?: (inventory: Inventory) => void;
}

/** What the policies found on the inputs so far: findings, passes (when counted) and coverage gaps. */
export interface Evaluated {
  findings: Finding[];
  passes: PassRecord[];
  gaps: CoverageGap[];
}

/** Runs the policies on one inventory; a policy that throws becomes a `policy` coverage gap (exit 2) and the others still run. */
export function evaluateInventory(inventory: Inventory, settings: EvaluationSettings, { findings, passes, gaps }: Evaluated): void {
  settings.onInventory?.(inventory);
  const run = runPolicies(inventory, settings.policies, settings.passMode ?? 'omit');
  // One at a time: spread as arguments, the 100k+ findings or passes of a large plan overflow the stack.
  for (const finding of run.findings) findings.push(finding);
  for (const pass of run.passes) passes.push(pass);
  for (const error of run.errors) {
    const where = error.resource ? ` on ${error.resource}` : '';
    gaps.push({ scope: 'policy', target: error.input, policyId: error.policyId, message: `policy ${error.policyId} is broken: its check threw${where} (${error.input}): ${error.message}` });
  }
}

/** Applies configuration ignores and the unknown mode, orders the findings and assembles the result. */
export function finishScan(
  command: string,
  parts: Evaluated & { inputs: InputSummary[]; apiCalls?: ApiCallStats; warnings?: string[]; notes?: string[] },
  settings: EvaluationSettings,
): ScanResult {
  const today = settings.today ?? new Date().toISOString().slice(0, 10);
  const warnings = applyConfigIgnores(parts.findings, settings.config.ignores ?? [], today, settings.configPath ?? 'warden.yaml');
  const reported = settings.unknownMode === 'ignore' ? parts.findings.filter((f) => f.verdict !== 'unknown') : parts.findings;
  sortFindings(reported);
  sortFindings(parts.passes);
  return {
    tool: toolInfo(),
    command,
    inputs: parts.inputs,
    coverage: {
      complete: parts.gaps.length === 0,
      gaps: parts.gaps,
      ...(parts.notes?.length ? { notes: parts.notes } : {}),
      ...(parts.apiCalls ? { apiCalls: parts.apiCalls } : {}),
    },
    policies: settings.policies.map(({ policy, severityOverride }) => policyMeta(policy, severityOverride)),
    findings: reported,
    ...(parts.passes.length > 0 ? { passes: parts.passes } : {}),
    summary: summarise(reported),
    warnings: [...(parts.warnings ?? []), ...warnings],
  };
}
