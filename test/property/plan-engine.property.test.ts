import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { damagedText, jsonMutation, mutateJson, textDamage } from './json-mutations.js';
import { planArbitrary } from './plan-arbitrary.js';
import { propertyParameters, propertyTimeout } from './property-runs.js';
import { scanAndCheck } from './scan-check.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-plan-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plan engine properties (in-process `warden scan`)', () => {
  it('reads every generated plan: each resource, no gap, sg-open-ingress on every group open to SSH, db-internet-reachable on an exposed database', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan.document, null, 2));
        const { code, report } = await scanAndCheck(dir, ['plan.json']);
        expect(report.inputs[0]).toMatchObject({ status: 'scanned', resources: plan.addresses.length });
        expect(report.coverage.gaps).toEqual([]);
        expect([0, 1]).toContain(code);
        const failing = new Set(report.findings.filter((f) => f.ruleId === 'sg-open-ingress' && f.verdict === 'fail').map((f) => f.resource.address));
        for (const address of plan.openToSsh) expect(failing).toContain(address);
        if (plan.reachable) {
          const verdicts = report.findings.filter((f) => f.ruleId === 'db-internet-reachable' && f.resource.address === plan.reachable).map((f) => f.verdict);
          expect(verdicts).toEqual(['fail']);
        }
      }),
      propertyParameters(150),
    );
  }, propertyTimeout());

  it('survives damaged plans: defined exit code, one line per bad input, valid reports, and the good plan beside it is still scanned', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, fc.array(jsonMutation, { minLength: 1, maxLength: 4 }), textDamage, async (plan, mutations, damage) => {
        writeFileSync(join(dir, 'good.json'), JSON.stringify(plan.document));
        writeFileSync(join(dir, 'damaged.json'), damagedText(mutateJson(plan.document, mutations), damage));
        const { report } = await scanAndCheck(dir, ['damaged.json', 'good.json']);
        expect(report.inputs[1]).toMatchObject({ path: 'good.json', status: 'scanned', resources: plan.addresses.length });
      }),
      propertyParameters(150),
    );
  }, propertyTimeout());
});
