import type { Finding } from '../../rules/finding.js';
import { SEVERITIES, type Severity } from '../../rules/severity.js';
import { asSentence } from '../format-value.js';
import { printable } from '../printable-text.js';
import { evidenceText, locationText, suppressionText, traceChain } from '../finding-text.js';
import type { ConsoleTheme } from './console-theme.js';
import { shortenArns } from '../live-names.js';
import { truncateLine, wrapText } from './wrap-text.js';

const HEAD_INDENT = '    ';
const BODY_INDENT = '      ';
/** Wide enough for the longest label, SUPPRESSED. */
const LABEL_WIDTH = 10;

/**
 * The lines of one finding, appended to `lines` (a new list when not given): a head line (label,
 * rule, location), then message and details. The console report appends every finding to one list
 * of lines per piece it writes, with no list made per finding and spread into it.
 */
export function renderFinding(finding: Finding, theme: ConsoleTheme, lines: string[] = []): string[] {
  // A live resource's heading shows its ARN once; its findings name it and its neighbours by id.
  const live = finding.resource.source === 'live' && finding.location?.kind === 'cloud';
  const say = live ? (text: string): string => shortenArns(text, finding.resource) : (text: string): string => text;
  const location = live ? undefined : locationText(finding.location);
  const where = location === undefined ? undefined : printable(location);
  if (finding.verdict === 'suppressed' || finding.verdict === 'pass') {
    for (const line of renderBrief(finding, where, theme, say)) lines.push(line);
    return lines;
  }
  const label = finding.verdict === 'fail' ? theme.severity[finding.severity](SEVERITY_LABEL[finding.severity]) : theme.verdict.unknown(UNKNOWN_LABEL);
  let head = `${HEAD_INDENT}${label}  ${theme.ruleId(printable(finding.ruleId))}`;
  if (finding.verdict === 'unknown') head += `  ${theme.severity[finding.severity](`(${finding.severity})`)}`;
  if (where) head += `  ${theme.muted(where)}`;
  lines.push(head);
  wrapText(asSentence(say(finding.message)), BODY_INDENT, undefined, BODY_INDENT, lines);
  if (finding.verdict === 'unknown' && finding.reason) {
    for (const line of wrapText(`reason: ${say(finding.reason)}`, BODY_INDENT, undefined, `${BODY_INDENT}        `)) lines.push(theme.verdict.unknown(line));
  }
  for (const item of finding.evidence) lines.push(theme.muted(truncateLine(`${BODY_INDENT}evidence: ${say(evidenceText(item))}`)));
  if (finding.trace && finding.trace.length > 0) {
    wrapText(`path: ${say(traceChain(finding.trace))}`, BODY_INDENT, undefined, `${BODY_INDENT}      `, lines);
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

/** The head labels, padded once rather than per finding. */
const SEVERITY_LABEL = Object.fromEntries(SEVERITIES.map((severity) => [severity, pad(severity.toUpperCase())])) as Record<Severity, string>;
const UNKNOWN_LABEL = pad('UNKNOWN');
