import { bool, objects, str, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/** The key Secrets Manager uses when a secret names none: ListSecrets then leaves KmsKeyId out. */
const AWS_MANAGED_KEY = 'alias/aws/secretsmanager';

/**
 * Secrets Manager ListSecrets (paged, 100 a page) → `aws_secretsmanager_secret`: name, KMS key,
 * tags and whether rotation is on, all in the list response. A secret without KmsKeyId is encrypted
 * with the AWS managed key `aws/secretsmanager`, so `kms_key_id` says so rather than staying empty.
 */
export const secretDescriptor: ResourceDescriptor = {
  type: 'aws_secretsmanager_secret',
  service: 'secretsmanager',
  operation: 'ListSecrets',
  pageSize: 100,
  configType: 'AWS::SecretsManager::Secret',
  items: (page) => objects(page, 'SecretList'),
  map(item, { target }) {
    const name = str(item, 'Name');
    if (!name) return [];
    const arn = str(item, 'ARN', 'Arn', 'Id') ?? `arn:${target.partition}:secretsmanager:${target.region}:${target.account}:secret:${name}`;
    return [
      {
        type: 'aws_secretsmanager_secret',
        id: arn,
        arn,
        name,
        values: {
          name,
          description: str(item, 'Description'),
          kms_key_id: str(item, 'KmsKeyId') ?? AWS_MANAGED_KEY,
          rotation_enabled: bool(item, 'RotationEnabled') ?? false,
        },
        tags: tagsOf(item) ?? tagMap([]),
        raw: item,
      },
    ];
  },
};
