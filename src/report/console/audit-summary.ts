import type { Finding } from '../../rules/finding.js';
import { SEVERITIES, severityRank, type Severity } from '../../rules/severity.js';
import type { ScanResult } from '../../scan/scan-result.js';
import { plural } from '../format-value.js';
import { printable } from '../printable-text.js';
import type { ConsoleTheme } from './console-theme.js';

const TOP_POLICIES = 5;

/**
 * What a security lead reads first after an audit of several accounts or regions: failing findings per
 * account × region by severity, and the policies that fail most. Only for live results that span more
 * than one (account, region): for one, the closing line already says it.
 */
export function auditSummaryLines(result: ScanResult, theme: ConsoleTheme): string[] {
  const live = result.findings.filter((f) => f.resource.source === 'live');
  const targets = new Map<string, Finding[]>();
  for (const input of result.inputs) if (input.kind === 'live' && input.status === 'scanned') targets.set(input.path, []);
  for (const finding of live) {
    const list = targets.get(finding.resource.input);
    if (list) list.push(finding);
    else targets.set(finding.resource.input, [finding]);
  }
  if (targets.size < 2) return [];
  const width = Math.max(...[...targets.keys()].map((key) => printable(key).length));
  const lines = [theme.heading('By account and region')];
  for (const [target, findings] of [...targets].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${printable(target).padEnd(width)}  ${countsText(findings, theme)}`);
  }
  const byPolicy = new Map<string, { findings: number; resources: Set<string>; severity: Severity }>();
  for (const finding of live) {
    if (finding.verdict !== 'fail') continue;
    const entry = byPolicy.get(finding.ruleId) ?? { findings: 0, resources: new Set<string>(), severity: finding.severity };
    entry.findings++;
    if (severityRank(finding.severity) > severityRank(entry.severity)) entry.severity = finding.severity;
    entry.resources.add(finding.resource.address);
    byPolicy.set(finding.ruleId, entry);
  }
  if (byPolicy.size > 0) {
    const top = [...byPolicy].sort(([a, x], [b, y]) => y.findings - x.findings || a.localeCompare(b)).slice(0, TOP_POLICIES);
    const idWidth = Math.max(...top.map(([id]) => printable(id).length));
    lines.push(theme.heading(`Top failing policies${byPolicy.size > TOP_POLICIES ? ` (${TOP_POLICIES} of ${byPolicy.size})` : ''}`));
    for (const [id, entry] of top) {
      lines.push(`  ${theme.ruleId(printable(id).padEnd(idWidth))}  ${theme.severity[entry.severity](entry.severity.padEnd(8))}  ${plural(entry.findings, 'finding')} on ${plural(entry.resources.size, 'resource')}`);
    }
  }
  return lines;
}

/** `2 critical · 6 high · 10 low, 1 unknown` or `no findings`. */
function countsText(findings: readonly Finding[], theme: ConsoleTheme): string {
  const failing = findings.filter((f) => f.verdict === 'fail');
  const unknown = findings.filter((f) => f.verdict === 'unknown').length;
  const parts = SEVERITIES.map((s) => [s, failing.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => theme.severity[s](`${n} ${s}`));
  if (unknown > 0) parts.push(`${unknown} unknown`);
  return parts.length > 0 ? parts.join(' · ') : theme.clean('no findings');
}
