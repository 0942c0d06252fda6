import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import { groupAttachments } from '../../src/inventory/security-group-attachments.js';
import { resource } from '../network/network-test-helpers.js';

describe('security group attachments', () => {
  it('lists each attached resource once per group, in inventory order, however many ways it attaches', () => {
    const shared = resource('aws_security_group', 'shared', { id: 'sg-1' });
    const other = resource('aws_security_group', 'other', { id: 'sg-2' });
    // Both attributes name the shared group: still one attachment.
    const web = resource('aws_instance', 'web', { vpc_security_group_ids: ['sg-1', 'sg-2'], security_groups: ['sg-1'] });
    const api = resource('aws_instance', 'api', { vpc_security_group_ids: ['sg-1'] });
    const balancer = resource('aws_lb', 'front', { security_groups: ['sg-2', 'sg-1'] });
    const { byGroup } = groupAttachments(new Inventory([shared, other, balancer, web, api], 'test.json'));
    expect([...byGroup.keys()]).toEqual([shared, other]);
    expect(byGroup.get(shared)).toEqual([web, api, balancer]);
    expect(byGroup.get(other)).toEqual([web, balancer]);
  });
});
