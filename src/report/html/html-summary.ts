import type { Finding } from '../../rules/finding.js';
import { SEVERITIES, severityRank, type Severity } from '../../rules/severity.js';
import type { ScanResult } from '../../scan/scan-result.js';
import { printable } from '../printable-text.js';
import { escapeHtml as e, safeHref } from './html-escape.js';

/** Failing findings by severity, unknown, suppressed and passed: the cards at the top. */
export function severityCards(result: ScanResult): string {
  const { bySeverity, byVerdict } = result.summary;
  const cards = [
    ...SEVERITIES.map((s) => card(s, bySeverity[s], s)),
    card('unknown', byVerdict.unknown, 'unknown'),
    card('suppressed', byVerdict.suppressed, ''),
    ...(result.summary.baselined !== undefined ? [card('baselined', result.summary.baselined, '')] : []),
    ...(byVerdict.pass > 0 ? [card('passed', byVerdict.pass, '')] : []),
  ];
  return `<div class="cards">${cards.join('')}</div>`;
}

function card(label: string, count: number, kind: string): string {
  return `<div class="card ${kind}"><b>${count}</b>${e(label)}</div>`;
}

/** Complete, or what could not be read: an incomplete audit must not look clean. */
export function coverageBanner(result: ScanResult): string {
  const { gaps } = result.coverage;
  if (gaps.length === 0) return '<div class="banner complete" id="coverage">Complete: every input, account and region was read.</div>';
  const items = gaps.map((gap) => `<li>${e(printable(gap.message))}</li>`).join('');
  return `<div class="banner incomplete" id="coverage"><strong>Incomplete: ${gaps.length} coverage gap${gaps.length > 1 ? 's' : ''}.</strong> What could not be read is not known to be clean.<ul>${items}</ul></div>`;
}

/** Counts per account × region (live) or input (scan): failing by severity, and unknown. */
export function targetTable(result: ScanResult): string {
  const rows = new Map<string, Finding[]>();
  for (const input of result.inputs) if (input.kind !== 'inventory') rows.set(input.path, []);
  for (const finding of result.findings) {
    const list = rows.get(finding.resource.input);
    if (list) list.push(finding);
    else rows.set(finding.resource.input, [finding]);
  }
  const live = result.findings.some((f) => f.resource.source === 'live') || result.inputs.some((i) => i.kind === 'live');
  const head = `<tr><th>${live ? 'Account / region' : 'Input'}</th>${SEVERITIES.map((s) => `<th class="sev ${s}">${s}</th>`).join('')}<th>unknown</th></tr>`;
  const body = [...rows]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([target, findings]) => {
      const failing = findings.filter((f) => f.verdict === 'fail');
      const cells = SEVERITIES.map((s) => `<td class="n">${failing.filter((f) => f.severity === s).length || ''}</td>`).join('');
      return `<tr><td>${e(printable(target))}</td>${cells}<td class="n">${findings.filter((f) => f.verdict === 'unknown').length || ''}</td></tr>`;
    })
    .join('');
  return `<table id="by-target"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** Per policy that ran: its failing findings and resources, unknowns; most failing first. */
export function policyTable(result: ScanResult): string {
  const rows = result.policies.map((policy) => {
    const mine = result.findings.filter((f) => f.ruleId === policy.id);
    const failing = mine.filter((f) => f.verdict === 'fail');
    return { policy, failing: failing.length, resources: new Set(failing.map((f) => f.resource.address)).size, unknown: mine.filter((f) => f.verdict === 'unknown').length };
  });
  rows.sort((a, b) => b.failing - a.failing || b.unknown - a.unknown || severityRank(b.policy.severity) - severityRank(a.policy.severity) || a.policy.id.localeCompare(b.policy.id));
  const body = rows
    .map(({ policy, failing, resources, unknown }) => {
      const href = safeHref(policy.helpUri);
      const id = href ? `<a href="${e(href)}">${e(printable(policy.id))}</a>` : e(printable(policy.id));
      return `<tr><td>${id}</td><td>${e(printable(policy.title))}</td><td class="sev ${policy.severity}">${policy.severity}</td><td class="n">${failing}</td><td class="n">${resources}</td><td class="n">${unknown}</td></tr>`;
    })
    .join('');
  return `<table id="by-policy"><thead><tr><th>Policy</th><th>Title</th><th>Severity</th><th>Failing</th><th>Resources</th><th>Unknown</th></tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * Per framework, each control the policies that ran map to: fail when one of its policies has a
 * failing finding, unknown when none fails but one could not decide, else pass. Controls no policy
 * maps to are not listed: `warden policies --framework` says which are not covered.
 */
export function controlTables(result: ScanResult): string {
  const frameworks = new Map<string, Map<string, string[]>>();
  for (const policy of result.policies) {
    for (const [framework, controls] of Object.entries(policy.frameworks ?? {})) {
      const byControl = frameworks.get(framework) ?? new Map<string, string[]>();
      for (const control of controls) byControl.set(control, [...(byControl.get(control) ?? []), policy.id]);
      frameworks.set(framework, byControl);
    }
  }
  const verdicts = new Map<string, Set<string>>();
  for (const f of result.findings) verdicts.set(f.ruleId, (verdicts.get(f.ruleId) ?? new Set()).add(f.verdict));
  const sections = [...frameworks].sort(([a], [b]) => a.localeCompare(b)).map(([framework, controls]) => {
    const rows = [...controls].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true })).map(([control, policies]) => {
      const status = policies.some((p) => verdicts.get(p)?.has('fail')) ? 'fail' : policies.some((p) => verdicts.get(p)?.has('unknown')) ? 'unknown' : 'pass';
      return `<tr><td>${e(printable(control))}</td><td>${policies.map((p) => e(printable(p))).join(', ')}</td><td class="status-${status}">${status}</td></tr>`;
    });
    const failing = rows.filter((r) => r.includes('status-fail')).length;
    return `<details class="framework"${frameworks.size <= 3 ? ' open' : ''}><summary>${e(printable(framework))}: ${controls.size} controls checked, ${failing} failing</summary><table><thead><tr><th>Control</th><th>Policies</th><th>Status</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
  });
  return sections.join('');
}

export function severityNumber(severity: Severity): number {
  return severityRank(severity);
}
