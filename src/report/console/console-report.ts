import type { Finding } from '../../rules/finding.js';
import { printable } from '../printable-text.js';
import type { Reporter } from '../reporter.js';
import { renderFinding } from './console-finding.js';
import { coverageLines, summaryLine } from './console-summary.js';
import { consoleTheme, type ConsoleTheme } from './console-theme.js';

/**
 * The human report: findings grouped by input, then by resource, in the scan's order; then the
 * coverage gaps and a one-line summary. Colour only when the caller says so.
 */
export const consoleReport: Reporter = (result, context) => {
  const theme = consoleTheme(context.color);
  const lines: string[] = [];
  for (const [input, resources] of groupFindings(result.findings)) {
    if (lines.length > 0) lines.push('');
    lines.push(theme.heading(printable(input)));
    for (const findings of resources.values()) {
      lines.push(`  ${resourceHeading(findings[0]!, theme)}`);
      for (const finding of findings) lines.push(...renderFinding(finding, theme));
    }
  }
  if (result.findings.length === 0) lines.push(theme.clean(result.summary.baselined ? 'No new findings.' : 'No findings.'));
  const gaps = coverageLines(result, theme);
  if (gaps.length > 0) lines.push('', ...gaps);
  lines.push('', summaryLine(result, theme));
  return `${lines.join('\n')}\n`;
};

/** input → resource address → findings, keeping the first-seen order of each. */
export function groupFindings(findings: readonly Finding[]): Map<string, Map<string, Finding[]>> {
  const groups = new Map<string, Map<string, Finding[]>>();
  for (const finding of findings) {
    let resources = groups.get(finding.resource.input);
    if (!resources) groups.set(finding.resource.input, (resources = new Map()));
    const key = `${finding.resource.type}\u0000${finding.resource.address}`;
    const list = resources.get(key);
    if (list) list.push(finding);
    else resources.set(key, [finding]);
  }
  return groups;
}

/** Terraform addresses already name the type; live addresses (ARNs, ids) get it in parentheses. */
function resourceHeading(finding: Finding, theme: ConsoleTheme): string {
  const { type, address } = finding.resource;
  const named = address.startsWith(`${type}.`) || address.includes(`.${type}.`);
  return theme.resource(printable(address)) + (named ? '' : theme.muted(` (${printable(type)})`));
}
