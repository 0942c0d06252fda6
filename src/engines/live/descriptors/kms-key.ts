import { isUnknown, Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { bool, field, objects, str, type AwsObject } from '../aws-object.js';
import type { LiveDraft, ResourceDescriptor } from '../descriptor.js';
import { answerPart } from './detail-answer.js';

/** Key states in which a key is on its way out: its rotation is not read. */
const LEAVING = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

/**
 * ListKeys → `aws_kms_key` for each key, with `key_manager` as DescribeKey reports it. An AWS managed
 * key (KeyManager AWS: aws/dynamodb, aws/sns …) is recorded as a `data` resource, as Terraform's
 * `data "aws_kms_key"` reads one: nobody can manage it (AWS rotates it, and it cannot be scheduled for
 * deletion), so key policies leave it out, but a store that names it by ARN is known to use an AWS
 * managed key. ListKeys names keys only, so each key costs a
 * DescribeKey (manager, usage, spec, state, origin) and, when it can rotate at all, a
 * GetKeyRotationStatus: symmetric encryption keys with key material from KMS that are not pending
 * deletion; and a GetKeyPolicy (the `default` policy, the only name KMS has) per customer managed key.
 * Those two are skipped when no selected policy reads their attribute (a store's key needs only
 * DescribeKey's KeyManager): the attribute is then Unknown.
 * The AWS Config source has the key's metadata but not its rotation status or key policy.
 */
export const kmsKeyDescriptor: ResourceDescriptor = {
  type: 'aws_kms_key',
  service: 'kms',
  operation: 'ListKeys',
  pageSize: 1000,
  configType: 'AWS::KMS::Key',
  items: (page) => objects(page, 'Keys'),
  details: [
    { operation: 'DescribeKey', request: (item) => keyRequest(item) },
    {
      operation: 'GetKeyRotationStatus',
      fills: ['enable_key_rotation'],
      request(item, earlier) {
        const metadata = metadataOf(earlier('kms:DescribeKey'));
        return !isUnknown(metadata) && str(metadata, 'KeyManager') === 'CUSTOMER' && rotatable(metadata) ? keyRequest(item) : undefined;
      },
    },
    {
      operation: 'GetKeyPolicy',
      fills: ['policy'],
      request(item, earlier) {
        const metadata = metadataOf(earlier('kms:DescribeKey'));
        const key = keyRequest(item);
        return key && !isUnknown(metadata) && str(metadata, 'KeyManager') === 'CUSTOMER' ? policyRequest(key.KeyId) : undefined;
      },
    },
  ],
  map(item, context) {
    const request = keyRequest(item);
    if (!request) return [];
    // The Config source's item is the key's metadata itself.
    const metadata = field(item, 'KeyManager') !== undefined ? item : metadataOf(context.detail('kms:DescribeKey', request));
    const id = request.KeyId;
    const arn = str(item, 'KeyArn', 'Arn') ?? (isUnknown(metadata) ? null : str(metadata, 'Arn'));
    const draft = (values: LiveDraft['values']): LiveDraft => ({ type: 'aws_kms_key', id, ...(arn ? { arn } : {}), name: id, values: { key_id: id, ...values }, raw: item });
    if (isUnknown(metadata)) {
      return [draft({ key_manager: metadata, key_usage: metadata, customer_master_key_spec: metadata, key_state: metadata, enable_key_rotation: metadata, policy: metadata })];
    }
    const manager = str(metadata, 'KeyManager');
    if (manager === 'AWS') {
      return [{ ...draft({ key_manager: manager, description: str(metadata, 'Description'), key_state: str(metadata, 'KeyState') }), mode: 'data' }];
    }
    return [
      draft({
        key_manager: manager ?? new Unknown('DescribeKey answered without KeyManager'),
        description: str(metadata, 'Description'),
        key_usage: str(metadata, 'KeyUsage'),
        customer_master_key_spec: str(metadata, 'KeySpec', 'CustomerMasterKeySpec'),
        is_enabled: bool(metadata, 'Enabled'),
        key_state: str(metadata, 'KeyState'),
        origin: str(metadata, 'Origin'),
        multi_region: bool(metadata, 'MultiRegion') ?? false,
        deletion_date: str(metadata, 'DeletionDate'),
        pending_deletion_window_in_days: field(metadata, 'PendingDeletionWindowInDays') as Value ?? null,
        enable_key_rotation: rotation(metadata, field(item, 'KeyManager') !== undefined ? undefined : context.detail('kms:GetKeyRotationStatus', request)),
        policy: keyPolicy(field(item, 'KeyManager') !== undefined ? undefined : context.detail('kms:GetKeyPolicy', policyRequest(id))),
      }),
    ];
  },
};

function keyRequest(item: AwsObject): { KeyId: string } | undefined {
  const id = str(item, 'KeyId');
  return id ? { KeyId: id } : undefined;
}

function metadataOf(answer: AwsObject | Unknown): AwsObject | Unknown {
  return answerPart(answer, 'KeyMetadata', 'DescribeKey');
}

/** Whether KMS can rotate the key automatically: symmetric encryption, key material from KMS, not leaving. */
function rotatable(metadata: AwsObject): boolean {
  return (
    str(metadata, 'KeyUsage') === 'ENCRYPT_DECRYPT' &&
    (str(metadata, 'KeySpec', 'CustomerMasterKeySpec') ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT' &&
    (str(metadata, 'Origin') ?? 'AWS_KMS') === 'AWS_KMS' &&
    !LEAVING.has(str(metadata, 'KeyState') ?? '')
  );
}

/** `enable_key_rotation`: the rotation status read, false for keys that cannot rotate, Unknown when not read. */
function rotation(metadata: AwsObject, status: AwsObject | Unknown | undefined): Value {
  if (LEAVING.has(str(metadata, 'KeyState') ?? '')) return new Unknown('the key is pending deletion, so its rotation status was not read');
  if (!rotatable(metadata)) return false;
  if (status === undefined) return new Unknown('AWS Config items do not carry the key rotation status (GetKeyRotationStatus)');
  if (isUnknown(status)) return status;
  return bool(status, 'KeyRotationEnabled') ?? new Unknown('GetKeyRotationStatus answered without KeyRotationEnabled');
}

/** GetKeyPolicy's request: `default` is the only key policy name KMS supports. */
function policyRequest(keyId: string): { KeyId: string; PolicyName: string } {
  return { KeyId: keyId, PolicyName: 'default' };
}

/** `policy`: the key policy document as KMS returns it (JSON text), Unknown when not read. */
function keyPolicy(answer: AwsObject | Unknown | undefined): Value {
  if (answer === undefined) return new Unknown('AWS Config items do not carry the key policy (GetKeyPolicy)');
  if (isUnknown(answer)) return answer;
  return str(answer, 'Policy') ?? new Unknown('GetKeyPolicy answered without Policy');
}
