import { DEFAULT_GATE, type Reporter } from '../report-context.js';
import { mostSevereFirst } from '../severity-order.js';
import { countsTable, failureDetail, findingsTable, gapsSection, outcomeSection, suppressedLine, unknownDetail } from './markdown-sections.js';

/** GitHub refuses a pull-request comment longer than this many characters. */
export const MARKDOWN_LIMIT = 65_536;
/** Rows of each list before "…and N more". */
export const MAX_LISTED = 50;

/**
 * A summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the outcome, counts by severity
 * and verdict, the most severe failing findings, the unknown ones with their reasons, what could
 * not be read, and the suppressed count. Every list is bounded, and fewer rows are listed until
 * the whole fits GitHub's comment limit, however many findings there are.
 */
export const markdownReport: Reporter = (result, context) => {
  const gate = context.gate ?? DEFAULT_GATE;
  // What does not depend on the number of rows listed is made once, however often the lists are shortened.
  const failing = mostSevereFirst(result.findings.filter((f) => f.verdict === 'fail'));
  const unknown = mostSevereFirst(result.findings.filter((f) => f.verdict === 'unknown'));
  const head = [outcomeSection(result, gate), countsTable(result.findings)];
  const tail = suppressedLine(result.findings);
  for (let listed = MAX_LISTED; ; listed = Math.floor(listed / 2)) {
    const sections = [
      ...head,
      findingsTable('Failing findings', failing, listed, failureDetail),
      findingsTable('Unknown findings', unknown, listed, unknownDetail),
      gapsSection(result, listed),
      tail,
    ].filter((lines) => lines.length > 0);
    const text = `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
    if (text.length <= MARKDOWN_LIMIT || listed === 0) return [text];
  }
};
