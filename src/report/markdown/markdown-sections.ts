import { EXIT, exitCodeFor, type GateOptions } from '../../scan/exit-code.js';
import { VERDICTS, type Finding, type Verdict } from '../../rules/finding.js';
import { SEVERITIES } from '../../rules/severity.js';
import type { ScanResult } from '../../scan/scan-result.js';
import { evidenceText, locationText } from '../finding-text.js';
import { plural } from '../format-value.js';
import { noAwsResourcesText, runScope, scopeText } from '../run-scope.js';
import { escapeMarkdown, tableRow } from './markdown-escape.js';

/** A level-2 heading with the run's outcome as its exit code decides it, and the counts under it. */
export function outcomeSection(result: ScanResult, gate: GateOptions): string[] {
  const { byVerdict } = result.summary;
  const scope = runScope(result);
  const unread = result.inputs.filter((input) => input.status === 'error').length;
  const name = `warden ${result.command}`;
  let heading: string;
  switch (exitCodeFor(result, gate)) {
    case EXIT.failing:
      heading = `❌ ${name} failed: ${plural(byVerdict.fail, 'failing finding')}${gate.unknown === 'fail' && byVerdict.unknown > 0 ? `, ${byVerdict.unknown} unknown` : ''}`;
      break;
    case EXIT.error:
      heading = result.coverage.gaps.some((gap) => gap.scope === 'policy') ? `⛔ ${name} could not run: a policy is broken` : `⛔ ${name} could not run: no input could be read`;
      break;
    case EXIT.incomplete:
      heading = `⚠️ ${name} incomplete: ${plural(result.coverage.gaps.length, 'part')} could not be read or evaluated`;
      break;
    default:
      heading = `✅ ${name} passed${byVerdict.fail > 0 ? ` (${plural(byVerdict.fail, 'finding')} below --fail-on ${gate.failOn})` : ''}`;
  }
  const scanned = result.inputs.length - unread;
  const line = [
    `${plural(scanned, 'input')} scanned${unread > 0 ? `, ${unread} could not be read` : ''}`,
    `${byVerdict.fail} failing`,
    `${byVerdict.unknown} unknown`,
    `${byVerdict.suppressed} suppressed`,
    ...(byVerdict.pass > 0 ? [`${byVerdict.pass} passed`] : []),
    scopeText(scope),
  ].join(' · ');
  const notes = scope.withoutAwsResources.map((input) => `${escapeMarkdown(noAwsResourcesText(input))}.`);
  return [`## ${heading}`, '', line, ...(notes.length > 0 ? ['', ...notes] : [])];
}

const VERDICT_HEADINGS: Record<Verdict, string> = { fail: 'Failing', unknown: 'Unknown', suppressed: 'Suppressed', pass: 'Passed' };

/** Findings counted by severity (rows) and verdict (columns); the passed column only when passes were reported. */
export function countsTable(findings: readonly Finding[]): string[] {
  // One pass over the findings (a large scan has 100k+).
  const counts = new Map<string, number>();
  for (const f of findings) {
    const key = `${f.severity}/${f.verdict}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    counts.set(f.verdict, (counts.get(f.verdict) ?? 0) + 1);
  }
  const verdicts = VERDICTS.filter((v) => v !== 'pass' || counts.has('pass'));
  const count = (severity: string, verdict: Verdict): number => counts.get(`${severity}/${verdict}`) ?? 0;
  const rows = SEVERITIES.map((severity) => tableRow([severity, ...verdicts.map((verdict) => String(count(severity, verdict)))]));
  const totals = verdicts.map((verdict) => `**${counts.get(verdict) ?? 0}**`);
  return [
    tableRow(['Severity', ...verdicts.map((v) => VERDICT_HEADINGS[v])]),
    tableRow(['---', ...verdicts.map(() => '---:')]),
    ...rows,
    tableRow(['**total**', ...totals]),
  ];
}

/**
 * A titled table of at most `limit` findings (already in the order to show), then how many were
 * left out. `detail` is the last column: the message and evidence, or the unknown's reason.
 */
export function findingsTable(title: string, findings: readonly Finding[], limit: number, detail: (f: Finding) => string): string[] {
  if (findings.length === 0) return [];
  const shown = findings.slice(0, limit);
  const lines = [`### ${title} (${findings.length})`, ''];
  if (shown.length > 0) {
    lines.push(tableRow(['Severity', 'Policy', 'Resource', 'Location', 'Details']), tableRow(['---', '---', '---', '---', '---']));
    for (const f of shown) {
      const where = locationText(f.location) ?? f.resource.input;
      lines.push(tableRow([f.severity, escapeMarkdown(f.ruleId), escapeMarkdown(f.resource.address), escapeMarkdown(where), detail(f)]));
    }
  }
  const left = findings.length - shown.length;
  if (left > 0) lines.push('', `…and ${left} more (the JSON and SARIF reports list every finding).`);
  return lines;
}

/** A failing finding's message with its evidence (sensitive values redacted by formatValue). */
export function failureDetail(finding: Finding): string {
  return [finding.message, ...finding.evidence.map((e) => `evidence: ${evidenceText(e)}`)].map((part) => escapeMarkdown(part)).join('<br>');
}

/** Why an unknown could not be decided. */
export function unknownDetail(finding: Finding): string {
  return [finding.message, `unknown because: ${finding.reason ?? 'not given'}`].map((part) => escapeMarkdown(part)).join('<br>');
}

/** What could not be read or evaluated (inputs, regions, accounts, policies that failed), at most `limit` of them. */
export function gapsSection(result: ScanResult, limit: number): string[] {
  const { gaps, notes = [] } = result.coverage;
  const items = [...gaps.map((gap) => gap.message), ...notes];
  if (items.length === 0) return [];
  const lines = [`### Not read or not evaluated (${items.length})`, '', ...items.slice(0, limit).map((item) => `- ${escapeMarkdown(item)}`)];
  if (items.length > limit) lines.push(`- …and ${items.length - limit} more`);
  return lines;
}

const SUPPRESSION_SOURCES: Record<NonNullable<Finding['suppression']>['kind'], string> = { inline: 'inline ignore', config: 'config', baseline: 'baseline' };

/** The suppressed findings counted by who suppressed them (inline, config, baseline). */
export function suppressedLine(findings: readonly Finding[]): string[] {
  const suppressed = findings.filter((f) => f.verdict === 'suppressed');
  if (suppressed.length === 0) return [];
  const bySource = new Map<string, number>();
  for (const f of suppressed) {
    const source = f.suppression ? SUPPRESSION_SOURCES[f.suppression.kind] : 'unrecorded';
    bySource.set(source, (bySource.get(source) ?? 0) + 1);
  }
  const parts = [...bySource].map(([source, n]) => `${n} by ${source}`);
  return [`${plural(suppressed.length, 'finding')} suppressed (${parts.join(', ')}).`];
}
