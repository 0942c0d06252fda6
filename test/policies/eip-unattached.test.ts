import { describe, expect, it } from 'vitest';
import { liveInventory } from '../engines/live/live-inventory.js';
import { runPolicies } from '../../src/rules/runner.js';
import { eipUnattached } from '../../policies/eip-unattached.js';

describe('eip-unattached on live data', () => {
  it('passes addresses AWS reports associated (an instance, a NAT gateway\'s interface) and fails the idle one', () => {
    const inventory = liveInventory({
      'ec2:DescribeAddresses': [
        {
          Addresses: [
            { AllocationId: 'eipalloc-0a1', PublicIp: '198.51.100.1', AssociationId: 'eipassoc-0a1', InstanceId: 'i-0a1', NetworkInterfaceId: 'eni-0a1', Domain: 'vpc' },
            { AllocationId: 'eipalloc-0b2', PublicIp: '198.51.100.2', AssociationId: 'eipassoc-0b2', NetworkInterfaceId: 'eni-0nat', Domain: 'vpc' },
            { AllocationId: 'eipalloc-0c3', PublicIp: '198.51.100.3', Domain: 'vpc' },
          ],
        },
      ],
    });
    const findings = runPolicies(inventory, [{ policy: eipUnattached, options: {} }], 'report').findings;
    expect(findings.map((f) => [f.verdict, f.resource.address.split('/').pop()])).toEqual([
      ['pass', 'eipalloc-0a1'],
      ['pass', 'eipalloc-0b2'],
      ['fail', 'eipalloc-0c3'],
    ]);
    expect(findings[2]!.location).toEqual({ kind: 'cloud', account: '111122223333', region: 'eu-west-1', arn: 'arn:aws:ec2:eu-west-1:111122223333:elastic-ip/eipalloc-0c3' });
  });
});
