import type { Finding } from './finding.js';

/** Version of the baseline file format (schemas/warden-baseline.schema.json). */
export const BASELINE_VERSION = 1;

/** One accepted finding. Only the fingerprint is matched; rule, resource and message are for reviewers. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  resource: string;
  message: string;
}

/** The findings accepted when warden was adopted: later runs report and gate only the others. */
export interface Baseline {
  baselineVersion: typeof BASELINE_VERSION;
  tool: { name: string; version: string };
  /** YYYY-MM-DD. */
  created: string;
  findings: BaselineEntry[];
}

/** Entry messages are kept to one short line, so that the file reads well in a pull request. */
const MESSAGE_LENGTH = 160;

/**
 * Failing and undecided findings are baselined. Suppressed ones are not: their ignore already carries a
 * reason and an expiry, and recording them would keep them hidden after that ignore expires or is removed.
 */
export function isBaselineable(finding: Finding): boolean {
  return finding.verdict === 'fail' || finding.verdict === 'unknown';
}

/**
 * A baseline of the current findings: one entry per fingerprint, sorted, so that recording unchanged
 * findings again gives the same entries (and the same file) whatever order the inputs were read in.
 */
export function createBaseline(findings: readonly Finding[], tool: { name: string; version: string }, created: string): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    if (!isBaselineable(finding) || entries.has(finding.fingerprint)) continue;
    entries.set(finding.fingerprint, {
      fingerprint: finding.fingerprint,
      ruleId: finding.ruleId,
      resource: finding.resource.address,
      message: shortMessage(finding.message),
    });
  }
  const sorted = [...entries.values()].sort((a, b) => compare(a.ruleId, b.ruleId) || compare(a.resource, b.resource) || compare(a.fingerprint, b.fingerprint));
  return { baselineVersion: BASELINE_VERSION, tool: { name: tool.name, version: tool.version }, created, findings: sorted };
}

/** The file text: stable key order and indentation, one trailing newline. */
export function serialiseBaseline(baseline: Baseline): string {
  const { baselineVersion, tool, created, findings } = baseline;
  const ordered = {
    baselineVersion,
    tool: { name: tool.name, version: tool.version },
    created,
    findings: findings.map(({ fingerprint, ruleId, resource, message }) => ({ fingerprint, ruleId, resource, message })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** True when two baselines record the same findings (dates and tool versions aside). */
export function sameEntries(a: Baseline, b: Baseline): boolean {
  return serialiseBaseline({ ...a, tool: b.tool, created: b.created }) === serialiseBaseline(b);
}

/**
 * Splits findings by a baseline: failing and unknown findings whose fingerprint it lists are left out
 * (and counted); everything else (new findings, suppressions, passes) is kept.
 */
export function filterBaselined(findings: readonly Finding[], baseline: Baseline): { kept: Finding[]; baselined: number } {
  const accepted = new Set(baseline.findings.map((entry) => entry.fingerprint));
  const kept: Finding[] = [];
  let baselined = 0;
  for (const finding of findings) {
    if (isBaselineable(finding) && accepted.has(finding.fingerprint)) baselined++;
    else kept.push(finding);
  }
  return { kept, baselined };
}

function shortMessage(message: string): string {
  const line = message.split('\n')[0]!.trim();
  return line.length <= MESSAGE_LENGTH ? line : `${line.slice(0, MESSAGE_LENGTH - 1)}…`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
