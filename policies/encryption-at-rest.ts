import { definePolicy, isUnknown, kmsKeyManagement, knownString, valueAt, type PolicyContext, type Resource } from '../src/api.js';
import { AT_REST, AT_REST_TYPES, CUSTOMER_KEY_TYPES, unencryptedReason, type AtRestEntry } from './encryption-at-rest-table.js';

interface EncryptionAtRestOptions {
  /** Types whose data must be encrypted with a customer managed KMS key, not an AWS owned or AWS managed one. */
  customerManagedKey: string[];
}

export const encryptionAtRest = definePolicy<EncryptionAtRestOptions>({
  id: 'encryption-at-rest',
  title: 'Data store is not encrypted at rest',
  severity: 'medium',
  description:
    'A data store is not encrypted at rest: EFS file system (encrypted, default false; EFS.1), SQS queue (neither ' +
    'kms_master_key_id nor sqs_managed_sse_enabled; unset, SQS encrypts new queues with SSE-SQS since October 2022 and the ' +
    'provider leaves the attribute to AWS, so only an explicit false fails; SQS.1), SNS topic (no kms_master_key_id; SNS.1), ' +
    'ElastiCache replication group (at_rest_encryption_enabled; unset means true for valkey and false for redis, as in the ' +
    'provider; ElastiCache.4), Kinesis stream (encryption_type, default NONE; Kinesis.1), OpenSearch/Elasticsearch domain ' +
    '(encrypt_at_rest.enabled; Opensearch.1/ES.1), Redshift cluster (encrypted; unset means true: AWS encrypts every new ' +
    'cluster since January 2025 and provider v6 defaults to true, so only an explicit false fails; Redshift.10), Neptune and ' +
    'DocumentDB clusters (storage_encrypted, default false; Neptune.1/DocumentDB.1). DynamoDB tables, CloudWatch log groups ' +
    'and Secrets Manager secrets are always encrypted; for the types listed in the option customerManagedKey their key must ' +
    'be a customer managed KMS key: none, an alias/aws/* alias (by name or ARN) or a key KMS reports as AWS managed fails. ' +
    'Each finding names its control. At plan time a value or key known only after apply is unknown, unless it refers to an ' +
    'aws_kms_key of the configuration or a data source aws_kms_key whose alias or key_manager tells. Live audits ' +
    'read EFS file systems, CloudWatch log groups, Secrets Manager secrets (a secret listed without KmsKeyId uses the AWS ' +
    'managed key aws/secretsmanager), ElastiCache, OpenSearch, Redshift, Neptune and DocumentDB from their list calls; ' +
    'Kinesis streams, SQS queues, SNS topics and DynamoDB tables with one DescribeStreamSummary, GetQueueAttributes, ' +
    'GetTopicAttributes or DescribeTable per ' +
    'item; a setting such a call could not read is unknown, never encrypted. A live table (or secret) may name its KMS key ' +
    'by ARN whether AWS or the customer manages it, so live audits read every KMS key of the region (ListKeys, and one ' +
    'DescribeKey per key, whose KeyManager says who manages it): with customerManagedKey a store on a key reported as AWS ' +
    'managed (aws/dynamodb, aws/secretsmanager) fails and the evidence names the key, one on a customer managed key passes, ' +
    'and one on a key of the account that was not read (a DescribeKey that failed, a key ListKeys did not list) is unknown ' +
    'with the reason. A key ARN of another account than the store\'s is customer managed, since an AWS managed key serves ' +
    'only its own account: it passes where the accounts are known for certain (live: the audited account; in a plan, the ' +
    'store\'s own ARN, so an existing store; never in .tf source, where a store\'s account is not known). ' +
    'A log group\'s key is always customer managed: CloudWatch Logs takes no other. RDS storage ' +
    '(aws_db_instance, aws_rds_cluster) is judged by rds-storage-unencrypted and EBS volumes (aws_ebs_volume, aws_instance ' +
    'block devices) by ebs-unencrypted, never by this policy, so a store gets one verdict: they read unset attributes and ' +
    'word their findings and evidence as this policy does, but stay separate policies because they map to other controls ' +
    '(CIS 2.3.1, RDS.3/RDS.27; CIS 2.2.1, EC2.3) that users enable and disable on their own, and because their unset ' +
    'values follow other rules (EBS encryption by default; RDS read replicas, snapshots and Aurora Serverless v1).',
  remediation:
    'Turn encryption at rest on where the resource is created (encrypted = true, storage_encrypted = true, ' +
    'at_rest_encryption_enabled = true, encryption_type = "KMS", encrypt_at_rest { enabled = true }, kms_master_key_id); most ' +
    'of these cannot be changed in place and need a new resource and a data copy. Where a customer managed key is ' +
    'required, set kms_key_id (kms_key_arn for DynamoDB) to an aws_kms_key of your own.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['EFS.1', 'SQS.1', 'SNS.1', 'ElastiCache.4', 'Kinesis.1', 'Opensearch.1', 'ES.1', 'Redshift.10', 'Neptune.1', 'DocumentDB.1'],
    'PCI DSS 4.0': ['3.5.1'],
  },
  tags: ['encryption'],
  // aws_kms_key: live, who manages a table's or secret's key is known only from the key read (DescribeKey's KeyManager).
  resourceTypes: [...AT_REST_TYPES, 'aws_kms_key'],
  // Keys only where a store's key must be the customer's and the service also takes AWS managed keys; of a key, only who manages it.
  readsTypes: ({ customerManagedKey }) => (AT_REST.some((entry) => customerManagedKey.includes(entry.type) && !entry.customerKeysOnly) ? [...AT_REST_TYPES, 'aws_kms_key.key_manager'] : AT_REST_TYPES),
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        customerManagedKey: {
          type: 'array',
          items: { enum: [...CUSTOMER_KEY_TYPES] },
          uniqueItems: true,
          description: 'Types whose key must be a customer managed KMS key: an AWS owned or AWS managed key fails.',
        },
      },
    },
    defaults: { customerManagedKey: [] },
  },
  messages: {
    encrypted: '{{resource}} ({{kind}}) is encrypted at rest: {{how}}',
    unencrypted: '{{resource}} ({{kind}}) is not encrypted at rest ({{why}}){{control}}',
    encryptionUnknown: '{{resource}} ({{kind}}): cannot tell whether it is encrypted at rest',
    customerKey: '{{resource}} ({{kind}}) is encrypted with a customer managed KMS key ({{how}})',
    notCustomerKey: '{{resource}} ({{kind}}) is not encrypted with a customer managed KMS key ({{why}})',
    keyUnknown: '{{resource}} ({{kind}}): cannot tell whether its KMS key is customer managed',
  },
  check(context) {
    const requireKey = new Set(context.options.customerManagedKey);
    for (const entry of AT_REST) {
      for (const resource of context.inventory.ofType(entry.type)) {
        if (resource.mode !== 'managed') continue;
        if (entry.keyPath && requireKey.has(entry.type)) checkKey(context, resource, entry, entry.keyPath);
        else checkEncrypted(context, resource, entry);
      }
    }
  },
});

type Context = PolicyContext<EncryptionAtRestOptions>;

function checkEncrypted(context: Context, resource: Resource, entry: AtRestEntry): void {
  const data = { resource: resource.address, kind: entry.kind };
  const state = entry.read(resource);
  if (state.state === 'encrypted') {
    context.pass({ resource, messageId: 'encrypted', data: { ...data, how: state.how } });
  } else if (state.state === 'unknown') {
    context.unknown({ resource, path: state.path, messageId: 'encryptionUnknown', data, reason: state.reason });
  } else {
    const { why, evidence } = unencryptedReason(resource, state.path, state.value);
    context.fail({ resource, path: state.path, messageId: 'unencrypted', data: { ...data, why, control: entry.control ? ` (${entry.control})` : '' }, evidence });
  }
}

/**
 * The key must be the customer's. Whose key it is comes from the shared helper (kmsKeyManagement): an
 * alias/aws/* key or a key KMS reported as AWS managed fails, as does none; a key of the configuration,
 * another alias, a key of another account or a key KMS reported as the customer's passes; live, a key that
 * was not read is unknown. A key id or ARN written in a plan or source with nothing else to tell passes.
 */
function checkKey(context: Context, resource: Resource, entry: AtRestEntry, keyPath: string): void {
  const data = { resource: resource.address, kind: entry.kind, keyPath };
  const key = valueAt(resource.values, keyPath);
  const management = kmsKeyManagement(context.inventory, resource, keyPath, entry.customerKeysOnly ? { customerKeysOnly: entry.customerKeysOnly } : {});
  if (isUnknown(management)) {
    context.unknown({ resource, path: keyPath, messageId: 'keyUnknown', data, reason: management });
    return;
  }
  if (management?.manager === 'CUSTOMER') {
    context.pass({ resource, messageId: 'customerKey', data: { ...data, how: management.how } });
    return;
  }
  if (management?.manager === 'AWS') {
    context.fail({ resource, path: keyPath, messageId: 'notCustomerKey', data: { ...data, why: management.how }, evidence: [{ path: keyPath, value: key ?? null, note: management.how }] });
    return;
  }
  if (isUnknown(key)) {
    context.unknown({ resource, path: keyPath, messageId: 'keyUnknown', data, reason: key });
    return;
  }
  if ((knownString(key) ?? '') === '') {
    const why = `${keyPath} is not set: ${entry.kind}s are then encrypted with an AWS owned or AWS managed key`;
    context.fail({ resource, path: keyPath, messageId: 'notCustomerKey', data: { ...data, why }, evidence: [{ path: keyPath, value: key ?? null }] });
    return;
  }
  // A key id or ARN written in the configuration.
  context.pass({ resource, messageId: 'customerKey', data: { ...data, how: `${keyPath} is ${key as string}, written in the configuration` } });
}
