import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/model/location.js';
import { VERDICTS } from '../../src/rules/finding.js';
import { SEVERITIES } from '../../src/rules/severity.js';
import { mergeInOrder, sortFindings, type Ordered } from '../../src/scan/sort-findings.js';
import { propertyParameters } from '../property/property-runs.js';

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const location: fc.Arbitrary<Location | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ kind: fc.constant('source' as const), file: pick(['a.tf', 'b.tf']), startLine: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('cloud' as const), account: fc.constant('1'), region: fc.constant('r'), arn: pick(['arn:1', 'arn:2']) }),
);
const item: fc.Arbitrary<Ordered> = fc.record({
  ruleId: pick(['p1', 'p2', 'p3']),
  severity: pick(SEVERITIES),
  verdict: pick(VERDICTS),
  resource: fc.record({ type: pick(['t1', 't2']), address: pick(['x', 'y', 'z']), source: fc.constant('plan' as const), input: pick(['in1', 'in2']) }),
  location,
  fingerprint: fc.option(pick(['0a', '1b', '2c']), { nil: undefined }),
});

describe('report order', () => {
  it('sorts by input, file, line, verdict, severity (worst first), rule, address, then fingerprint', () => {
    const at = (file: string, line: number): Location => ({ kind: 'source', file, startLine: line });
    const base = { ruleId: 'p', severity: 'low' as const, verdict: 'fail' as const, resource: { type: 't', address: 'a', source: 'plan' as const, input: 'in' } };
    const items: Ordered[] = [
      { ...base, location: at('b.tf', 1) },
      { ...base, location: at('a.tf', 9), verdict: 'pass' },
      { ...base, location: at('a.tf', 9), severity: 'high' },
      { ...base, location: at('a.tf', 9), fingerprint: 'b' },
      { ...base, location: at('a.tf', 9), fingerprint: 'a' },
      { ...base, location: at('a.tf', 2), ruleId: 'q' },
      { ...base, resource: { ...base.resource, input: 'a-first' } },
    ];
    const sorted = [...items];
    sortFindings(sorted);
    expect(sorted.map((i) => items.indexOf(i))).toEqual([6, 5, 2, 4, 3, 1, 0]);
  });

  it('walks two sorted lists as the sorted concatenation would, findings before passes on a tie', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.array(item, { maxLength: 30 }), (first, second) => {
        sortFindings(first);
        sortFindings(second);
        const both = [...first, ...second];
        sortFindings(both);
        expect([...mergeInOrder(first, second)]).toEqual(both);
      }),
      propertyParameters(200),
    );
  });
});
