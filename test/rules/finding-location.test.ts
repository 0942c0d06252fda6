import { describe, expect, it } from 'vitest';
import { definePolicy } from '../../src/api.js';
import { Inventory } from '../../src/model/inventory.js';
import type { Resource } from '../../src/model/resource.js';
import { runPolicies } from '../../src/rules/runner.js';

/** A resource of main.tf whose block starts at `line` and whose attributes sit at the given lines. */
function resource(type: string, address: string, line: number, attributes: Record<string, number>): Resource {
  const at = (n: number) => ({ kind: 'source' as const, file: 'main.tf', startLine: n, endLine: n });
  return {
    type,
    address,
    name: address,
    mode: 'managed',
    modulePath: '',
    values: {},
    tags: {},
    source: 'hcl',
    input: 'main.tf',
    references: {},
    raw: {},
    location: { kind: 'source', file: 'main.tf', startLine: line, endLine: line + 5 },
    attributeLocations: Object.fromEntries(Object.entries(attributes).map(([name, n]) => [name, at(n)])),
  };
}

const bucket = resource('aws_s3_bucket', 'aws_s3_bucket.data', 1, { bucket: 2 });
const policyResource = resource('aws_s3_bucket_policy', 'aws_s3_bucket_policy.data', 10, { bucket: 11, policy: 12 });

const reportOn = (details: { path?: string; locationOf?: Resource }) =>
  definePolicy({
    id: 'where-it-points',
    title: 'Test policy',
    severity: 'low',
    description: 'Test policy.',
    remediation: 'None.',
    messages: { found: 'found' },
    check({ fail }) {
      fail({ resource: bucket, messageId: 'found', ...details });
    },
  });

const lineOf = (details: { path?: string; locationOf?: Resource }): number | undefined => {
  const { findings } = runPolicies(new Inventory([bucket, policyResource], 'main.tf'), [{ policy: reportOn(details), options: {} }], 'omit');
  const location = findings[0]?.location;
  return location && 'startLine' in location ? location.startLine : undefined;
};

describe('where a finding points', () => {
  it('at the attribute of the resource itself', () => {
    expect(lineOf({ path: 'bucket' })).toBe(2);
  });

  it('at the attribute of the resource that writes it when the verdict belongs to another (a bucket policy written beside its bucket)', () => {
    expect(lineOf({ locationOf: policyResource, path: 'policy' })).toBe(12);
  });

  it('at the block of that resource when no path is given, or the path is not one of its attributes', () => {
    expect(lineOf({ locationOf: policyResource })).toBe(10);
    expect(lineOf({ locationOf: policyResource, path: 'versioning' })).toBe(10);
  });
});
