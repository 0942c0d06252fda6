import type { Finding } from '../../rules/finding.js';
import { asSentence } from '../format-value.js';
import { printable } from '../printable-text.js';
import { evidenceText, locationText, suppressionText, traceChain } from '../finding-text.js';
import type { ConsoleTheme } from './console-theme.js';
import { shortenArns } from './live-names.js';
import { truncateLine, wrapText } from './wrap-text.js';

const HEAD_INDENT = '    ';
const BODY_INDENT = '      ';
/** Wide enough for the longest label, SUPPRESSED. */
const LABEL_WIDTH = 10;

/** The lines of one finding: a head line (label, rule, location), then message and details. */
export function renderFinding(finding: Finding, theme: ConsoleTheme): string[] {
  // A live resource's heading shows its ARN once; its findings name it and its neighbours by id.
  const live = finding.resource.source === 'live' && finding.location?.kind === 'cloud';
  const say = live ? (text: string): string => shortenArns(text, finding.resource) : (text: string): string => text;
  const location = live ? undefined : locationText(finding.location);
  const where = location === undefined ? undefined : printable(location);
  if (finding.verdict === 'suppressed' || finding.verdict === 'pass') {
    return renderBrief(finding, where, theme, say);
  }
  const label = finding.verdict === 'fail'
    ? theme.severity[finding.severity](pad(finding.severity.toUpperCase()))
    : theme.verdict.unknown(pad('UNKNOWN'));
  const head = [label, theme.ruleId(printable(finding.ruleId))];
  if (finding.verdict === 'unknown') head.push(theme.severity[finding.severity](`(${finding.severity})`));
  if (where) head.push(theme.muted(where));
  const lines = [HEAD_INDENT + head.join('  ')];
  lines.push(...wrapText(asSentence(say(finding.message)), BODY_INDENT));
  if (finding.verdict === 'unknown' && finding.reason) {
    lines.push(...wrapText(`reason: ${say(finding.reason)}`, BODY_INDENT, undefined, `${BODY_INDENT}        `).map((line) => theme.verdict.unknown(line)));
  }
  for (const item of finding.evidence) lines.push(theme.muted(truncateLine(`${BODY_INDENT}evidence: ${say(evidenceText(item))}`)));
  if (finding.trace && finding.trace.length > 0) {
    lines.push(...wrapText(`path: ${say(traceChain(finding.trace))}`, BODY_INDENT, undefined, `${BODY_INDENT}      `));
  }
  return lines;
}

/** Suppressed and passing findings get one short entry: they need no action. */
function renderBrief(finding: Finding, where: string | undefined, theme: ConsoleTheme, say: (text: string) => string): string[] {
  const paint = finding.verdict === 'pass' ? theme.verdict.pass : theme.verdict.suppressed;
  const first = `${HEAD_INDENT}${pad(finding.verdict.toUpperCase())}  `;
  const detail = finding.verdict === 'suppressed' ? ` — ${suppressionText(finding.suppression)}` : '';
  const text = `${finding.ruleId}${where ? `  ${where}` : ''}  ${asSentence(say(finding.message))}${detail}`;
  return wrapText(text, first, undefined, ' '.repeat(first.length)).map((line) => paint(line));
}

function pad(label: string): string {
  return label.padEnd(LABEL_WIDTH);
}
