import { describe, expect, it } from 'vitest';
import { ResourceMap } from '../../src/report/resource-map.js';
import type { FindingResource } from '../../src/rules/finding.js';

const resource = (input: string, type: string, address: string): FindingResource => ({ input, type, address, source: 'plan' });

describe('ResourceMap', () => {
  it('finds a group by its resource, telling apart resources of one address in other inputs or of other types', () => {
    const groups = new ResourceMap<{ resource: FindingResource; name: string }>((group) => group.resource);
    const plain = resource('a.json', 'aws_s3_bucket', 'x');
    const otherInput = resource('b.json', 'aws_s3_bucket', 'x');
    const otherType = resource('a.json', 'aws_instance', 'x');
    groups.add(plain, { resource: plain, name: 'plain' });
    expect(groups.sharesAddresses).toBe(false);
    expect(groups.get(otherInput)).toBeUndefined();
    groups.add(otherInput, { resource: otherInput, name: 'other input' });
    expect(groups.get(otherType)).toBeUndefined();
    groups.add(otherType, { resource: otherType, name: 'other type' });
    expect(groups.sharesAddresses).toBe(true);
    expect([plain, otherInput, otherType].map((r) => groups.get({ ...r })?.name)).toEqual(['plain', 'other input', 'other type']);
    expect(groups.get(resource('a.json', 'aws_s3_bucket', 'y'))).toBeUndefined();
  });
});
