import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { CONTROL_CATALOGS } from '../../src/rules/control-catalogs/index.js';
import { frameworkCoverage } from '../../src/rules/framework-coverage.js';
import { runMain } from '../support/run-main.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CIS = 'CIS AWS Foundations Benchmark v3.0.0';
const FSBP = 'AWS Foundational Security Best Practices';

describe('framework coverage (`warden policies --framework cis|fsbp`)', () => {
  it('counts a control covered when some policy maps to it, and lists the rest as not covered', () => {
    const policies: { id: string; frameworks: Record<string, string[]> }[] = [
      { id: 'a', frameworks: { [CIS]: ['5.1', '5.2'], 'PCI DSS 4.0': ['1.3.1'] } },
      { id: 'b', frameworks: { [CIS]: ['5.2'] } },
      { id: 'c', frameworks: { [FSBP]: ['ELB.1'] } },
    ];
    const [cis, ...rest] = frameworkCoverage(policies, ['cis']);
    expect(rest).toEqual([]);
    expect(cis!.framework).toBe(CIS);
    expect(cis!.covered.map((c) => [c.id, c.policies])).toEqual([
      ['5.1', ['a']],
      ['5.2', ['a', 'b']],
    ]);
    expect(cis!.notCovered.map((c) => c.id)).toContain('5.6');
    expect(cis!.covered.length + cis!.notCovered.length).toBe(cis!.total);
    // A framework without a catalog (PCI DSS) has no count; both catalogued ones can be asked at once.
    expect(frameworkCoverage(policies, ['pci'])).toEqual([]);
    expect(frameworkCoverage(policies, ['fsbp', 'CIS AWS']).map((c) => c.framework)).toEqual([CIS, FSBP]);
  });

  it('catalogues unique control ids, and every control a built-in policy maps to is in its catalogue', () => {
    for (const catalog of CONTROL_CATALOGS) {
      const ids = catalog.controls.map((c) => c.id);
      expect(new Set(ids).size, catalog.framework).toBe(ids.length);
      const mapped = builtinPolicies.flatMap((p) => p.frameworks?.[catalog.framework] ?? []);
      expect(mapped.filter((id) => !ids.includes(id)), catalog.framework).toEqual([]);
    }
  });

  it('prints covered and not covered controls with a count, in the console and in JSON', async () => {
    const console = await runMain(['policies', '--framework', 'cis'], ROOT);
    expect(console.code).toBe(0);
    const total = CONTROL_CATALOGS.find((c) => c.framework === CIS)!.controls.length;
    expect(console.stdout).toMatch(new RegExp(`^CIS AWS Foundations Benchmark v3\\.0\\.0: covered \\d+ of ${String(total)} automated controls$`, 'm'));
    expect(console.stdout).toMatch(/^ {2}covered +5\.1 +Ensure no Network ACLs allow ingress .* \(nacl-admin-ports-open\)$/m);
    expect(console.stdout).toMatch(/^ {2}not covered +4\.16 +Ensure AWS Security Hub is enabled$/m);

    const json = await runMain(['policies', '--framework', 'fsbp', '--format', 'json'], ROOT);
    const parsed = JSON.parse(json.stdout) as { policies: { id: string }[]; coverage: { framework: string; total: number; covered: { id: string; policies: string[] }[]; notCovered: { id: string }[] }[] };
    expect(parsed.policies.map((p) => p.id)).toContain('lb-http-not-redirected');
    const [fsbp] = parsed.coverage;
    expect(fsbp!.framework).toBe(FSBP);
    expect(fsbp!.covered).toContainEqual({ id: 'ELB.1', title: 'Application Load Balancer should be configured to redirect all HTTP requests to HTTPS', policies: ['lb-http-not-redirected'] });
    expect(fsbp!.covered.length + fsbp!.notCovered.length).toBe(fsbp!.total);
  });
});
