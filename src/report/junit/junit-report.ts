import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { CoverageGap } from '../../scan/scan-result.js';
import { DEFAULT_GATE, type Reporter } from '../reporter.js';
import { junitSuites, suiteCounts, totalCounts, type JUnitCounts, type JUnitSuite } from './junit-cases.js';
import { caseText, failureOf, skippedMessage } from './junit-text.js';
import { attributeText, elementText } from './xml-text.js';

/** Jenkins shows `warden.<policy>` as package `warden` and class `<policy>`, each resource a test of it. */
const CLASS_PREFIX = 'warden.';

/**
 * JUnit XML as the Jenkins `junit` step reads it (DESIGN §5): a `<testsuite>` per policy, a
 * `<testcase>` per (policy, resource) — passing resources included — with a `<failure>` for
 * failing findings (and unknowns under `--unknown fail`), `<skipped>` for undecided and suppressed
 * ones, and an `<error>` case for every input, region or policy that could not be evaluated.
 * Built with xmlbuilder2, which escapes markup; xml-text.ts replaces characters XML cannot hold.
 */
export const junitReport: Reporter = (result, context) => {
  const unknownFails = (context.gate ?? DEFAULT_GATE).unknown === 'fail';
  const suites = junitSuites(result, unknownFails);
  const counts = suites.map(suiteCounts);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('testsuites', { name: attributeText(`warden ${result.command}`), ...countAttributes(totalCounts(counts)), time: '0' });
  suites.forEach((suite, index) => addSuite(root, suite, counts[index]!, unknownFails));
  return `${doc.end({ prettyPrint: true })}\n`;
};

function addSuite(root: XMLBuilder, suite: JUnitSuite, counts: JUnitCounts, unknownFails: boolean): void {
  const classname = attributeText(CLASS_PREFIX + suite.id);
  const element = root.ele('testsuite', { name: classname, ...countAttributes(counts), time: '0' });
  if (suite.title !== undefined) element.ele('properties').ele('property', { name: 'title', value: attributeText(suite.title) });
  for (const testCase of suite.cases) {
    const caseElement = element.ele('testcase', { classname, name: attributeText(testCase.name), time: '0' });
    if (testCase.outcome === 'failed') {
      const failure = failureOf(testCase, unknownFails);
      caseElement.ele('failure', { message: attributeText(failure.message), type: attributeText(failure.type) }).txt(elementText(failure.text));
    } else if (testCase.outcome === 'skipped') {
      caseElement.ele('skipped', { message: attributeText(skippedMessage(testCase)) }).txt(elementText(caseText(testCase)));
    }
  }
  for (const gap of suite.gaps) addGap(element, classname, gap);
}

/** A gap is a test case in error: Jenkins lists it beside the failures, so an incomplete scan is not read as clean. */
function addGap(suite: XMLBuilder, classname: string, gap: CoverageGap): void {
  const name = gap.scope === 'policy' ? `${gap.target} (policy error)` : `${gap.scope} ${gap.target}`;
  suite
    .ele('testcase', { classname, name: attributeText(name), time: '0' })
    .ele('error', { message: attributeText(gap.message), type: attributeText(gap.errorCode ?? `${gap.scope} not evaluated`) })
    .txt(elementText(gap.message));
}

function countAttributes(counts: JUnitCounts): Record<string, string> {
  return { tests: String(counts.tests), failures: String(counts.failures), errors: String(counts.errors), skipped: String(counts.skipped) };
}
