import { readFileSync } from 'node:fs';
import { create } from 'xmlbuilder2';
import { validateXML } from 'xmllint-wasm';

/** Our description of the JUnit XML Jenkins reads (see its header for the sources of the facts). */
export const JUNIT_XSD = readFileSync(new URL('../fixtures/report/junit.xsd', import.meta.url), 'utf8');

/** Validates a document against junit.xsd with libxml2 compiled to WASM; returns libxml2's messages. */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'warden-junit.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: JUNIT_XSD }],
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

/** The few DOM members the tests read (xmlbuilder2, a dev dependency now, parses into its own DOM implementation: a reader independent of the writer). */
export interface XmlElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
  children: ArrayLike<XmlElement>;
}

/** Parses a document (which fails on anything not well-formed) and returns its root element. */
export function parseXml(xml: string): XmlElement {
  return create(xml).root().node as unknown as XmlElement;
}

export function elements(parent: XmlElement, name: string): XmlElement[] {
  return Array.from(parent.getElementsByTagName(name));
}

/** `<testsuite>` or `<testsuites>` counts as numbers. */
export function countsOf(element: XmlElement): Record<'tests' | 'failures' | 'errors' | 'skipped', number> {
  const read = (name: string): number => Number(element.getAttribute(name));
  return { tests: read('tests'), failures: read('failures'), errors: read('errors'), skipped: read('skipped') };
}

/** What the cases under `element` actually hold, counted as Jenkins counts them. */
export function countedCases(element: XmlElement): Record<'tests' | 'failures' | 'errors' | 'skipped', number> {
  const cases = elements(element, 'testcase');
  const holding = (name: string): number => cases.filter((c) => c.getElementsByTagName(name).length > 0).length;
  return { tests: cases.length, failures: holding('failure'), errors: holding('error'), skipped: holding('skipped') };
}
