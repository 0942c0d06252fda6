import type { Finding, FindingResource } from '../../rules/finding.js';
import type { PassRecord } from '../../rules/pass-record.js';
import type { CoverageGap, ScanResult } from '../../scan/scan-result.js';
import { mergeInOrder } from '../../scan/sort-findings.js';

/** How Jenkins counts one (policy, resource): failed, skipped (undecided or suppressed) or passed. */
export type CaseOutcome = 'failed' | 'skipped' | 'passed';

/** A verdict a test case counts: a finding, or a pass recorded only to be counted. */
export type CaseVerdict = Finding | PassRecord;

/** One JUnit test case: every verdict of one policy on one resource (e.g. two open ingress rules). */
export interface JUnitCase {
  name: string;
  findings: CaseVerdict[];
  outcome: CaseOutcome;
}

/** One JUnit test suite: a policy with its test cases, and what made it incomplete (the policy threw). */
export interface JUnitSuite {
  id: string;
  title?: string;
  cases: JUnitCase[];
  gaps: CoverageGap[];
}

export interface JUnitCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** The suite that carries unreadable inputs, regions and accounts, so that Jenkins shows them as errors. */
export const COVERAGE_SUITE = 'coverage';

/**
 * One suite per policy that ran (in the result's order), one case per (policy, input, resource) in
 * the order of its first finding or pass;
 * coverage gaps of a policy go to its suite, every other gap to the coverage suite. An `unknown`
 * counts as a failure only when the run gates on unknowns.
 */
export function junitSuites(result: ScanResult, unknownFails: boolean): JUnitSuite[] {
  const suites = new Map<string, JUnitSuite>();
  const suiteOf = (id: string, title?: string): JUnitSuite => {
    let suite = suites.get(id);
    if (!suite) suites.set(id, (suite = { id, ...(title !== undefined ? { title } : {}), cases: [], gaps: [] }));
    return suite;
  };
  for (const policy of result.policies) suiteOf(policy.id, policy.title);

  // Resource → policy → case. Resources are told apart by (input, type, address); the name objects
  // findings share are looked up by identity first, which is much cheaper than a string key per finding.
  const sameResource = resourceIdentities();
  const cases = new Map<FindingResource, Map<string, JUnitCase>>();
  for (const finding of mergeInOrder<CaseVerdict, CaseVerdict>(result.findings, result.passes ?? [])) {
    const resource = sameResource(finding.resource);
    let byPolicy = cases.get(resource);
    if (!byPolicy) cases.set(resource, (byPolicy = new Map()));
    const testCase = byPolicy.get(finding.ruleId);
    if (testCase) testCase.findings.push(finding);
    else {
      const created: JUnitCase = { name: resource.address, findings: [finding], outcome: 'passed' };
      byPolicy.set(finding.ruleId, created);
      suiteOf(finding.ruleId).cases.push(created);
    }
  }
  for (const suite of suites.values()) for (const testCase of suite.cases) testCase.outcome = caseOutcome(testCase.findings, unknownFails);
  for (const gap of result.coverage.gaps) suiteOf(gap.scope === 'policy' && gap.policyId ? gap.policyId : COVERAGE_SUITE).gaps.push(gap);

  for (const suite of suites.values()) nameApart(suite.cases);
  return [...suites.values()];
}

/** The first of the equally named resource objects (same input, type and address) for each one. */
function resourceIdentities(): (resource: FindingResource) => FindingResource {
  const first = new Map<FindingResource, FindingResource>();
  const byName = new Map<string, FindingResource>();
  return (resource) => {
    let same = first.get(resource);
    if (!same) {
      const name = `${resource.input}\u0000${resource.type}\u0000${resource.address}`;
      same = byName.get(name) ?? resource;
      byName.set(name, same);
      first.set(resource, same);
    }
    return same;
  };
}

/** Any gating finding fails the case; otherwise any unknown or suppressed one skips it. */
export function caseOutcome(findings: readonly CaseVerdict[], unknownFails: boolean): CaseOutcome {
  if (findings.some((f) => gates(f, unknownFails))) return 'failed';
  if (findings.some((f) => f.verdict !== 'pass')) return 'skipped';
  return 'passed';
}

/** True for the findings a case reports as its failure. */
export function gates(finding: CaseVerdict, unknownFails: boolean): finding is Finding {
  return finding.verdict === 'fail' || (finding.verdict === 'unknown' && unknownFails);
}

/** True for the findings a case reports in its text (failing, unknown, suppressed). */
export function isReported(finding: CaseVerdict): finding is Finding {
  return finding.verdict !== 'pass';
}

export function suiteCounts(suite: JUnitSuite): JUnitCounts {
  return {
    tests: suite.cases.length + suite.gaps.length,
    failures: suite.cases.filter((c) => c.outcome === 'failed').length,
    errors: suite.gaps.length,
    skipped: suite.cases.filter((c) => c.outcome === 'skipped').length,
  };
}

export function totalCounts(counts: readonly JUnitCounts[]): JUnitCounts {
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const c of counts) {
    total.tests += c.tests;
    total.failures += c.failures;
    total.errors += c.errors;
    total.skipped += c.skipped;
  }
  return total;
}

/**
 * Jenkins keys test history by class and name: the same address in two inputs (two plans of one
 * module) gets its input added, so the cases stay apart; a unique address keeps its plain name.
 */
function nameApart(cases: JUnitCase[]): void {
  const seen = new Map<string, number>();
  for (const c of cases) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
  for (const c of cases) if (seen.get(c.name)! > 1) c.name = `${c.name} (${c.findings[0]!.resource.input})`;
}
