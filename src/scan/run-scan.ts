import { isAbsolute, relative, resolve } from 'node:path';
import type { UnknownMode, WardenConfig } from '../config/config.js';
import { InputError } from '../engines/input-error.js';
import { loadInput } from '../engines/load-input.js';
import type { Finding } from '../rules/finding.js';
import type { Policy } from '../rules/policy.js';
import { runPolicies, type ConfiguredPolicy } from '../rules/runner.js';
import { applyConfigIgnores } from '../rules/suppressions.js';
import { toolInfo } from '../version.js';
import type { CoverageGap, InputSummary, PolicyMeta, ScanResult } from './scan-result.js';
import { summarise } from './summarise.js';
import { sortFindings } from './sort-findings.js';

export interface ScanRequest {
  paths: readonly string[];
  cwd: string;
  policies: readonly ConfiguredPolicy[];
  config: WardenConfig;
  configPath?: string;
  includePasses?: boolean;
  unknownMode?: UnknownMode;
  /** YYYY-MM-DD, for ignore expiry; defaults to today (UTC). */
  today?: string;
}

/** Loads every input (a bad one is recorded, the others still scanned) and runs the policies on each. */
export async function runScan(request: ScanRequest): Promise<ScanResult> {
  const inputs: InputSummary[] = [];
  const gaps: CoverageGap[] = [];
  const findings: Finding[] = [];
  for (const path of request.paths) {
    const display = displayPath(path, request.cwd);
    try {
      const loaded = await loadInput(resolve(request.cwd, path), display);
      const run = runPolicies(loaded.inventory, request.policies, request.includePasses ?? false);
      findings.push(...run.findings);
      for (const error of run.errors) {
        gaps.push({ scope: 'policy', target: error.input, policyId: error.policyId, message: `policy ${error.policyId} failed: ${error.message}` });
      }
      inputs.push({ path: display, kind: loaded.kind, status: 'scanned', resources: loaded.inventory.resources.length, details: loaded.details });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputs.push({ path: display, kind: 'unknown', status: 'error', error: error.message });
      gaps.push({ scope: 'input', target: display, message: error.message });
    }
  }
  const today = request.today ?? new Date().toISOString().slice(0, 10);
  const warnings = applyConfigIgnores(findings, request.config.ignores ?? [], today, request.configPath ?? 'warden.yaml');
  const reported = request.unknownMode === 'ignore' ? findings.filter((f) => f.verdict !== 'unknown') : findings;
  sortFindings(reported);
  return {
    tool: toolInfo(),
    command: 'scan',
    inputs,
    coverage: { complete: gaps.length === 0, gaps },
    policies: request.policies.map(({ policy, severityOverride }) => policyMeta(policy, severityOverride)),
    findings: reported,
    summary: summarise(reported),
    warnings,
  };
}

export function policyMeta(policy: Policy, severityOverride?: PolicyMeta['severity']): PolicyMeta {
  return {
    id: policy.id,
    title: policy.title,
    severity: severityOverride ?? policy.severity,
    description: policy.description,
    remediation: policy.remediation,
    helpUri: policy.helpUri ?? `https://github.com/warden-scanner/warden/blob/main/docs/policies.md#${policy.id}`,
    frameworks: policy.frameworks ?? {},
    tags: policy.tags ?? [],
  };
}

/** Paths inside the working directory are reported relative to it (repo-relative for SARIF and annotations). */
export function displayPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : absolute;
}
