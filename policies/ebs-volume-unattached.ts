import { definePolicy, isUnknown, knownString, type Inventory, type PolicyContext, type Resource } from '../src/api.js';

export const ebsVolumeUnattached = definePolicy({
  id: 'ebs-volume-unattached',
  title: 'EBS volume is not attached to any instance',
  severity: 'low',
  description:
    'An EBS volume is not attached to an instance (no aws_volume_attachment refers to it; live: AWS reports it ' +
    '`available`). Detached volumes keep costing money and keep their data, often long after the instance that used ' +
    'them is gone.',
  remediation:
    'Attach the volume where it is needed (aws_volume_attachment), or snapshot it if its data must be kept and delete it.',
  tags: ['hygiene', 'cost', 'storage'],
  resourceTypes: ['aws_ebs_volume', 'aws_volume_attachment'],
  messages: {
    attached: '{{volume}} is attached to {{instances}}',
    attachmentUnknown: '{{volume}}: cannot tell whether it is attached',
    unattached: '{{volume}} is not attached to any instance',
    unattachedInState: '{{volume}} is not attached to any instance (state {{state}})',
  },
  check(context) {
    const { attached, unresolved } = attachments(context.inventory);
    for (const volume of context.inventory.ofType('aws_ebs_volume')) {
      if (volume.mode === 'managed') checkVolume(context, volume, attached, unresolved);
    }
  },
});

function checkVolume(context: PolicyContext<Record<string, never>>, volume: Resource, attached: Map<Resource, Resource[]>, unresolved: Resource | undefined): void {
  const to = attached.get(volume);
  if (to) {
    const instances = to.map((a) => knownString(a.values['instance_id']) ?? a.address);
    context.pass({ resource: volume, messageId: 'attached', data: { volume: volume.address, instances: instances.join(', ') } });
    return;
  }
  if (unresolved) {
    context.unknown({
      resource: volume,
      messageId: 'attachmentUnknown',
      data: { volume: volume.address },
      reason: `the volume that ${unresolved.address} attaches is not known`,
    });
    return;
  }
  const state = knownString(volume.values['state']);
  context.fail({
    resource: volume,
    ...(state ? { messageId: 'unattachedInState', data: { volume: volume.address, state } } : { messageId: 'unattached', data: { volume: volume.address } }),
    evidence: [{ path: 'attachments', value: [], note: 'no aws_volume_attachment refers to this volume' }, ...(state ? [{ path: 'state', value: state }] : [])],
  });
}

/** Volume → the attachments that refer to it; and one attachment whose volume cannot be resolved, if any. */
function attachments(inventory: Inventory): { attached: Map<Resource, Resource[]>; unresolved: Resource | undefined } {
  const attached = new Map<Resource, Resource[]>();
  let unresolved: Resource | undefined;
  for (const attachment of inventory.ofType('aws_volume_attachment')) {
    const volumes = inventory.resolve(attachment, 'volume_id', ['aws_ebs_volume']);
    if (isUnknown(volumes)) {
      unresolved ??= attachment;
      continue;
    }
    for (const volume of volumes) attached.set(volume, [...(attached.get(volume) ?? []), attachment]);
  }
  return { attached, unresolved };
}
