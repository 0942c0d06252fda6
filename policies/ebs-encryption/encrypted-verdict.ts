import { isUnknown, type PolicyContext, type Resource, type Value } from '../../src/api.js';
import { unencryptedReason } from '../encryption-at-rest-table.js';

/** The messages every EBS encryption verdict uses (ebs-unencrypted, launch-block-device-unencrypted). */
export const ENCRYPTION_MESSAGES = {
  encrypted: '{{what}} is encrypted at rest: {{how}}',
  encryptionUnknown: '{{what}}: cannot tell whether it is encrypted at rest',
  unencrypted: '{{what}} is not encrypted at rest ({{why}})',
};

/**
 * Reports whether one EBS volume or block device is encrypted. `at` is the path of its block ('' for a
 * volume); launch templates keep `encrypted` as the string "true"/"false". An unset attribute was
 * given the EBS encryption-by-default setting (provider-defaults); its note says which.
 */
export function reportEncryption<O>(context: PolicyContext<O>, resource: Resource, at: string, encrypted: Value | undefined, what: string): void {
  const path = at === '' ? 'encrypted' : `${at}.encrypted`;
  const element = at;
  const note = resource.defaults?.[path];
  if (encrypted === true || encrypted === 'true') {
    context.pass({ resource, element, messageId: 'encrypted', data: { what, how: note ?? 'encrypted = true' } });
  } else if (isUnknown(encrypted)) {
    context.unknown({ resource, element, path, messageId: 'encryptionUnknown', data: { what }, reason: encrypted });
  } else {
    // Worded and evidenced as the encryption-at-rest family words its verdicts.
    const { why, evidence } = unencryptedReason(resource, path, encrypted);
    context.fail({ resource, element, path, messageId: 'unencrypted', data: { what, why }, evidence });
  }
}
