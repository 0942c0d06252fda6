import type { Finding } from '../../rules/finding.js';
import type { PolicyMeta } from '../../scan/scan-result.js';
import { evidenceText, locationText, suppressionText } from '../finding-text.js';
import { liveLabel, shortenArns } from '../live-names.js';
import { printable } from '../printable-text.js';
import { exposurePathSvg } from './exposure-path-svg.js';
import { escapeHtml as e, safeHref } from './html-escape.js';
import { severityNumber } from './html-summary.js';

const VERDICT_RANK = { fail: 4, unknown: 3, suppressed: 2, pass: 1 } as const;

/** The findings table's head: sortable columns and the filter controls above it. */
export function findingsTableHead(count: number): string {
  const th = (key: string, label: string) => `<th><button type="button" data-key="${key}">${label}</button></th>`;
  return (
    '<div class="controls-bar">' +
    '<input id="filter" type="search" placeholder="Filter: policy, resource, account, message…" aria-label="filter findings">' +
    '<select id="severity-filter" aria-label="severity"><option value="">every severity</option>' +
    ['critical', 'high', 'medium', 'low', 'info'].map((s) => `<option value="${s}">${s}</option>`).join('') +
    '</select><select id="verdict-filter" aria-label="verdict"><option value="">every verdict</option>' +
    ['fail', 'unknown', 'suppressed', 'pass'].map((v) => `<option value="${v}">${v}</option>`).join('') +
    `</select><span class="muted"><span id="shown">${count}</span> of ${count} shown</span></div>` +
    `<table id="findings"><thead><tr>${th('severity', 'Severity')}${th('verdict', 'Verdict')}${th('policy', 'Policy')}${th('resource', 'Resource')}${th('where', 'Where')}<th>Finding</th></tr></thead><tbody>`
  );
}

export const FINDINGS_TABLE_END = '</tbody></table>';

/** One finding as a table row; its details (evidence, remediation, path) open in place. */
export function findingRow(finding: Finding, policies: ReadonlyMap<string, PolicyMeta>): string {
  const live = finding.resource.source === 'live' && finding.location?.kind === 'cloud';
  const say = (text: string): string => printable(live ? shortenArns(text, finding.resource) : text);
  const resource = live ? liveLabel(finding.resource) : finding.resource.address;
  const where = live && finding.location?.kind === 'cloud' ? `${finding.location.account}/${finding.location.region}` : (locationText(finding.location) ?? finding.resource.input);
  const policy = policies.get(finding.ruleId);
  const href = safeHref(policy?.helpUri);
  const details: string[] = [];
  if (finding.reason) details.push(`<dt>Why unknown</dt><dd>${e(say(finding.reason))}</dd>`);
  if (finding.suppression) details.push(`<dt>Suppressed</dt><dd>${e(printable(suppressionText(finding.suppression)))}</dd>`);
  if (finding.evidence.length > 0) details.push(`<dt>Evidence</dt><dd>${finding.evidence.map((item) => `<code>${e(say(evidenceText(item)))}</code>`).join('<br>')}</dd>`);
  if (finding.trace && finding.trace.length > 0) details.push(`<dt>Exposure path</dt><dd>${exposurePathSvg(finding.trace, say)}</dd>`);
  if (live) details.push(`<dt>ARN</dt><dd><code>${e(printable(finding.resource.address))}</code></dd>`);
  details.push(`<dt>Remediation</dt><dd>${e(printable(finding.remediation))}</dd>`);
  if (href) details.push(`<dt>Policy</dt><dd><a href="${e(href)}">${e(printable(finding.ruleId))}: ${e(printable(policy?.title ?? ''))}</a></dd>`);
  details.push(`<dt>Fingerprint</dt><dd><code>${e(printable(finding.fingerprint))}</code></dd>`);
  const message = say(finding.message);
  const text = printable([finding.ruleId, resource, finding.resource.address, where, message, finding.resource.type].join(' ')).toLowerCase();
  // The filters match data-severity, data-verdict and data-text; sorting reads the data-sort-* keys.
  const attrs = [
    `data-severity="${finding.severity}"`,
    `data-verdict="${finding.verdict}"`,
    `data-text="${e(text)}"`,
    `data-sort-severity="${severityNumber(finding.severity)}"`,
    `data-sort-verdict="${VERDICT_RANK[finding.verdict]}"`,
    `data-sort-policy="${e(printable(finding.ruleId))}"`,
    `data-sort-resource="${e(printable(resource).toLowerCase())}"`,
    `data-sort-where="${e(printable(where).toLowerCase())}"`,
  ].join(' ');
  return (
    `<tr ${attrs}>` +
    `<td class="sev ${finding.severity}">${finding.severity}</td>` +
    `<td class="verdict-${finding.verdict}">${finding.verdict}</td>` +
    `<td>${e(printable(finding.ruleId))}</td><td>${e(printable(resource))}<div class="muted">${e(printable(finding.resource.type))}</div></td><td>${e(printable(where))}</td>` +
    `<td><details><summary>${e(message)}</summary><dl>${details.join('')}</dl></details></td></tr>\n`
  );
}

