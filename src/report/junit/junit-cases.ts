import type { Finding, FindingResource } from '../../rules/finding.js';
import type { PassRecord } from '../../rules/pass-record.js';
import type { CoverageGap, ScanResult } from '../../scan/scan-result.js';
import { mergeInOrder } from '../../scan/sort-findings.js';
import { ResourceMap } from '../resource-map.js';

/** How Jenkins counts one (policy, resource): failed, skipped (undecided or suppressed) or passed. */
export type CaseOutcome = 'failed' | 'skipped' | 'passed';

/** A verdict a test case counts: a finding, or a pass recorded only to be counted. */
export type CaseVerdict = Finding | PassRecord;

/**
 * One JUnit test case: every verdict of one policy on one resource (e.g. two open ingress rules).
 * Most cases hold one verdict (a pass), so further ones are listed only when there are any.
 */
export interface JUnitCase {
  name: string;
  first: CaseVerdict;
  more?: CaseVerdict[];
  outcome: CaseOutcome;
}

/**
 * A case of a suite: a lone passing verdict stands for its own case (most of a large plan's 137k
 * cases, so no case object is made for them), any other case is a JUnitCase.
 */
export type SuiteCase = JUnitCase | CaseVerdict;

/** Whether a case is a lone passing verdict (its name is its resource's address). */
export function isLonePass(testCase: SuiteCase): testCase is CaseVerdict {
  return 'verdict' in testCase;
}

/** The verdicts of a case, in order. */
export function caseVerdicts(testCase: JUnitCase): CaseVerdict[] {
  return testCase.more ? [testCase.first, ...testCase.more] : [testCase.first];
}

/** One JUnit test suite: a policy with its test cases, and what made it incomplete (the policy threw). */
export interface JUnitSuite {
  id: string;
  title?: string;
  cases: SuiteCase[];
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
  const groups: SuiteCases[] = [];
  const suiteIndex = new Map<string, number>();
  const suiteOf = (id: string, title?: string): number => {
    let index = suiteIndex.get(id);
    if (index === undefined) {
      suiteIndex.set(id, (index = suites.length));
      const suite: JUnitSuite = { id, ...(title !== undefined ? { title } : {}), cases: [], gaps: [] };
      suites.push(suite);
      groups.push(new SuiteCases(suite.cases, unknownFails));
    }
    return index;
  };
  for (const policy of result.policies) suiteOf(policy.id, policy.title);

  for (const verdict of mergeInOrder<CaseVerdict, CaseVerdict>(result.findings, result.passes ?? [])) groups[suiteOf(verdict.ruleId)]!.add(verdict);
  for (const gap of result.coverage.gaps) suites[suiteOf(gap.scope === 'policy' && gap.policyId ? gap.policyId : COVERAGE_SUITE)]!.gaps.push(gap);

  for (let index = 0; index < suites.length; index++) if (groups[index]!.sharesAddresses) nameApart(suites[index]!.cases);
  return suites;
}

/** The cases of one suite, each made when its resource's first verdict comes. */
class SuiteCases {
  /** Each resource's case, by its place in `cases`. */
  readonly #byResource = new ResourceMap<number>((index) => caseResource(this.cases[index]!));

  constructor(
    readonly cases: SuiteCase[],
    readonly unknownFails: boolean,
  ) {}

  /** Whether two of the suite's cases have one address (then their names need telling apart). */
  get sharesAddresses(): boolean {
    return this.#byResource.sharesAddresses;
  }

  add(verdict: CaseVerdict): void {
    const outcome = verdictOutcome(verdict, this.unknownFails);
    const index = this.#byResource.get(verdict.resource);
    if (index !== undefined) {
      const testCase = asCase(this.cases, index);
      (testCase.more ??= []).push(verdict);
      testCase.outcome = worseOutcome(testCase.outcome, outcome);
      return;
    }
    this.#byResource.add(verdict.resource, this.cases.length);
    this.cases.push(outcome === 'passed' ? verdict : { name: verdict.resource.address, first: verdict, outcome });
  }
}

function caseResource(testCase: SuiteCase): FindingResource {
  return isLonePass(testCase) ? testCase.resource : testCase.first.resource;
}

/** The case at `index`, a lone pass made a JUnitCase in its place when it gets company or a new name. */
function asCase(cases: SuiteCase[], index: number): JUnitCase {
  const testCase = cases[index]!;
  if (!isLonePass(testCase)) return testCase;
  const opened: JUnitCase = { name: testCase.resource.address, first: testCase, outcome: 'passed' };
  cases[index] = opened;
  return opened;
}

/** The name of a case in the report. */
export function caseName(testCase: SuiteCase): string {
  return isLonePass(testCase) ? testCase.resource.address : testCase.name;
}

/** Any gating verdict fails the case; otherwise any unknown or suppressed one skips it. */
function verdictOutcome(verdict: CaseVerdict, unknownFails: boolean): CaseOutcome {
  if (gates(verdict, unknownFails)) return 'failed';
  return verdict.verdict !== 'pass' ? 'skipped' : 'passed';
}

const OUTCOME_RANK: Record<CaseOutcome, number> = { passed: 0, skipped: 1, failed: 2 };

function worseOutcome(a: CaseOutcome, b: CaseOutcome): CaseOutcome {
  return OUTCOME_RANK[b] > OUTCOME_RANK[a] ? b : a;
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
  let failures = 0;
  let skipped = 0;
  for (const testCase of suite.cases) {
    if (isLonePass(testCase)) continue;
    if (testCase.outcome === 'failed') failures++;
    else if (testCase.outcome === 'skipped') skipped++;
  }
  return { tests: suite.cases.length + suite.gaps.length, failures, errors: suite.gaps.length, skipped };
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
function nameApart(cases: SuiteCase[]): void {
  const seen = new Map<string, number>();
  for (const c of cases) seen.set(caseName(c), (seen.get(caseName(c)) ?? 0) + 1);
  for (let index = 0; index < cases.length; index++) {
    const name = caseName(cases[index]!);
    if (seen.get(name)! > 1) {
      const testCase = asCase(cases, index);
      testCase.name = `${name} (${testCase.first.resource.input})`;
    }
  }
}
