import type { UnknownMode, WardenConfig } from '../config/config.js';
import type { Inventory } from '../model/inventory.js';
import type { Finding } from '../rules/finding.js';
import { runPolicies, type ConfiguredPolicy } from '../rules/runner.js';
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
  includePasses?: boolean;
  unknownMode?: UnknownMode;
  /** YYYY-MM-DD, for ignore expiry; defaults to today (UTC). */
  today?: string;
}

/** Runs the policies on one inventory; a policy that throws becomes a coverage gap and the others still run. */
export function evaluateInventory(inventory: Inventory, settings: EvaluationSettings, findings: Finding[], gaps: CoverageGap[]): void {
  const run = runPolicies(inventory, settings.policies, settings.includePasses ?? false);
  // One at a time: spread as arguments, the 100k+ findings of a large plan (passes included) overflow the stack.
  for (const finding of run.findings) findings.push(finding);
  for (const error of run.errors) {
    gaps.push({ scope: 'policy', target: error.input, policyId: error.policyId, message: `policy ${error.policyId} failed: ${error.message}` });
  }
}

/** Applies configuration ignores and the unknown mode, orders the findings and assembles the result. */
export function finishScan(
  command: string,
  parts: { inputs: InputSummary[]; gaps: CoverageGap[]; findings: Finding[]; apiCalls?: ApiCallStats; warnings?: string[] },
  settings: EvaluationSettings,
): ScanResult {
  const today = settings.today ?? new Date().toISOString().slice(0, 10);
  const warnings = applyConfigIgnores(parts.findings, settings.config.ignores ?? [], today, settings.configPath ?? 'warden.yaml');
  const reported = settings.unknownMode === 'ignore' ? parts.findings.filter((f) => f.verdict !== 'unknown') : parts.findings;
  sortFindings(reported);
  return {
    tool: toolInfo(),
    command,
    inputs: parts.inputs,
    coverage: { complete: parts.gaps.length === 0, gaps: parts.gaps, ...(parts.apiCalls ? { apiCalls: parts.apiCalls } : {}) },
    policies: settings.policies.map(({ policy, severityOverride }) => policyMeta(policy, severityOverride)),
    findings: reported,
    summary: summarise(reported),
    warnings: [...(parts.warnings ?? []), ...warnings],
  };
}
