import type { Finding } from '../../rules/finding.js';
import { findingDetailLines, suppressionText } from '../finding-text.js';
import { mostSevereFirst } from '../severity-order.js';
import { caseVerdicts, gates, isReported, type JUnitCase } from './junit-cases.js';

/** What a failed case's `<failure>` carries: the worst gating finding names it, every finding is in the text. */
export interface FailureText {
  message: string;
  type: string;
  text: string;
}

/** `<failure message="…" type="high">`: message and type of the most severe gating finding, `(+N more)` when there are several. */
export function failureOf(testCase: JUnitCase, unknownFails: boolean): FailureText {
  const failing = mostSevereFirst(caseVerdicts(testCase).filter((f): f is Finding => gates(f, unknownFails)));
  const worst = failing[0]!;
  const more = failing.length > 1 ? ` (+${failing.length - 1} more)` : '';
  const message = worst.verdict === 'unknown' ? `unknown: ${worst.message}` : worst.message;
  return { message: `${message}${more}`, type: worst.severity, text: caseText(testCase) };
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

/** Every finding of the case, most severe first, each as a labelled block of detail lines. */
export function caseText(testCase: JUnitCase): string {
  return mostSevereFirst(caseVerdicts(testCase).filter(isReported))
    .map((f) => `[${f.verdict}] ${f.ruleId}\n  ${findingDetailLines(f).join('\n  ')}`)
    .join('\n\n');
}
