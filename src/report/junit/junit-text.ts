import type { Finding } from '../../rules/finding.js';
import { findingFactLines, remediationLine, suppressionText } from '../finding-text.js';
import { mostSevereFirst } from '../severity-order.js';
import { caseVerdicts, gates, isReported, type CaseVerdict, type JUnitCase } from './junit-cases.js';
import { elementText } from './xml-text.js';

/** What a failed case's `<failure>` says: the worst gating finding names it (every finding is in its text, caseElementText). */
export interface FailureText {
  message: string;
  type: string;
}

/** `<failure message="…" type="high">`: message and type of the most severe gating finding, `(+N more)` when there are several. */
export function failureOf(testCase: JUnitCase, unknownFails: boolean): FailureText {
  const failing = worstFirst(testCase, (f): f is Finding => gates(f, unknownFails));
  const worst = failing[0]!;
  const more = failing.length > 1 ? ` (+${failing.length - 1} more)` : '';
  const message = worst.verdict === 'unknown' ? `unknown: ${worst.message}` : worst.message;
  return { message: `${message}${more}`, type: worst.severity };
}

/** The case's findings that `keep` takes, most severe first; a case of one verdict (25k failing cases in a large plan) without copying and sorting. */
function worstFirst(testCase: JUnitCase, keep: (verdict: CaseVerdict) => verdict is Finding): Finding[] {
  if (!testCase.more) return keep(testCase.first) ? [testCase.first] : [];
  return mostSevereFirst(caseVerdicts(testCase).filter(keep));
}

/** `<skipped message="…">`: `unknown: reason` for undecided findings, who/why/until for suppressed ones. */
export function skippedMessage(testCase: JUnitCase): string {
  const reasons = caseVerdicts(testCase).filter(isReported).flatMap((f) => {
    if (f.verdict === 'unknown') return [`unknown: ${f.reason ?? f.message}`];
    if (f.verdict === 'suppressed') return [`suppressed by ${suppressionText(f.suppression)}`];
    return [];
  });
  return [...new Set(reasons)].join('; ');
}

/**
 * Every finding of the case, most severe first, each as a labelled block of detail lines, escaped
 * as element text. A policy's remediation, the same in all its findings, comes escaped from
 * `remediations` (a memo of remediationText for one report).
 */
export function caseElementText(testCase: JUnitCase, remediations: (remediation: string) => string): string {
  const blocks = worstFirst(testCase, isReported).map((f) => ({ facts: factsBlock(f), remediation: f.remediation }));
  // elementText works line by line, but for a CR before a line feed, which it joins with it: such text is escaped whole.
  if (blocks.some((block) => block.facts.endsWith('\r') || block.remediation.endsWith('\r'))) {
    return elementText(blocks.map((block) => `${block.facts}\n  ${remediationLine(block.remediation)}`).join('\n\n'));
  }
  return blocks.map((block) => `${elementText(block.facts)}\n  ${remediations(block.remediation)}`).join('\n\n');
}

/** The remediation line of a finding's block, escaped as element text. */
export function remediationText(remediation: string): string {
  return elementText(remediationLine(remediation));
}

/** `[verdict] rule` and the finding's detail lines but the remediation, indented. */
function factsBlock(finding: Finding): string {
  return `[${finding.verdict}] ${finding.ruleId}\n  ${findingFactLines(finding).join('\n  ')}`;
}
