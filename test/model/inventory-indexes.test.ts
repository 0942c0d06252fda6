import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import { resource } from '../network/network-test-helpers.js';

describe('Inventory id index', () => {
  it('one resource per id, an id and an ARN of the same resource, and an id shared by a data source and a managed resource', () => {
    const vpc = resource('aws_vpc', 'main', { id: 'vpc-1', arn: 'arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1' });
    const lookup = { ...resource('aws_vpc', 'found', { id: 'vpc-2' }), mode: 'data' as const };
    const managed = resource('aws_vpc', 'other', { id: 'vpc-2' });
    const inventory = new Inventory([vpc, lookup, managed], 'test.json');
    expect(inventory.byId('vpc-1')).toEqual([vpc]);
    expect(inventory.byId('arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1')).toEqual([vpc]);
    // A second lookup answers the same, and managed resources come first.
    expect(inventory.byId('vpc-1')).toEqual([vpc]);
    expect(inventory.byId('vpc-2')).toEqual([managed, lookup]);
    expect(inventory.byId('vpc-3')).toEqual([]);
    expect(inventory.resolveId('vpc-2', ['aws_vpc'])).toEqual([managed, lookup]);
  });

  it('a name that is also an id: both, managed first and each once', () => {
    const group = resource('aws_db_subnet_group', 'app', { name: 'app' });
    const other = { ...resource('aws_db_parameter_group', 'app', { id: 'app' }), mode: 'data' as const };
    const inventory = new Inventory([other, group], 'test.json');
    expect(inventory.byId('app')).toEqual([group, other]);
    expect(inventory.byId('APP')).toEqual([group]);
  });

  it('firstWithId and resolveId answer as byId lists, for a lone resource, a shared id, a name and both', () => {
    const vpc = resource('aws_vpc', 'main', { id: 'vpc-1' });
    const lookup = { ...resource('aws_vpc', 'found', { id: 'vpc-2' }), mode: 'data' as const };
    const managed = resource('aws_vpc', 'other', { id: 'vpc-2' });
    const group = resource('aws_db_subnet_group', 'app', { name: 'app' });
    const other = { ...resource('aws_db_parameter_group', 'app', { id: 'app' }), mode: 'data' as const };
    const inventory = new Inventory([vpc, lookup, managed, other, group], 'test.json');
    const types = [['aws_vpc'], ['aws_db_subnet_group'], ['aws_db_parameter_group'], ['aws_db_parameter_group', 'aws_db_subnet_group'], ['aws_s3_bucket']];
    for (const id of ['vpc-1', 'vpc-2', 'vpc-3', 'app', 'APP']) {
      for (const fitting of types) {
        // Asked before byId has listed the key, and again after.
        const first = inventory.firstWithId(id, fitting);
        const resolved = inventory.resolveId(id, fitting);
        const listed = inventory.byId(id).filter((r) => fitting.includes(r.type));
        expect(first, `${id} ${fitting.join()}`).toBe(listed[0]);
        expect(resolved, `${id} ${fitting.join()}`).toEqual(listed);
        expect(inventory.firstWithId(id, fitting)).toBe(first);
      }
    }
    expect(inventory.firstWithId('app', ['aws_db_parameter_group', 'aws_db_subnet_group'])).toBe(group);
    expect(inventory.firstWithId('APP', ['aws_db_parameter_group'])).toBeUndefined();
    expect(inventory.firstWithId('vpc-2', ['aws_vpc'])).toBe(managed);
  });
});
