import type { ScanResult } from '../../scan/scan-result.js';
import { SEVERITIES } from '../../rules/severity.js';
import { plural } from '../format-value.js';
import { runScope, scopeText } from '../run-scope.js';
import type { ConsoleTheme } from './console-theme.js';
import { CONSOLE_WIDTH, wrapText } from './wrap-text.js';

/**
 * The closing line: `12 failing (2 critical, 5 high, 5 medium) · 1 unknown · 0 suppressed ·
 * 11 policies ran on 40 resources · 1 input scanned`, with failed inputs and passes added only
 * when there are any, and the baselined findings when a baseline was applied; two lines when one
 * does not fit the console width.
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
  const counts = parts.join(' · ');
  const scope = `${scopeText(runScope(result))} · ${plural(scanned, 'input')} scanned${failed > 0 ? theme.gap(`, ${failed} failed`) : ''}`;
  // Within the console width: what ran on what goes on a line of its own when both do not fit.
  const visible = (text: string): number => text.replace(ANSI, '').length;
  return visible(counts) + 3 + visible(scope) <= CONSOLE_WIDTH ? `${counts} · ${scope}` : `${counts}\n${scope}`;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** What the scan could not read or evaluate, so nobody mistakes an incomplete scan for a clean one. */
export function coverageLines(result: ScanResult, theme: ConsoleTheme): string[] {
  const { gaps, notes = [] } = result.coverage;
  const lines: string[] = [];
  if (gaps.length > 0) lines.push(theme.gap(`Coverage gaps — the scan is incomplete (${plural(gaps.length, 'gap')}):`));
  for (const gap of gaps) lines.push(...wrapText(gap.message, '  ', undefined, '    ').map((line) => theme.gap(line)));
  if (notes.length > 0) lines.push(theme.muted('Not read (the scan is still complete):'));
  for (const note of notes) lines.push(...wrapText(note, '  ', undefined, '    ').map((line) => theme.muted(line)));
  return lines;
}
