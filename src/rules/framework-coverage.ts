import { CONTROL_CATALOGS } from './control-catalogs/index.js';
import type { FrameworkControl } from './control-catalogs/control-catalog.js';
import { matchingFrameworks } from './frameworks.js';

/** How many controls of a framework's catalog the given policies cover, and which. */
export interface FrameworkCoverage {
  framework: string;
  scope: string;
  total: number;
  covered: (FrameworkControl & { policies: string[] })[];
  notCovered: FrameworkControl[];
}

/**
 * Coverage of each catalogued framework that one of `wanted` names (an alias such as `cis`, or the
 * start of the framework's name): a control is covered when some policy maps to its id. Frameworks
 * without a catalog (PCI DSS, SOC 2, HIPAA) have no coverage count.
 */
export function frameworkCoverage(policies: readonly { id: string; frameworks?: Readonly<Record<string, readonly string[]>> }[], wanted: readonly string[]): FrameworkCoverage[] {
  const catalogs = CONTROL_CATALOGS.filter((catalog) => wanted.some((name) => matchingFrameworks({ [catalog.framework]: [] }, name).length > 0));
  return catalogs.map((catalog) => {
    const byControl = new Map<string, string[]>();
    for (const policy of policies) {
      for (const id of policy.frameworks?.[catalog.framework] ?? []) byControl.set(id, [...(byControl.get(id) ?? []), policy.id]);
    }
    const covered = catalog.controls.filter((c) => byControl.has(c.id)).map((c) => ({ ...c, policies: byControl.get(c.id)! }));
    const notCovered = catalog.controls.filter((c) => !byControl.has(c.id));
    return { framework: catalog.framework, scope: catalog.scope, total: catalog.controls.length, covered, notCovered };
  });
}

/** `covered 14 of 35 automated controls`. */
export function coverageSummary(coverage: FrameworkCoverage): string {
  return `covered ${String(coverage.covered.length)} of ${String(coverage.total)} ${coverage.scope}`;
}
