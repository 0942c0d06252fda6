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
  const suites: JUnitSuite[] = [];
  const suiteIndex = new Map<string, number>();
  const suiteOf = (id: string, title?: string): number => {
    let index = suiteIndex.get(id);
    if (index === undefined) {
      suiteIndex.set(id, (index = suites.length));
      suites.push({ id, ...(title !== undefined ? { title } : {}), cases: [], gaps: [] });
    }
    return index;
  };
  for (const policy of result.policies) suiteOf(policy.id, policy.title);

  const resources = new ResourceCases();
  for (const finding of mergeInOrder<CaseVerdict, CaseVerdict>(result.findings, result.passes ?? [])) {
    const index = suiteOf(finding.ruleId);
    const cases = resources.casesOf(finding.resource);
    const testCase = cases[index];
    if (testCase) testCase.findings.push(finding);
    else suites[index]!.cases.push((cases[index] = { name: finding.resource.address, findings: [finding], outcome: 'passed' }));
  }
  for (const suite of suites) for (const testCase of suite.cases) testCase.outcome = caseOutcome(testCase.findings, unknownFails);
  for (const gap of result.coverage.gaps) suites[suiteOf(gap.scope === 'policy' && gap.policyId ? gap.policyId : COVERAGE_SUITE)]!.gaps.push(gap);

  for (const suite of suites) nameApart(suite.cases, (address) => resources.isShared(address));
  return suites;
}

/**
 * The test cases of each resource, one per suite (by index). Resources are told apart by input, type
 * and address: listed by address, the few resources that share one compared by input and type, so
 * that no key is built per finding (a large plan has 100k+ findings and passes).
 */
class ResourceCases {
  readonly #byAddress = new Map<string, { input: string; type: string; cases: (JUnitCase | undefined)[] }[]>();
  /** Whether any address is shared: mostly none is, and then no case needs its name looked at. */
  #anyShared = false;

  casesOf(resource: FindingResource): (JUnitCase | undefined)[] {
    let named = this.#byAddress.get(resource.address);
    if (!named) this.#byAddress.set(resource.address, (named = []));
    for (const entry of named) if (entry.input === resource.input && entry.type === resource.type) return entry.cases;
    const entry = { input: resource.input, type: resource.type, cases: [] };
    named.push(entry);
    if (named.length > 1) this.#anyShared = true;
    return entry.cases;
  }

  /** True when the address names resources in more than one input (or of more than one type). */
  isShared(address: string): boolean {
    return this.#anyShared && (this.#byAddress.get(address)?.length ?? 0) > 1;
  }
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
 * Only addresses that name several resources are counted (a large plan has 100k+ cases).
 */
function nameApart(cases: JUnitCase[], sharedAddress: (address: string) => boolean): void {
  const shared = cases.filter((c) => sharedAddress(c.name));
  const seen = new Map<string, number>();
  for (const c of shared) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
  for (const c of shared) if (seen.get(c.name)! > 1) c.name = `${c.name} (${c.findings[0]!.resource.input})`;
}
