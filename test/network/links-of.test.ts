import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import { Unknown } from '../../src/model/unknown.js';
import { linksOf } from '../../src/network/links.js';
import { resource } from './network-test-helpers.js';

const GROUPS = ['aws_security_group'];

describe('linksOf', () => {
  const web = resource('aws_security_group', 'web', { id: 'sg-1' });
  const db = resource('aws_security_group', 'db', { id: 'sg-2' });
  const vpc = resource('aws_vpc', 'main', { id: 'sg-3' });
  const later = new Unknown('known after apply');
  const holder = (values: Record<string, unknown>, references: Record<string, string[]> = {}) =>
    resource('aws_instance', 'app', values as never, { references });
  const inventory = new Inventory([web, db, vpc], 'test.json');

  it('one id, as a string or a one-element list: its target, nothing missing', () => {
    expect(linksOf(inventory, holder({ g: 'sg-1' }), 'g', GROUPS)).toEqual({ resources: [web], missing: [] });
    expect(linksOf(inventory, holder({ g: ['sg-2'] }), 'g', GROUPS)).toEqual({ resources: [db], missing: [] });
  });

  it('an id of another type or of nothing is missing unless a reference edge names the target', () => {
    expect(linksOf(inventory, holder({ g: 'sg-3' }), 'g', GROUPS)).toEqual({ resources: [], missing: ['sg-3'] });
    expect(linksOf(inventory, holder({ g: ['sg-9'] }), 'g', GROUPS)).toEqual({ resources: [], missing: ['sg-9'] });
    expect(linksOf(inventory, holder({ g: 'web' }, { g: [web.address] }), 'g', GROUPS)).toEqual({ resources: [web], missing: [] });
  });

  it('a list: each target once, in id order; unknown elements resolved by edges or reported', () => {
    expect(linksOf(inventory, holder({ g: ['sg-2', 'sg-1', 'sg-2'] }), 'g', GROUPS)).toEqual({ resources: [db, web], missing: [] });
    expect(linksOf(inventory, holder({ g: ['sg-1', later] }, { g: [db.address] }), 'g', GROUPS)).toEqual({ resources: [web, db], missing: [] });
    expect(linksOf(inventory, holder({ g: ['sg-1', later, 'sg-9'] }), 'g', GROUPS)).toEqual({ resources: [web], missing: ['sg-9'], unknown: later });
  });

  it('an empty list links nothing, whatever the edges say', () => {
    expect(linksOf(inventory, holder({ g: [] }, { g: [web.address] }), 'g', GROUPS)).toEqual({ resources: [], missing: [] });
  });

  it('an unknown or absent value: the edges, or the unknown', () => {
    expect(linksOf(inventory, holder({ g: later }), 'g', GROUPS)).toEqual({ resources: [], missing: [], unknown: later });
    expect(linksOf(inventory, holder({ g: later }, { g: [web.address, vpc.address] }), 'g', GROUPS)).toEqual({ resources: [web], missing: [] });
    expect(linksOf(inventory, holder({}, { g: [db.address] }), 'g', GROUPS)).toEqual({ resources: [db], missing: [] });
  });
});
