import { describe, expect, it } from 'vitest';
import { liveInventory } from '../engines/live/live-inventory.js';
import { runPolicies } from '../../src/rules/runner.js';
import { ebsVolumeUnattached } from '../../policies/ebs-volume-unattached.js';

describe('ebs-volume-unattached on live data', () => {
  it('passes a volume AWS reports attached and fails an available one', () => {
    const inventory = liveInventory({
      'ec2:DescribeVolumes': [
        {
          Volumes: [
            { VolumeId: 'vol-0a1', State: 'in-use', Encrypted: true, Attachments: [{ VolumeId: 'vol-0a1', InstanceId: 'i-0a1', Device: '/dev/xvda', State: 'attached' }] },
            { VolumeId: 'vol-0b2', State: 'available', Encrypted: true, Attachments: [] },
          ],
        },
      ],
    });
    const findings = runPolicies(inventory, [{ policy: ebsVolumeUnattached, options: {} }], 'report').findings;
    expect(findings.map((f) => [f.verdict, f.resource.address.split('/').pop(), f.message])).toEqual([
      ['pass', 'vol-0a1', 'arn:aws:ec2:eu-west-1:111122223333:volume/vol-0a1 is attached to i-0a1'],
      ['fail', 'vol-0b2', 'arn:aws:ec2:eu-west-1:111122223333:volume/vol-0b2 is not attached to any instance (state available)'],
    ]);
  });
});
