import { callerIdentity, emptyQueryResponse, NO_BUCKETS, type CannedRequest, type CannedResponse } from './canned-aws.js';

/** One account and region with three KMS keys and two tables, answered by CannedAws: audits of who manages a table's key. */
export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };
export const keyArn = (n: number) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/9f8e7d6c-0000-4000-8000-00000000000${n}`;
/** Key 1 is AWS managed (aws/dynamodb), keys 2 and 3 the customer's. */
const MANAGER = ['', 'AWS', 'CUSTOMER', 'CUSTOMER'];

const ok = (body: unknown): CannedResponse => ({ status: 200, body: JSON.stringify(body) });

/** Table sessions is on key 1 (AWS managed), table orders on key 2 (the customer's); no buckets. */
export function kmsTablesEstate({ service, action, input }: CannedRequest): CannedResponse {
  if (service === 'sts') return callerIdentity(ACCOUNT);
  if (service === 's3') return NO_BUCKETS;
  if (service === 'kms' && action === 'ListKeys') return ok({ Keys: [1, 2, 3].map((n) => ({ KeyId: keyArn(n).split('/')[1], KeyArn: keyArn(n) })), Truncated: false });
  if (service === 'kms' && action === 'DescribeKey') {
    const n = Number(String(input['KeyId']).slice(-1));
    return ok({ KeyMetadata: { KeyId: String(input['KeyId']), Arn: keyArn(n), KeyManager: MANAGER[n], KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Enabled: true, Origin: 'AWS_KMS' } });
  }
  if (service === 'kms' && action === 'GetKeyRotationStatus') return ok({ KeyRotationEnabled: true });
  if (service === 'kms' && action === 'GetKeyPolicy') return ok({ PolicyName: 'default', Policy: '{"Statement":[]}' });
  if (service === 'dynamodb' && action === 'ListTables') return ok({ TableNames: ['sessions', 'orders'] });
  if (service === 'dynamodb' && action === 'DescribeTable') {
    const name = String(input['TableName']);
    const key = name === 'sessions' ? keyArn(1) : keyArn(2);
    return ok({ Table: { TableName: name, TableArn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`, TableStatus: 'ACTIVE', SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: key } } });
  }
  return emptyQueryResponse(service, action);
}
