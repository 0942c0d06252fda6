import type { ScanResult } from '../../scan/scan-result.js';
import { SEVERITIES } from '../../rules/severity.js';
import { plural } from '../format-value.js';
import type { ConsoleTheme } from './console-theme.js';
import { wrapText } from './wrap-text.js';

/**
 * The closing line: `12 failing (2 critical, 5 high, 5 medium) · 1 unknown · 0 suppressed ·
 * 1 input scanned`, with failed inputs and passes added only when there are any, and the baselined
 * findings when a baseline was applied.
 */
export function summaryLine(result: ScanResult, theme: ConsoleTheme): string {
  const { byVerdict, bySeverity } = result.summary;
  const severities = SEVERITIES.filter((s) => bySeverity[s] > 0).map((s) => theme.severity[s](`${bySeverity[s]} ${s}`));
  const failing = `${byVerdict.fail} failing${severities.length > 0 ? ` (${severities.join(', ')})` : ''}`;
  const scanned = result.inputs.filter((input) => input.status === 'scanned').length;
  const failed = result.inputs.length - scanned;
  const parts = [
    byVerdict.fail > 0 ? theme.failing(failing) : theme.clean(failing),
    `${byVerdict.unknown} unknown`,
    `${byVerdict.suppressed} suppressed`,
  ];
  if (result.summary.baselined !== undefined) parts.push(`${result.summary.baselined} baselined`);
  if (byVerdict.pass > 0) parts.push(`${byVerdict.pass} passed`);
  parts.push(`${plural(scanned, 'input')} scanned${failed > 0 ? theme.gap(`, ${failed} failed`) : ''}`);
  return parts.join(' · ');
}

/** What the scan could not read or evaluate, so nobody mistakes an incomplete scan for a clean one. */
export function coverageLines(result: ScanResult, theme: ConsoleTheme): string[] {
  const { gaps } = result.coverage;
  if (gaps.length === 0) return [];
  const lines = [theme.gap(`Coverage gaps — the scan is incomplete (${plural(gaps.length, 'gap')}):`)];
  for (const gap of gaps) lines.push(...wrapText(gap.message, '  ', undefined, '    ').map((line) => theme.gap(line)));
  return lines;
}
