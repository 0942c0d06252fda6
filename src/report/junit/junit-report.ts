import type { FindingResource } from '../../rules/finding.js';
import type { CoverageGap } from '../../scan/scan-result.js';
import { DEFAULT_GATE, type Reporter } from '../report-context.js';
import { isLonePass, junitSuites, suiteCounts, totalCounts, type JUnitCase, type JUnitCounts, type JUnitSuite } from './junit-cases.js';
import { caseElementText, failureOf, remediationText, skippedMessage } from './junit-text.js';
import { textMemo } from '../text-memo.js';
import { attributeText, elementText } from './xml-text.js';

/** Jenkins shows `warden.<policy>` as package `warden` and class `<policy>`, each resource a test of it. */
const CLASS_PREFIX = 'warden.';

/**
 * JUnit XML as the Jenkins `junit` step reads it (DESIGN §5): a `<testsuite>` per policy, a
 * `<testcase>` per (policy, resource) — passing resources included — with a `<failure>` for
 * failing findings (and unknowns under `--unknown fail`), `<skipped>` for undecided and suppressed
 * ones, and an `<error>` case for every input, region or policy that could not be evaluated.
 * Written as text, element by element (a large plan has 100k+ cases: a document tree of them cost a
 * sixth of the scan); xml-text.ts escapes markup and replaces characters XML cannot hold.
 * Indented by two spaces per level, an element without content closed as `<name/>`.
 */
export const junitReport: Reporter = function* (result, context) {
  const unknownFails = (context.gate ?? DEFAULT_GATE).unknown === 'fail';
  const suites = junitSuites(result, unknownFails);
  const counts = suites.map(suiteCounts);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  const root = `<testsuites name="${attributeText(`warden ${result.command}`)}" ${countAttributes(totalCounts(counts))} time="0"`;
  if (suites.length === 0) {
    yield `${root}/>\n`;
    return;
  }
  yield `${root}>\n`;
  // A resource is a case in every suite that checked it, and a policy's findings share its remediation: each escaped once.
  const texts: CaseTexts = { name: textMemo(attributeText), remediation: textMemo(remediationText), address: addressTexts() };
  for (let index = 0; index < suites.length; index++) yield* suiteXml(suites[index]!, counts[index]!, unknownFails, texts);
  yield '</testsuites>\n';
};

/** Texts that many cases share, escaped once per report. */
interface CaseTexts {
  name: (name: string) => string;
  remediation: (remediation: string) => string;
  /** A resource's address as an attribute value: its case's name in every suite that checked it. */
  address: (resource: FindingResource) => string;
}

/**
 * Most of a large plan's 137k cases are named by their resource's address, and each resource is
 * a case in many suites: escaped once per report, found by the (shared) resource object rather than
 * by hashing its address text.
 */
function addressTexts(): (resource: FindingResource) => string {
  const escaped = new Map<FindingResource, string>();
  return (resource) => {
    let text = escaped.get(resource);
    if (text === undefined) escaped.set(resource, (text = attributeText(resource.address)));
    return text;
  };
}

/** Case text gathered before it is yielded: a piece per case, through two generators, cost more than the concatenation. */
const GATHER = 1 << 14;

function* suiteXml(suite: JUnitSuite, counts: JUnitCounts, unknownFails: boolean, texts: CaseTexts): Generator<string> {
  const classname = attributeText(CLASS_PREFIX + suite.id);
  const head = `  <testsuite name="${classname}" ${countAttributes(counts)} time="0"`;
  if (suite.title === undefined && suite.cases.length === 0 && suite.gaps.length === 0) {
    yield `${head}/>\n`;
    return;
  }
  yield `${head}>\n`;
  if (suite.title !== undefined) yield `    <properties>\n      <property name="title" value="${attributeText(suite.title)}"/>\n    </properties>\n`;
  const caseHead = `    <testcase classname="${classname}" name="`;
  let gathered = '';
  for (const testCase of suite.cases) {
    gathered += isLonePass(testCase) ? `${caseHead}${texts.address(testCase.resource)}" time="0"/>\n` : caseXml(caseHead, testCase, unknownFails, texts);
    if (gathered.length >= GATHER) {
      yield gathered;
      gathered = '';
    }
  }
  if (gathered !== '') yield gathered;
  for (const gap of suite.gaps) yield gapXml(classname, gap);
  yield '  </testsuite>\n';
}

/** A case that is not a lone pass, after `caseHead` (its element up to the name's value). */
function caseXml(caseHead: string, testCase: JUnitCase, unknownFails: boolean, texts: CaseTexts): string {
  const { name, first } = testCase;
  const head = `${caseHead}${name === first.resource.address ? texts.address(first.resource) : texts.name(name)}" time="0"`;
  if (testCase.outcome === 'failed') {
    const failure = failureOf(testCase, unknownFails);
    const attributes = `message="${attributeText(failure.message)}" type="${attributeText(failure.type)}"`;
    return `${head}>\n${escapedChild('failure', attributes, caseElementText(testCase, texts.remediation))}    </testcase>\n`;
  }
  if (testCase.outcome === 'skipped') {
    const attributes = `message="${attributeText(skippedMessage(testCase))}"`;
    return `${head}>\n${escapedChild('skipped', attributes, caseElementText(testCase, texts.remediation))}    </testcase>\n`;
  }
  return `${head}/>\n`;
}

/** A gap is a test case in error: Jenkins lists it beside the failures, so an incomplete scan is not read as clean. */
function gapXml(classname: string, gap: CoverageGap): string {
  const name = gap.scope === 'policy' ? `${gap.target} (policy error)` : `${gap.scope} ${gap.target}`;
  const attributes = `message="${attributeText(gap.message)}" type="${attributeText(gap.errorCode ?? `${gap.scope} not evaluated`)}"`;
  return `    <testcase classname="${classname}" name="${attributeText(name)}" time="0">\n${child('error', attributes, gap.message)}    </testcase>\n`;
}

/** `<failure>`, `<skipped>` or `<error>` inside a test case, its text (if any) kept as it is. */
function child(name: string, attributes: string, text: string): string {
  return escapedChild(name, attributes, elementText(text));
}

function escapedChild(name: string, attributes: string, content: string): string {
  return content === '' ? `      <${name} ${attributes}/>\n` : `      <${name} ${attributes}>${content}</${name}>\n`;
}

function countAttributes(counts: JUnitCounts): string {
  return `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}"`;
}
