import type { Finding, Verdict } from '../rules/finding.js';
import type { Severity } from '../rules/severity.js';

/** One verdict a case expects from its policy. */
export interface ExpectedFinding {
  verdict: Extract<Verdict, 'fail' | 'unknown' | 'pass'>;
  /** Required for fail and unknown; a pass is not compared by severity. */
  severity?: Severity;
  address: string;
  /** A substring of the finding's message, reason or evidence, to tell two findings on one resource apart. */
  element?: string;
}

/**
 * Every fail/unknown expectation must match its own finding (verdict, severity, address, element),
 * and every fail/unknown finding must be expected. Expectations naming an element are matched first,
 * so a looser one cannot take the finding a precise one needs. A pass expectation needs a pass record
 * on its address: proof that the policy looked at the resource rather than not recognising it.
 */
export function compareFindings(expected: readonly ExpectedFinding[], findings: readonly Finding[]): string[] {
  const differences: string[] = [];
  const unmatched = findings.filter((f) => f.verdict === 'fail' || f.verdict === 'unknown');
  const passes = findings.filter((f) => f.verdict === 'pass');
  const ordered = [...expected].sort((a, b) => Number(b.element !== undefined) - Number(a.element !== undefined));
  for (const expectation of ordered) {
    if (expectation.verdict === 'pass') {
      const here = passes.filter((f) => f.resource.address === expectation.address);
      if (here.length === 0) differences.push(`missing: pass ${expectation.address} (no pass record: the policy did not look at it, or did not pass it)`);
      else if (expectation.element !== undefined && !here.some((f) => searchableText(f).includes(expectation.element!))) {
        differences.push(`missing: ${describeExpectation(expectation)} (its pass records say: ${here.map((f) => f.message).join('; ')})`);
      }
      continue;
    }
    const index = unmatched.findIndex((f) => matches(f, expectation));
    if (index >= 0) {
      unmatched.splice(index, 1);
      continue;
    }
    const near = unmatched.filter((f) => f.resource.address === expectation.address);
    const hint = near.length > 0 ? ` (on that resource: ${near.map(describeFinding).join('; ')})` : '';
    differences.push(`missing: ${describeExpectation(expectation)}${hint}`);
  }
  for (const finding of unmatched) differences.push(`unexpected: ${describeFinding(finding)}`);
  return differences;
}

function matches(finding: Finding, expectation: ExpectedFinding): boolean {
  if (finding.verdict !== expectation.verdict || finding.severity !== expectation.severity) return false;
  if (finding.resource.address !== expectation.address) return false;
  if (expectation.element === undefined) return true;
  return searchableText(finding).includes(expectation.element);
}

function searchableText(finding: Finding): string {
  return [finding.message, finding.reason ?? '', JSON.stringify(finding.evidence)].join('\n');
}

function describeExpectation(e: ExpectedFinding): string {
  return `${e.verdict} ${e.severity ?? ''} ${e.address}${e.element !== undefined ? ` containing "${e.element}"` : ''}`.replace('  ', ' ');
}

export function describeFinding(f: Finding): string {
  return `${f.verdict} ${f.severity} ${f.resource.address}: ${f.message}${f.reason ? ` (${f.reason})` : ''}`;
}
