import type { Location } from '../../model/location.js';
import type { Finding, Suppression, TraceStep } from '../../rules/finding.js';
import { asSentence, formatValue } from '../format-value.js';
import type { ConsoleTheme } from './console-theme.js';
import { truncateLine, wrapText } from './wrap-text.js';

const HEAD_INDENT = '    ';
const BODY_INDENT = '      ';
/** Wide enough for the longest label, SUPPRESSED. */
const LABEL_WIDTH = 10;

/** `file:line` for source positions, the ARN for live resources. */
export function locationText(location: Location | undefined): string | undefined {
  if (!location) return undefined;
  if (location.kind === 'cloud') return location.arn;
  return location.startLine !== undefined ? `${location.file}:${location.startLine}` : location.file;
}

/** The witness path as one chain: `internet → igw-… → rtb-… → db:5432`. */
export function traceChain(trace: readonly TraceStep[]): string {
  return trace.map((step) => step.label).join(' → ');
}

/** `config: legacy bastion (until 2099-12-31)` — who suppressed it, why, and until when. */
export function suppressionText(suppression: Suppression | undefined): string {
  if (!suppression) return 'suppressed';
  const source = suppression.kind === 'inline' ? 'inline ignore' : suppression.kind;
  return `${source}: ${suppression.reason ?? 'no reason given'}${suppression.until ? ` (until ${suppression.until})` : ''}`;
}

/** The lines of one finding: a head line (label, rule, location), then message and details. */
export function renderFinding(finding: Finding, theme: ConsoleTheme): string[] {
  const where = locationText(finding.location);
  if (finding.verdict === 'suppressed' || finding.verdict === 'pass') {
    return renderBrief(finding, where, theme);
  }
  const label = finding.verdict === 'fail'
    ? theme.severity[finding.severity](pad(finding.severity.toUpperCase()))
    : theme.verdict.unknown(pad('UNKNOWN'));
  const head = [label, theme.ruleId(finding.ruleId)];
  if (finding.verdict === 'unknown') head.push(theme.severity[finding.severity](`(${finding.severity})`));
  if (where) head.push(theme.muted(where));
  const lines = [HEAD_INDENT + head.join('  ')];
  lines.push(...wrapText(asSentence(finding.message), BODY_INDENT));
  if (finding.verdict === 'unknown' && finding.reason) {
    lines.push(...wrapText(`reason: ${finding.reason}`, BODY_INDENT, undefined, `${BODY_INDENT}        `).map((line) => theme.verdict.unknown(line)));
  }
  for (const item of finding.evidence) {
    const note = item.note ? ` (${item.note})` : '';
    lines.push(theme.muted(truncateLine(`${BODY_INDENT}evidence: ${item.path} = ${formatValue(item.value)}${note}`)));
  }
  if (finding.trace && finding.trace.length > 0) {
    lines.push(...wrapText(`path: ${traceChain(finding.trace)}`, BODY_INDENT, undefined, `${BODY_INDENT}      `));
  }
  return lines;
}

/** Suppressed and passing findings get one short entry: they need no action. */
function renderBrief(finding: Finding, where: string | undefined, theme: ConsoleTheme): string[] {
  const paint = finding.verdict === 'pass' ? theme.verdict.pass : theme.verdict.suppressed;
  const first = `${HEAD_INDENT}${pad(finding.verdict.toUpperCase())}  `;
  const detail = finding.verdict === 'suppressed' ? ` — ${suppressionText(finding.suppression)}` : '';
  const text = `${finding.ruleId}${where ? `  ${where}` : ''}  ${asSentence(finding.message)}${detail}`;
  return wrapText(text, first, undefined, ' '.repeat(first.length)).map((line) => paint(line));
}

function pad(label: string): string {
  return label.padEnd(LABEL_WIDTH);
}
