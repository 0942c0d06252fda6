import { definePolicy, isUnknown, knownString, type PolicyContext, type Resource } from '../src/api.js';
import { flag, unencryptedReason } from './encryption-at-rest-table.js';

/** Database storage whose encryption Terraform sets on the resource itself (cluster members inherit the cluster's), with its control. */
const CONTROLS: Record<string, string> = { aws_db_instance: 'RDS.3', aws_rds_cluster: 'RDS.27' };
const DATABASE_TYPES = Object.keys(CONTROLS);
/** Read as the encryption-at-rest family reads Neptune and DocumentDB clusters. */
const readStorage = flag('storage_encrypted', 'storage_encrypted = true');

export const rdsStorageUnencrypted = definePolicy({
  id: 'rds-storage-unencrypted',
  title: 'RDS storage is not encrypted at rest',
  severity: 'medium',
  description:
    'An RDS DB instance or Aurora/Multi-AZ DB cluster stores its data, automated backups, read replicas and snapshots ' +
    'unencrypted (storage_encrypted is not true). Encryption can only be chosen when the database is created. An Aurora ' +
    'Serverless v1 cluster (engine_mode = "serverless") passes whatever storage_encrypted says: AWS always encrypts its ' +
    'storage; when engine_mode is known only after apply and storage_encrypted is not true, the verdict is unknown. Each ' +
    'finding names its control (RDS.3 for instances, RDS.27 for clusters). Neptune and DocumentDB clusters, which also ' +
    'have storage_encrypted, are judged by encryption-at-rest.',
  remediation:
    'Set storage_encrypted = true (and kms_key_id for a customer managed key) when creating the database. An existing ' +
    'database cannot be encrypted in place: restore an encrypted copy of a snapshot and switch over to it.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['2.3.1'],
    'AWS Foundational Security Best Practices': ['RDS.3', 'RDS.27'],
    'SOC 2': ['CC6.1'],
    'HIPAA Security Rule': ['164.312(a)(2)(iv)'],
  },
  tags: ['encryption', 'database'],
  resourceTypes: DATABASE_TYPES,
  messages: {
    encrypted: '{{database}} is encrypted at rest: {{how}}',
    serverlessV1: '{{database}} is an Aurora Serverless v1 cluster, whose storage AWS always encrypts at rest',
    engineModeUnknown: '{{database}}: cannot tell whether it is an Aurora Serverless v1 cluster (always encrypted) from its engine_mode',
    encryptionUnknown: '{{database}}: cannot tell whether its storage is encrypted',
    replicaWithKey: '{{database}} is a read replica with a KMS key (kms_key_id), so its storage is encrypted',
    replicaOfSource: '{{database}} is a read replica: its encryption is that of its source database',
    unencrypted: '{{database}} is not encrypted at rest ({{why}}) ({{control}})',
  },
  check(context) {
    for (const resource of context.inventory.ofType(...DATABASE_TYPES)) {
      if (resource.mode === 'managed') checkDatabase(context, resource);
    }
  },
});

function checkDatabase(context: PolicyContext<Record<string, never>>, resource: Resource): void {
  const data = { database: resource.address };
  const state = readStorage(resource);
  if (state.state === 'encrypted') {
    context.pass({ resource, messageId: 'encrypted', data: { ...data, how: state.how } });
    return;
  }
  const engineMode = resource.values['engine_mode'];
  if (engineMode === 'serverless') {
    context.pass({ resource, messageId: 'serverlessV1', data });
    return;
  }
  if (isUnknown(engineMode) && state.state === 'unencrypted') {
    // Only a serverless (v1) engine mode would encrypt it regardless of storage_encrypted.
    context.unknown({ resource, path: 'engine_mode', messageId: 'engineModeUnknown', data, reason: engineMode });
    return;
  }
  if (state.state === 'unknown') {
    context.unknown({ resource, path: state.path, messageId: 'encryptionUnknown', data, reason: state.reason });
    return;
  }
  // A read replica takes its encryption from its source (or from kms_key_id when it is in another region).
  const source = resource.values['replicate_source_db'];
  if (isUnknown(source) || (knownString(source) ?? '') !== '') {
    const key = resource.values['kms_key_id'];
    if (isUnknown(key) || (knownString(key) ?? '') !== '') {
      context.pass({ resource, messageId: 'replicaWithKey', data });
      return;
    }
    context.unknown({
      resource,
      path: 'replicate_source_db',
      messageId: 'replicaOfSource',
      data,
      reason: 'a read replica inherits storage encryption from the database it replicates',
    });
    return;
  }
  const { why, evidence } = unencryptedReason(resource, state.path, state.value);
  context.fail({ resource, path: state.path, messageId: 'unencrypted', data: { ...data, why, control: CONTROLS[resource.type]! }, evidence });
}
