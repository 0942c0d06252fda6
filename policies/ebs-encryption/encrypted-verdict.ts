import { isUnknown, type PolicyContext, type Resource, type Value } from '../../src/api.js';

/** The messages every EBS encryption verdict uses (ebs-unencrypted, launch-block-device-unencrypted). */
export const ENCRYPTION_MESSAGES = {
  encrypted: '{{what}} is encrypted ({{how}})',
  encryptionUnknown: '{{what}}: cannot tell whether it is encrypted',
  unencrypted: '{{what}} is not encrypted',
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
    context.fail({
      resource,
      element,
      path,
      messageId: 'unencrypted',
      data: { what },
      evidence: [{ path, value: encrypted ?? null, ...(note ? { note } : {}) }],
    });
  }
}
