import { describe, expect, it } from 'vitest';
import { definePolicy, Inventory, type Resource } from '../../src/api.js';
import type { Finding } from '../../src/rules/finding.js';
import { evaluateInventory } from '../../src/scan/finish-scan.js';
import type { CoverageGap } from '../../src/scan/scan-result.js';

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
    const findings: Finding[] = [];
    const gaps: CoverageGap[] = [];
    evaluateInventory(new Inventory([resource], 'plan.json'), { policies: [{ policy, options: {} }], config: {}, includePasses: true }, findings, gaps);
    expect(gaps).toEqual([]);
    expect(findings).toHaveLength(count);
    expect(findings[count - 1]!.verdict).toBe('pass');
  });
});
