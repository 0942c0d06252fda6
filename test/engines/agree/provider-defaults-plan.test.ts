import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../src/engines/plan/load-plan.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { created, planOf } from './engine-agreement.js';

describe('provider defaults in a plan', () => {
  it('keep a value known only after apply when the written blocks of a set disagree on whether they set it', () => {
    const plan = planOf(
      [
        created(
          'aws_instance',
          'web',
          { ami: 'ami-1', ebs_block_device: [{ device_name: '/dev/sdb' }, { device_name: '/dev/sdc' }] },
          { id: true, ebs_block_device: [{ encrypted: true }, { encrypted: true }] },
        ),
      ],
      { 'aws_instance.web': ['ami'] },
    ) as { configuration: { root_module: { resources: { expressions: Record<string, unknown> }[] } } };
    // The configuration writes `encrypted` in one block only; a plan may list the set's blocks in another order.
    plan.configuration.root_module.resources[0]!.expressions['ebs_block_device'] = [
      { device_name: { constant_value: '/dev/sdc' }, encrypted: { references: ['var.encrypt'] } },
      { device_name: { constant_value: '/dev/sdb' } },
    ];
    const instance = parsePlanText(JSON.stringify(plan), 'plan.json').inventory.byAddress('aws_instance.web')!;
    const devices = instance.values['ebs_block_device'] as { encrypted: unknown }[];
    for (const device of devices) {
      expect(isUnknown(device.encrypted) && device.encrypted.reason).toMatch(/known only after apply$/);
    }
  });

  it('give an unset attribute of every written block its default when none of them sets it', () => {
    const plan = planOf(
      [created('aws_instance', 'web', { ami: 'ami-1', ebs_block_device: [{ device_name: '/dev/sdb' }] }, { id: true, ebs_block_device: [{ encrypted: true }] })],
      { 'aws_instance.web': ['ami'] },
    ) as { configuration: { root_module: { resources: { expressions: Record<string, unknown> }[] } } };
    plan.configuration.root_module.resources[0]!.expressions['ebs_block_device'] = [{ device_name: { constant_value: '/dev/sdb' } }];
    const instance = parsePlanText(JSON.stringify(plan), 'plan.json').inventory.byAddress('aws_instance.web')!;
    const [device] = instance.values['ebs_block_device'] as { encrypted: unknown }[];
    expect(isUnknown(device!.encrypted) && device!.encrypted.reason).toMatch(/follows the account's EBS encryption by default setting/);
  });
});
