import { describe, expect, it } from 'vitest';
import { definePolicy, Inventory, type Resource } from '../../src/api.js';
import { evaluateInventory, type Evaluated } from '../../src/scan/finish-scan.js';

describe('evaluateInventory', () => {
  it('collects the findings of a large plan, far more than fit in one call as arguments', () => {
    const resource: Resource = {
      type: 'aws_s3_bucket', address: 'aws_s3_bucket.logs', name: 'logs', mode: 'managed', modulePath: '',
      values: {}, tags: undefined, source: 'plan', input: 'plan.json', references: {}, raw: {},
    };
    // A JUnit report collects a pass per (policy, resource): a 100k-resource plan yields hundreds of thousands.
    const count = 300_000;
    const policy = definePolicy({
      id: 'many-passes', title: 'Many passes', severity: 'low', description: 'Passes often.', remediation: 'None.',
      check(context) {
        for (let i = 0; i < count; i++) context.pass({ resource, element: String(i), message: 'fine' });
      },
    });
    const inventory = new Inventory([resource], 'plan.json');
    // Counted for JUnit: records in `passes`, no findings.
    const counted: Evaluated = { findings: [], passes: [], gaps: [] };
    evaluateInventory(inventory, { policies: [{ policy, options: {} }], config: {}, passMode: 'count' }, counted);
    expect(counted.gaps).toEqual([]);
    expect(counted.findings).toEqual([]);
    expect(counted.passes).toHaveLength(count);
    expect(counted.passes[count - 1]).toEqual({ ruleId: 'many-passes', severity: 'low', verdict: 'pass', resource: { type: 'aws_s3_bucket', address: 'aws_s3_bucket.logs', name: 'logs', source: 'plan', input: 'plan.json' } });
    // Reported (--include-passes): findings.
    const reported: Evaluated = { findings: [], passes: [], gaps: [] };
    evaluateInventory(inventory, { policies: [{ policy, options: {} }], config: {}, passMode: 'report' }, reported);
    expect(reported.passes).toEqual([]);
    expect(reported.findings).toHaveLength(count);
    expect(reported.findings[count - 1]!.verdict).toBe('pass');
  });
});
