import { definePolicy, isUnknown, knownString, valueAt, type PolicyContext, type Resource } from '../src/api.js';
import { AT_REST, AT_REST_TYPES, CUSTOMER_KEY_TYPES, type AtRestEntry } from './encryption-at-rest-table.js';

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
    'be a customer managed KMS key (an alias/aws/* key or none fails). Each finding names its control. At plan time a ' +
    'value or key known only after apply is unknown, unless it refers to an aws_kms_key of the configuration. RDS and EBS ' +
    'storage are checked by rds-storage-unencrypted and ebs-unencrypted. Live audits read EFS file systems, CloudWatch log ' +
    'groups, Secrets Manager secrets (a secret listed without KmsKeyId uses the AWS managed key aws/secretsmanager), Kinesis ' +
    'streams (one DescribeStreamSummary each: a stream whose summary cannot be read is unknown), ElastiCache, OpenSearch, ' +
    'Redshift, Neptune and DocumentDB; SQS queues, SNS topics and DynamoDB tables are judged in plans and source only.',
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
  resourceTypes: AT_REST_TYPES,
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        customerManagedKey: { type: 'array', items: { enum: [...CUSTOMER_KEY_TYPES] }, uniqueItems: true },
      },
    },
    defaults: { customerManagedKey: [] },
  },
  messages: {
    encrypted: '{{resource}} ({{kind}}) is encrypted at rest: {{how}}',
    unencrypted: '{{resource}} ({{kind}}) is not encrypted at rest ({{why}}){{control}}',
    encryptionUnknown: '{{resource}} ({{kind}}): cannot tell whether it is encrypted at rest',
    customerKey: '{{resource}} ({{kind}}) is encrypted with a customer managed KMS key ({{keyPath}})',
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
    const note = resource.defaults?.[state.path];
    context.fail({
      resource,
      path: state.path,
      messageId: 'unencrypted',
      data: { ...data, why: note ?? `${state.path} is ${state.value === undefined || state.value === null ? 'not set' : String(state.value)}`, control: entry.control ? ` (${entry.control})` : '' },
      evidence: [{ path: state.path, value: state.value ?? null, ...(note ? { note } : {}) }],
    });
  }
}

/** The key must be the customer's: set, not an AWS managed alias, or an aws_kms_key of the configuration. */
function checkKey(context: Context, resource: Resource, entry: AtRestEntry, keyPath: string): void {
  const data = { resource: resource.address, kind: entry.kind, keyPath };
  const key = valueAt(resource.values, keyPath);
  const named = resource.references[keyPath] ?? resource.references[keyPath.split('.')[0]!] ?? [];
  if (named.some((address) => address.startsWith('aws_kms_key.') || address.includes('.aws_kms_key.'))) {
    context.pass({ resource, messageId: 'customerKey', data });
    return;
  }
  if (isUnknown(key)) {
    context.unknown({ resource, path: keyPath, messageId: 'keyUnknown', data, reason: key });
    return;
  }
  const text = knownString(key) ?? '';
  if (text !== '' && !text.startsWith('alias/aws/')) {
    context.pass({ resource, messageId: 'customerKey', data });
    return;
  }
  const why = text === '' ? `${keyPath} is not set: ${entry.kind}s are then encrypted with an AWS owned or AWS managed key` : `${keyPath} is ${text}, an AWS managed key`;
  context.fail({ resource, path: keyPath, messageId: 'notCustomerKey', data: { ...data, why }, evidence: [{ path: keyPath, value: key ?? null }] });
}
