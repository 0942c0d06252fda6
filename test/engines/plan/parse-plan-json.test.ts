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
  output_changes: { bucket: { actions: ['create'], after: 'logs' } },
  prior_state: { values: { root_module: {} } },
  configuration: { root_module: {} },
};

function withoutUnread(document: Record<string, unknown>): Record<string, unknown> {
  const { planned_values: _planned, resource_drift: _drift, prior_state: _prior, ...rest } = document;
  return rest;
}

const dataSource = { address: 'data.aws_vpc.main', mode: 'data', type: 'aws_vpc', name: 'main', values: { id: 'vpc-1' } };

describe('parsePlanJson', () => {
  it('leaves out planned_values, resource_drift and a prior_state without data sources from the compact text terraform show -json writes', () => {
    expect(parsePlanJson(JSON.stringify(plan))).toEqual(withoutUnread(plan));
  });

  it('keeps prior_state when it holds a data source, and when configuration does not follow it', () => {
    const withData = { ...plan, prior_state: { values: { root_module: { resources: [dataSource] } } } };
    expect(parsePlanJson(JSON.stringify(withData))).toEqual({ ...withoutUnread(withData), prior_state: withData.prior_state });
    const { configuration: _configuration, ...last } = plan;
    expect(parsePlanJson(JSON.stringify(last))).toEqual({ ...withoutUnread(last), prior_state: last.prior_state });
  });

  it('keeps the members in the order of the text', () => {
    const withData = { ...plan, prior_state: { values: { root_module: { resources: [dataSource] } } } };
    for (const document of [plan, withData]) {
      const got = parsePlanJson(JSON.stringify(document)) as Record<string, unknown>;
      expect(Object.keys(got)).toEqual(Object.keys(document).filter((key) => key in got));
    }
  });

  it('reads output_changes beside resource_changes, and parses the whole text when an output is named output_changes or another member follows resource_changes', () => {
    const { output_changes: _outputs, ...noOutputs } = plan;
    expect(parsePlanJson(JSON.stringify(noOutputs))).toEqual(withoutUnread(noOutputs));
    const namedLikeIt = { ...plan, output_changes: { a: { actions: ['create'] }, output_changes: { actions: ['create'], after: [1] } } };
    expect(parsePlanJson(JSON.stringify(namedLikeIt))).toEqual(namedLikeIt);
    const { output_changes: outputs, prior_state: prior, configuration, ...before } = plan;
    const deferred = { ...before, deferred_changes: [{ reason: 'provider_config_unknown' }], output_changes: outputs, prior_state: prior, configuration };
    expect(parsePlanJson(JSON.stringify(deferred))).toEqual(JSON.parse(JSON.stringify(deferred)));
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
    // A resource whose values hold "prior_state" and "configuration" objects, before the real prior_state.
    const nested = {
      format_version: '1.2',
      planned_values: {},
      resource_changes: [{ ...change, change: { after: { prior_state: { a: 1 }, configuration: { b: 2 } } } }],
      prior_state: { values: { root_module: { resources: [dataSource] } } },
      configuration: { root_module: {} },
    };
    expect(parsePlanJson(JSON.stringify(nested))).toEqual({ ...withoutUnread(nested), prior_state: nested.prior_state });
    // No top-level resource_changes or prior_state: nested ones whose two cuts would make up for each other.
    const compensating = '{"format_version":"1.2","planned_values":{"mode":{},"resource_changes":[],"prior_state":{}},"configuration":{}}';
    expect(parsePlanJson(compensating)).toEqual(JSON.parse(compensating));
    const noPriorState = '{"format_version":"1.2","planned_values":{},"resource_changes":[{"planned_values":[],"prior_state":{},"configuration":{}}]}';
    expect(parsePlanJson(noPriorState)).toEqual(withoutUnread(JSON.parse(noPriorState) as Record<string, unknown>));
  });

  it('throws the same SyntaxError as JSON.parse for a broken document', () => {
    const broken = `${JSON.stringify(plan).slice(0, -40)}`;
    expect(() => parsePlanJson(broken)).toThrow(SyntaxError);
  });

  it('for any document, gives what JSON.parse gives, at most without the unread sections, and those only beside resource_changes', () => {
    const section = ['planned_values', 'resource_changes', 'resource_drift', 'output_changes', 'prior_state', 'configuration'];
    const member = fc.oneof(...section.map((key) => fc.constant(key)), fc.constant('mode'), fc.string({ maxLength: 6 }));
    const value = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.integer(),
        fc.oneof(fc.constant('data'), fc.string({ maxLength: 8 })),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(member, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    const object = fc.dictionary(member, value, { maxKeys: 3 });
    const document = fc.record(
      {
        format_version: fc.constant('1.2'), variables: value, planned_values: object, resource_drift: fc.array(value, { maxLength: 2 }),
        resource_changes: fc.array(value, { maxLength: 3 }), output_changes: object, prior_state: object, configuration: object,
      },
      { requiredKeys: ['format_version'] },
    );
    const cuts = { planned_values: 0, prior_state: 0 };
    fc.assert(
      fc.property(document, (doc) => {
        const text = JSON.stringify(doc);
        const full = JSON.parse(text) as Record<string, unknown>;
        const got = parsePlanJson(text) as Record<string, unknown>;
        const removed = Object.keys(full).filter((key) => !(key in got));
        expect(['planned_values', 'resource_drift', 'prior_state']).toEqual(expect.arrayContaining(removed));
        expect(Object.keys(got).filter((key) => !(key in full))).toEqual([]);
        for (const key of Object.keys(got)) expect(got[key]).toEqual(full[key]);
        expect(Object.keys(got)).toEqual(Object.keys(full).filter((key) => key in got));
        if (removed.length > 0) expect(Array.isArray(got['resource_changes'])).toBe(true);
        if (removed.includes('planned_values')) cuts.planned_values++;
        if (removed.includes('prior_state')) {
          cuts.prior_state++;
          expect(JSON.stringify(full['prior_state'])).not.toContain('"mode":"data"');
        }
      }),
      propertyParameters(500),
    );
    // The generator must reach each cut itself, not only the fallback.
    expect(cuts.planned_values).toBeGreaterThan(0);
    expect(cuts.prior_state).toBeGreaterThan(0);
  });
});
