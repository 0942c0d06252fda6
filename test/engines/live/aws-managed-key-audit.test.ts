import { describe, expect, it } from 'vitest';
import { encryptionAtRest } from '../../../policies/encryption-at-rest.js';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { runPolicies } from '../../../src/rules/runner.js';
import { policyReads } from '../../../src/scan/policy-reads.js';
import { CannedAws, callerIdentity, emptyQueryResponse, NO_BUCKETS, type CannedRequest, type CannedResponse } from './canned-aws.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };
const keyArn = (n: number) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/9f8e7d6c-0000-4000-8000-00000000000${n}`;
/** Key 1 is AWS managed (aws/dynamodb), keys 2 and 3 the customer's. */
const MANAGER = ['', 'AWS', 'CUSTOMER', 'CUSTOMER'];

const ok = (body: unknown): CannedResponse => ({ status: 200, body: JSON.stringify(body) });

function estate({ service, action, input }: CannedRequest): CannedResponse {
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

describe('a live audit of tables on AWS managed and customer managed keys (SDK with a canned HTTP handler)', () => {
  it('tells the keys apart from the DescribeKey answers alone', async () => {
    const reads = policyReads([{ policy: encryptionAtRest, options: { customerManagedKey: ['aws_dynamodb_table'] } }]);
    const collection = await collectLive({ source: { kind: 'api' }, regions: [REGION], credentials, requestHandler: new CannedAws(estate), readsType: reads.readsType!, readsAttribute: reads.readsAttribute! });
    expect(collection.gaps).toEqual([]);
    const { byOperation } = collection.apiCalls;
    const calls = (service: string) => Object.fromEntries(Object.entries(byOperation).filter(([operation]) => operation.startsWith(`${service}:`)));
    // One region, 3 keys (1 AWS managed): one DescribeKey each. encryption-at-rest reads only who manages
    // a key (readsTypes: aws_kms_key.key_manager), so no rotation status or key policy is read.
    expect(calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 3 });
    expect(calls('dynamodb')).toEqual({ 'dynamodb:ListTables': 1, 'dynamodb:DescribeTable': 2 });

    const [inventory] = buildInventories(collection.recording);
    const { findings } = runPolicies(inventory!, [{ policy: encryptionAtRest, options: { customerManagedKey: ['aws_dynamodb_table'] } }], 'report');
    expect(findings.map((f) => [f.resource.address.split('/')[1], f.verdict, f.message])).toEqual([
      ['sessions', 'fail', expect.stringContaining(`${keyArn(1)} is an AWS managed key`)],
      ['orders', 'pass', expect.stringContaining('is encrypted with a customer managed KMS key')],
    ]);
  });
});
