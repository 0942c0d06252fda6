import type { Finding } from '../../rules/finding.js';
import { inertCommands } from '../inert-commands.js';
import { printable } from '../printable-text.js';
import type { Reporter } from '../report-context.js';
import { auditSummaryLines } from './audit-summary.js';
import { renderFinding } from './console-finding.js';
import { liveLabel } from '../live-names.js';
import { noAwsResourcesText, runScope } from '../run-scope.js';
import { coverageLines, summaryLine } from './console-summary.js';
import { consoleTheme, type ConsoleTheme } from './console-theme.js';
import { ResourceMap } from '../resource-map.js';

/**
 * The human report: findings grouped by input, then by resource, in the scan's order; then the
 * coverage gaps and a one-line summary. Colour only when the caller says so. Each piece is whole
 * lines, made inert as the lines they are once wrapped (a CI log runs workflow commands).
 */
export const consoleReport: Reporter = function* (result, context) {
  for (const piece of consoleLines(result, context)) yield inertCommands(piece);
};

const consoleLines: Reporter = function* (result, context) {
  const theme = consoleTheme(context.color);
  let first = true;
  // The lines of many findings make one piece: one join, and one pass of inertCommands, per
  // PIECE_LINES lines rather than per finding (a large scan has 100k+ lines).
  let pending: string[] = [];
  for (const [input, resources] of groupFindings(result.findings)) {
    if (!first) pending.push('');
    pending.push(theme.heading(printable(input)));
    first = false;
    for (const findings of resources) {
      pending.push(`  ${resourceHeading(findings[0]!, theme)}`);
      for (const finding of findings) renderFinding(finding, theme, pending);
      if (pending.length >= PIECE_LINES) {
        yield lines(pending);
        pending = [];
      }
    }
  }
  if (pending.length > 0) yield lines(pending);
  const { withoutAwsResources } = runScope(result);
  const notes = withoutAwsResources.map((input) => theme.gap(noAwsResourcesText(printable(input))));
  // "No findings." only where there was something to find.
  const readAny = result.inputs.some((input) => input.status === 'scanned' && input.awsResources !== 0);
  if (result.findings.length === 0 && readAny) notes.unshift(theme.clean(result.summary.baselined ? 'No new findings.' : 'No findings.'));
  if (notes.length > 0) yield lines([...(first ? [] : ['']), ...notes]);
  const audit = auditSummaryLines(result, theme);
  if (audit.length > 0) yield lines(['', ...audit]);
  const gaps = coverageLines(result, theme);
  if (gaps.length > 0) yield lines(['', ...gaps]);
  yield lines(['', summaryLine(result, theme)]);
};

/** Lines gathered into one piece before it is yielded: large enough to make few pieces, small enough to stay a small string. */
const PIECE_LINES = 512;

/** Each line ended by a newline. */
function lines(text: readonly string[]): string {
  return text.length > 0 ? `${text.join('\n')}\n` : '';
}

/** input → the findings of each resource, keeping the first-seen order of each. */
export function groupFindings(findings: readonly Finding[]): Map<string, Finding[][]> {
  const groups = new Map<string, { lists: Finding[][]; byResource: ResourceMap<Finding[]> }>();
  for (const finding of findings) {
    let inInput = groups.get(finding.resource.input);
    if (!inInput) groups.set(finding.resource.input, (inInput = { lists: [], byResource: new ResourceMap((list) => list[0]!.resource) }));
    const list = inInput.byResource.get(finding.resource);
    if (list) list.push(finding);
    else {
      const opened = [finding];
      inInput.lists.push(opened);
      inInput.byResource.add(finding.resource, opened);
    }
  }
  return new Map([...groups].map(([input, { lists }]) => [input, lists]));
}

/**
 * Terraform addresses already name the type; live resources are named by Name tag and id, with the
 * type in parentheses and the ARN once, on a line of its own.
 */
function resourceHeading(finding: Finding, theme: ConsoleTheme): string {
  const { type, address, source } = finding.resource;
  if (source === 'live' && address.startsWith('arn:')) {
    return `${theme.resource(printable(liveLabel(finding.resource)))}${theme.muted(` (${printable(type)})`)}
  ${theme.muted(printable(address))}`;
  }
  return theme.resource(printable(address)) + (namesType(address, type) ? '' : theme.muted(` (${printable(type)})`));
}

/** Whether the address has the type as a segment (`aws_s3_bucket.logs`, `module.m.aws_s3_bucket.logs`), found without building `.type.` per resource. */
function namesType(address: string, type: string): boolean {
  if (type === '') return address.startsWith('.') || address.includes('..');
  for (let at = address.indexOf(type); at !== -1; at = address.indexOf(type, at + 1)) {
    if ((at === 0 || address.charCodeAt(at - 1) === DOT) && address.charCodeAt(at + type.length) === DOT) return true;
  }
  return false;
}

const DOT = 0x2e;
