import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanJson } from '../../../src/engines/plan/parse-plan-json.js';
import { propertyParameters } from '../../property/property-runs.js';

const change = { address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', name: 'logs', change: { actions: ['create'], after: { bucket: 'logs' } } };
const plan = {
  format_version: '1.2',
  terraform_version: '1.9.5',
  variables: { region: { value: 'eu-west-1' } },
  planned_values: { root_module: { resources: [{ address: 'aws_s3_bucket.logs', values: { bucket: 'logs' } }] } },
  resource_drift: [{ address: 'aws_s3_bucket.old', change: { actions: ['update'] } }],
  resource_changes: [change],
  prior_state: { values: { root_module: {} } },
  configuration: { root_module: {} },
};

function withoutUnread(document: Record<string, unknown>): Record<string, unknown> {
  const { planned_values: _planned, resource_drift: _drift, ...rest } = document;
  return rest;
}

describe('parsePlanJson', () => {
  it('leaves out planned_values and resource_drift from the compact text terraform show -json writes', () => {
    expect(parsePlanJson(JSON.stringify(plan))).toEqual(withoutUnread(plan));
  });

  it('parses every other layout whole: pretty-printed, no resource_changes, resource_changes null', () => {
    const pretty = JSON.stringify(plan, null, 2);
    expect(parsePlanJson(pretty)).toEqual(plan);
    const { resource_changes: _changes, ...plannedOnly } = plan;
    expect(parsePlanJson(JSON.stringify(plannedOnly))).toEqual(plannedOnly);
    const nullChanges = { ...plan, resource_changes: null };
    expect(parsePlanJson(JSON.stringify(nullChanges))).toEqual(nullChanges);
  });

  it('is not fooled by the same keys nested inside values: it falls back to the whole document', () => {
    // A variable whose value holds a "planned_values" object; then a resource whose values hold a "resource_changes" list.
    const trap = {
      format_version: '1.2',
      variables: { odd: { value: { x: 1, planned_values: { a: 1 } } } },
      planned_values: { root_module: {} },
      resource_changes: [change],
    };
    expect(parsePlanJson(JSON.stringify(trap))).toEqual(trap);
    const deeperFirst = {
      format_version: '1.2',
      planned_values: { root_module: { resources: [{ values: { y: 1, resource_changes: [2] } }] } },
      resource_drift: [{ change: { after: { z: 1, resource_changes: [3] } } }],
      resource_changes: [change],
    };
    expect(parsePlanJson(JSON.stringify(deeperFirst))).toEqual(deeperFirst);
  });

  it('throws the same SyntaxError as JSON.parse for a broken document', () => {
    const broken = `${JSON.stringify(plan).slice(0, -40)}`;
    expect(() => parsePlanJson(broken)).toThrow(SyntaxError);
  });

  it('for any document, gives what JSON.parse gives, at most without the two unread sections, and those only beside resource_changes', () => {
    const member = fc.oneof(fc.constant('planned_values'), fc.constant('resource_changes'), fc.constant('resource_drift'), fc.string({ maxLength: 6 }));
    const value = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.integer(),
        fc.string({ maxLength: 8 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(member, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    const document = fc.record(
      { format_version: fc.constant('1.2'), variables: value, planned_values: fc.dictionary(member, value, { maxKeys: 3 }), resource_drift: fc.array(value, { maxLength: 2 }), resource_changes: fc.array(value, { maxLength: 3 }), prior_state: value },
      { requiredKeys: ['format_version'] },
    );
    let cuts = 0;
    fc.assert(
      fc.property(document, (doc) => {
        const text = JSON.stringify(doc);
        const full = JSON.parse(text) as Record<string, unknown>;
        const got = parsePlanJson(text) as Record<string, unknown>;
        const cut = 'planned_values' in full && !('planned_values' in got);
        if (cut) cuts++;
        if (cut) expect(Array.isArray(got['resource_changes'])).toBe(true);
        expect(got).toEqual(cut ? withoutUnread(full) : full);
      }),
      propertyParameters(500),
    );
    // The generator must reach the cut itself, not only the fallback.
    expect(cuts).toBeGreaterThan(0);
  });
});
