import { definePolicy, isUnknown, knownString } from '../src/api.js';

/** Key states of a key scheduled for deletion (a multi-Region replica's own state included). */
export const LEAVING = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

export const kmsKeyPendingDeletion = definePolicy({
  id: 'kms-key-pending-deletion',
  title: 'KMS key is scheduled for deletion',
  severity: 'critical',
  description:
    'A customer managed KMS key is scheduled for deletion (key state PendingDeletion, or PendingReplicaDeletion for a ' +
    'multi-Region replica): when the waiting period ends, everything encrypted under it can no longer be decrypted. ' +
    'Live only: the key state is read with DescribeKey, once per key (docs/audit.md); Terraform source and plans do not ' +
    'show a key\'s state, so their aws_kms_key resources get no verdict. A plan that destroys an aws_kms_key is not ' +
    'reported either: that deletion is the reviewed change itself, and the key stays recoverable during its ' +
    'deletion_window_in_days. A key whose state could not be read is unknown. AWS managed keys (KeyManager AWS) get no ' +
    'verdict: AWS manages them, and they cannot be scheduled for deletion. As Security Hub KMS.3.',
  remediation:
    'If the key is still needed, cancel the deletion during the waiting period (`aws kms cancel-key-deletion --key-id KEY`, ' +
    'then enable the key). Before deleting a key, check CloudTrail for its recent use.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['KMS.3'],
  },
  tags: ['encryption', 'kms', 'key-management'],
  resourceTypes: ['aws_kms_key'],
  // DescribeKey says both: a live audit of this policy alone skips GetKeyRotationStatus and GetKeyPolicy.
  readsTypes: () => ['aws_kms_key.key_state', 'aws_kms_key.deletion_date'],
  messages: {
    pendingDeletion: '{{key}} is scheduled for deletion{{when}}',
    stateUnknown: '{{key}}: cannot tell whether it is scheduled for deletion',
    notPendingDeletion: '{{key}} is not scheduled for deletion (state {{state}})',
  },
  check(context) {
    for (const key of context.inventory.ofType('aws_kms_key')) {
      if (key.source !== 'live' || key.mode !== 'managed') continue;
      const data = { key: key.address };
      const state = key.values['key_state'];
      if (isUnknown(state)) {
        context.unknown({ resource: key, path: 'key_state', messageId: 'stateUnknown', data, reason: state });
      } else if (typeof state === 'string' && LEAVING.has(state)) {
        const date = knownString(key.values['deletion_date']);
        context.fail({ resource: key, path: 'key_state', messageId: 'pendingDeletion', data: { ...data, when: date ? ` on ${date}` : '' }, evidence: [{ path: 'key_state', value: state }] });
      } else {
        context.pass({ resource: key, messageId: 'notPendingDeletion', data: { ...data, state: String(state ?? 'unknown') } });
      }
    }
  },
});
