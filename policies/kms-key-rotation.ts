import { definePolicy, isUnknown, knownString } from '../src/api.js';
// Keys on their way out are kms-key-pending-deletion's to report.
import { LEAVING } from './kms-key-pending-deletion.js';

export const kmsKeyRotation = definePolicy({
  id: 'kms-key-rotation',
  title: 'Customer managed KMS key does not rotate',
  severity: 'medium',
  description:
    'A customer managed symmetric encryption KMS key (aws_kms_key with key_usage ENCRYPT_DECRYPT and ' +
    'customer_master_key_spec SYMMETRIC_DEFAULT, the defaults) does not have automatic key rotation enabled ' +
    '(enable_key_rotation, default false). Asymmetric, HMAC and imported-material or custom key store keys cannot ' +
    'rotate automatically: they pass, and the pass says why. AWS managed keys (live: KeyManager AWS) are rotated by AWS ' +
    'and get no verdict; keys pending deletion are left to kms-key-pending-deletion. At plan time a key whose usage, spec ' +
    'or rotation setting is known only after apply is unknown. Live, the rotation status costs one GetKeyRotationStatus ' +
    'per key (docs/audit.md); through --source config it is unknown, since AWS Config does not record it. Unlike ' +
    'Security Hub KMS.4, which only evaluates keys it can rotate, the pass for a key that cannot rotate is reported.',
  remediation:
    'Set enable_key_rotation = true on the aws_kms_key (optionally rotation_period_in_days), or run ' +
    '`aws kms enable-key-rotation --key-id KEY`. For keys that cannot rotate automatically, rotate manually by ' +
    'creating a new key and moving the alias.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['3.6'],
    'AWS Foundational Security Best Practices': ['KMS.4'],
    'PCI DSS 4.0': ['3.6.1'],
  },
  tags: ['encryption', 'kms', 'key-management'],
  resourceTypes: ['aws_kms_key'],
  // Not the key policy: a live audit of this policy alone skips GetKeyPolicy.
  readsTypes: () => ['aws_kms_key.key_state', 'aws_kms_key.key_usage', 'aws_kms_key.customer_master_key_spec', 'aws_kms_key.origin', 'aws_kms_key.enable_key_rotation'],
  messages: {
    notRotated: '{{key}} is a customer managed symmetric key without automatic rotation',
    rotationUnknown: '{{key}}: cannot tell whether it rotates automatically',
    rotated: '{{key}} rotates automatically',
    cannotRotate: '{{key}} cannot rotate automatically ({{why}}): rotate it manually',
  },
  check(context) {
    for (const key of context.inventory.ofType('aws_kms_key')) {
      if (key.mode !== 'managed') continue;
      const state = knownString(key.values['key_state']);
      if (state && LEAVING.has(state)) continue;
      const data = { key: key.address };
      const usage = key.values['key_usage'];
      const spec = key.values['customer_master_key_spec'];
      const origin = key.values['origin'];
      for (const [path, value] of [['key_usage', usage], ['customer_master_key_spec', spec]] as const) {
        if (isUnknown(value)) {
          context.unknown({ resource: key, path, messageId: 'rotationUnknown', data, reason: value });
          break;
        }
      }
      if (isUnknown(usage) || isUnknown(spec)) continue;
      if (usage !== 'ENCRYPT_DECRYPT' || spec !== 'SYMMETRIC_DEFAULT') {
        context.pass({ resource: key, messageId: 'cannotRotate', data: { ...data, why: `${String(usage)} ${String(spec)}: only symmetric encryption keys rotate` } });
        continue;
      }
      if (typeof origin === 'string' && origin !== 'AWS_KMS') {
        context.pass({ resource: key, messageId: 'cannotRotate', data: { ...data, why: `key material origin ${origin}` } });
        continue;
      }
      const rotation = key.values['enable_key_rotation'];
      if (rotation === true) context.pass({ resource: key, messageId: 'rotated', data });
      else if (isUnknown(rotation)) context.unknown({ resource: key, path: 'enable_key_rotation', messageId: 'rotationUnknown', data, reason: rotation });
      else {
        const note = key.defaults?.['enable_key_rotation'];
        context.fail({ resource: key, path: 'enable_key_rotation', messageId: 'notRotated', data, evidence: [{ path: 'enable_key_rotation', value: rotation ?? null, ...(note ? { note } : {}) }] });
      }
    }
  },
});
