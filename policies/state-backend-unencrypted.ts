import { TERRAFORM_BACKEND_TYPE, definePolicy, isUnknown, knownString } from '../src/api.js';

export const stateBackendUnencrypted = definePolicy({
  id: 'state-backend-unencrypted',
  title: 'Terraform state backend does not encrypt the state',
  severity: 'high',
  description:
    'An S3 state backend does not set encrypt = true, so Terraform does not ask S3 to encrypt the state object it writes. ' +
    'The state holds every secret the configuration touches (database passwords, keys, tokens) in plain text. Read from ' +
    'the terraform { backend "s3" { … } } block and from the backend config terraform init records in ' +
    '.terraform/terraform.tfstate (which includes -backend-config values). A kms_key_id is reported as stronger evidence.',
  remediation:
    'Set encrypt = true in the backend "s3" block (or pass -backend-config="encrypt=true" to terraform init), preferably ' +
    'with kms_key_id naming a customer managed KMS key, then run terraform init -reconfigure.',
  // No framework: S3.17 (SSE-KMS) is a Security Hub control outside the FSBP standard, and is about the bucket.
  tags: ['terraform-state', 'encryption', 'secrets'],
  resourceTypes: [TERRAFORM_BACKEND_TYPE],
  messages: {
    encryptUnknown: 'cannot tell whether the S3 state backend encrypts the state',
    encryptedWithKms: 'the S3 state backend encrypts the state with a KMS key',
    encryptedWithS3Key: 'the S3 state backend encrypts the state (SSE-S3; set kms_key_id for a customer managed key)',
    notEncrypted: 'the S3 state backend {{setting}}, so Terraform writes the state without asking S3 to encrypt it',
    notEncryptedDespiteKms: 'the S3 state backend {{setting}}, so Terraform writes the state without asking S3 to encrypt it (kms_key_id is set, but the key is only used with encrypt = true)',
  },
  check(context) {
    for (const backend of context.inventory.ofType(TERRAFORM_BACKEND_TYPE)) {
      if (backend.values['type'] !== 's3') continue;
      const encrypt = backend.values['encrypt'];
      const kmsKeyId = backend.values['kms_key_id'];
      const kms = isUnknown(kmsKeyId) || (knownString(kmsKeyId) ?? '') !== '';
      if (isUnknown(encrypt)) {
        context.unknown({ resource: backend, path: 'encrypt', messageId: 'encryptUnknown', reason: encrypt });
      } else if (encrypt === true || encrypt === 'true') {
        context.pass({ resource: backend, messageId: kms ? 'encryptedWithKms' : 'encryptedWithS3Key' });
      } else {
        const setting = encrypt === undefined || encrypt === null ? 'does not set encrypt = true' : `sets encrypt = ${String(encrypt)}`;
        context.fail({
          resource: backend,
          ...(encrypt === undefined || encrypt === null ? {} : { path: 'encrypt' }),
          messageId: kms ? 'notEncryptedDespiteKms' : 'notEncrypted',
          data: { setting },
          evidence: [
            { path: 'encrypt', value: encrypt ?? null },
            ...(kms ? [{ path: 'kms_key_id', value: kmsKeyId ?? null, note: 'used only when encrypt = true' }] : []),
          ],
        });
      }
    }
  },
});
