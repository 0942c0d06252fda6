import type { Finding } from '../../rules/finding.js';
import type { Severity } from '../../rules/severity.js';
import { findingFactLines, remediationLine } from '../finding-text.js';
import type { Reporter, ReportContext } from '../report-context.js';
import { printable } from '../printable-text.js';
import { levelForSeverity } from '../sarif/sarif-levels.js';
import { mostSevereFirst } from '../severity-order.js';
import { annotationPosition, repositoryPaths, type AnnotationPosition } from './annotation-file.js';
import { commandData, ESCAPED_LINE_FEED, propertyValue, workflowCommand } from './workflow-command.js';
import { textMemo } from '../text-memo.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** GitHub shows at most this many annotations of each level per step; the rest stay in the log only. */
export const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

const LEVEL_ORDER: readonly AnnotationLevel[] = ['error', 'warning', 'notice'];

/** critical/high block (error), medium warns, low and info are notices; an undecided check is a warning whatever its severity. */
export function annotationLevel(finding: Pick<Finding, 'verdict' | 'severity'>): AnnotationLevel {
  if (finding.verdict === 'unknown') return 'warning';
  return severityLevel(finding.severity);
}

/** The SARIF mapping (critical/high error, medium warning, low/info note), with GitHub's name for a note. */
function severityLevel(severity: Severity): AnnotationLevel {
  const level = levelForSeverity(severity);
  return level === 'error' || level === 'warning' ? level : 'notice';
}

/**
 * GitHub workflow commands, one annotation per failing or unknown finding (suppressed and passing
 * ones need no action), preceded by an error for each input that could not be read. Errors come
 * first, then warnings, then notices, most severe first within each: GitHub shows only the first
 * ANNOTATIONS_SHOWN_PER_LEVEL of each level, and a leading notice says so when there are more.
 */
export const githubReport: Reporter = function* (result, context) {
  const actionable = mostSevereFirst(result.findings.filter((f) => f.verdict === 'fail' || f.verdict === 'unknown'));
  const byLevel = new Map<AnnotationLevel, Finding[]>(LEVEL_ORDER.map((level) => [level, []]));
  for (const finding of actionable) byLevel.get(annotationLevel(finding))!.push(finding);
  // The gaps come first among the errors.
  const { gaps } = result.coverage;
  const count = (level: AnnotationLevel): number => byLevel.get(level)!.length + (level === 'error' ? gaps.length : 0);
  const total = LEVEL_ORDER.reduce((n, level) => n + count(level), 0);
  const hidden = LEVEL_ORDER.reduce((n, level) => n + Math.max(0, count(level) - ANNOTATIONS_SHOWN_PER_LEVEL), 0);
  if (hidden > 0) {
    const note = `${hidden} of ${total} annotations are beyond the ${ANNOTATIONS_SHOWN_PER_LEVEL} per level that GitHub shows for a step; the step log, the markdown or SARIF report list them all.`;
    yield `${workflowCommand('notice', { title: 'warden: more findings than GitHub shows' }, note)}\n`;
  }
  for (const gap of gaps) yield `${workflowCommand('error', { title: `warden: ${gap.scope} not evaluated` }, printable(gap.message))}\n`;
  for (const note of result.coverage.notes ?? []) yield `${workflowCommand('notice', { title: 'warden: not read' }, printable(note))}\n`;
  const texts: AnnotationTexts = {
    paths: repositoryPaths(context),
    // Every finding of a policy has its remediation, and annotations share a few files and titles: each escaped once.
    remediation: textMemo((text) => commandData(printable(remediationLine(text)))),
    file: textMemo(propertyValue),
    titles: new Map(),
  };
  for (const level of LEVEL_ORDER) {
    for (const finding of byLevel.get(level)!) yield `${annotation(finding, level, context, texts)}\n`;
  }
};

/** What annotations of one report have in common, each made once. */
interface AnnotationTexts {
  paths: (file: string) => string;
  remediation: (text: string) => string;
  file: (path: string) => string;
  /** Status → rule id → escaped title. */
  titles: Map<string, (ruleId: string) => string>;
}

function annotation(finding: Finding, level: AnnotationLevel, context: ReportContext, texts: AnnotationTexts): string {
  const position = annotationPosition(finding, context, texts.paths);
  const lines = findingFactLines(finding);
  // Each line of user text stays one line of the message: a line feed inside a line is escaped.
  const facts = commandData(lines.some(hasLineFeed) ? lines.map(printable).join('\n') : lines.join('\n'));
  return `${annotationHead(level, position, titleText(finding, texts), texts.file)}${facts}${ESCAPED_LINE_FEED}${texts.remediation(finding.remediation)}`;
}

function hasLineFeed(line: string): boolean {
  return line.includes('\n');
}

/** `warden <rule> (<status>)`, escaped as a property value once per rule and status. */
function titleText(finding: Finding, texts: AnnotationTexts): string {
  const status = finding.verdict === 'unknown' ? `unknown, ${finding.severity}` : finding.severity;
  let titles = texts.titles.get(status);
  if (!titles) texts.titles.set(status, (titles = textMemo((ruleId) => propertyValue(`warden ${ruleId} (${status})`))));
  return titles(finding.ruleId);
}

/**
 * `::level file=…,line=…,title=…::`, as workflowCommand writes the position's properties and the
 * title, written directly: line and column numbers need no escaping.
 */
function annotationHead(level: AnnotationLevel, position: AnnotationPosition | undefined, title: string, file: (path: string) => string): string {
  let head = `::${level} `;
  if (position) {
    head += `file=${file(position.file)},`;
    if (position.line !== undefined) head += `line=${position.line},`;
    if (position.endLine !== undefined) head += `endLine=${position.endLine},`;
    if (position.col !== undefined) head += `col=${position.col},`;
    if (position.endColumn !== undefined) head += `endColumn=${position.endColumn},`;
  }
  return `${head}title=${title}::`;
}
