import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import type { WardenConfig } from '../../src/config/config.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { runAudit } from '../../src/scan/run-audit.js';
import { CannedAws, callerIdentity, emptyQueryResponse, NO_BUCKETS, type CannedRequest, type CannedResponse } from '../engines/live/canned-aws.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };
const keyArn = (n: number) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/9f8e7d6c-0000-4000-8000-00000000000${n}`;
/** Key 1 is AWS managed (aws/dynamodb), key 2 the customer's. */
const MANAGER = ['', 'AWS', 'CUSTOMER'];
const ok = (body: unknown): CannedResponse => ({ status: 200, body: JSON.stringify(body) });

/** One region with two KMS keys and two tables, one on each key. */
function estate({ service, action, input }: CannedRequest): CannedResponse {
  if (service === 'sts') return callerIdentity(ACCOUNT);
  if (service === 's3') return NO_BUCKETS;
  if (service === 'kms' && action === 'ListKeys') return ok({ Keys: [1, 2].map((n) => ({ KeyId: keyArn(n).split('/')[1], KeyArn: keyArn(n) })), Truncated: false });
  if (service === 'kms' && action === 'DescribeKey') {
    const n = Number(String(input['KeyId']).slice(-1));
    return ok({ KeyMetadata: { KeyId: String(input['KeyId']), Arn: keyArn(n), KeyManager: MANAGER[n], KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Enabled: true, Origin: 'AWS_KMS' } });
  }
  if (service === 'kms' && action === 'GetKeyRotationStatus') return ok({ KeyRotationEnabled: false });
  if (service === 'kms' && action === 'GetKeyPolicy') return ok({ PolicyName: 'default', Policy: '{"Statement":[]}' });
  if (service === 'dynamodb' && action === 'ListTables') return ok({ TableNames: ['sessions', 'orders'] });
  if (service === 'dynamodb' && action === 'DescribeTable') {
    const name = String(input['TableName']);
    const key = name === 'sessions' ? keyArn(1) : keyArn(2);
    return ok({ Table: { TableName: name, TableArn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`, TableStatus: 'ACTIVE', SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: key } } });
  }
  return emptyQueryResponse(service, action);
}

/** `warden audit --only <ids>` with these policy options, on the canned estate: its findings and calls. */
async function audit(only: string[], policies: WardenConfig['policies'] = {}) {
  const config: WardenConfig = { policies };
  const result = await runAudit({
    live: { source: { kind: 'api' }, regions: [REGION], credentials, requestHandler: new CannedAws(estate) },
    policies: selectPolicies(builtinPolicies, config, { only }),
    config,
    passMode: 'report',
  });
  const calls = (service: string) => Object.fromEntries(Object.entries(result.coverage.apiCalls!.byOperation).filter(([operation]) => operation.startsWith(`${service}:`)));
  return { result, calls };
}

describe('a live audit reads KMS keys only when a selected policy needs them with its options', () => {
  it('--only encryption-at-rest with the default options makes no KMS call', async () => {
    const { result, calls } = await audit(['encryption-at-rest']);
    expect(result.coverage.gaps).toEqual([]);
    expect(calls('kms')).toEqual({});
    expect(calls('dynamodb')).toEqual({ 'dynamodb:ListTables': 1, 'dynamodb:DescribeTable': 2 });
    expect(result.findings.map((f) => [f.resource.address.split('/')[1], f.verdict])).toEqual([
      ['orders', 'pass'],
      ['sessions', 'pass'],
    ]);
  });

  it('with customerManagedKey for tables it reads who manages each key (DescribeKey), not rotation or key policies', async () => {
    const { result, calls } = await audit(['encryption-at-rest'], { 'encryption-at-rest': { options: { customerManagedKey: ['aws_dynamodb_table'] } } });
    expect(result.coverage.gaps).toEqual([]);
    expect(calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 2 });
    expect(result.findings.map((f) => [f.resource.address.split('/')[1], f.verdict])).toEqual([
      ['sessions', 'fail'],
      ['orders', 'pass'],
    ]);
  });

  it('with a log group key required only (CloudWatch Logs takes customer keys only) it reads no key', async () => {
    const { calls } = await audit(['encryption-at-rest'], { 'encryption-at-rest': { options: { customerManagedKey: ['aws_cloudwatch_log_group'] } } });
    expect(calls('kms')).toEqual({});
  });

  it('s3-bucket-kms-encryption reads nothing with its defaults (it requires KMS of no bucket), and keys only with customerManagedKey', async () => {
    expect((await audit(['s3-bucket-kms-encryption'])).result.coverage.apiCalls!.byOperation).toEqual({ 'sts:GetCallerIdentity': 1 });
    const some = await audit(['s3-bucket-kms-encryption'], { 's3-bucket-kms-encryption': { options: { buckets: ['*'] } } });
    expect(some.calls('kms')).toEqual({});
    const customer = await audit(['s3-bucket-kms-encryption'], { 's3-bucket-kms-encryption': { options: { buckets: ['*'], customerManagedKey: true } } });
    expect(customer.calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 2 });
  });

  it('a key policy that reads keys whole still gets rotation and key policy: a full audit makes every KMS call', async () => {
    const { calls } = await audit(['encryption-at-rest', 'kms-key-rotation', 'resource-policy-public'], { 'encryption-at-rest': { options: { customerManagedKey: ['aws_dynamodb_table'] } } });
    expect(calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 2, 'kms:GetKeyRotationStatus': 1, 'kms:GetKeyPolicy': 1 });
    const full = await audit([]);
    expect(full.calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 2, 'kms:GetKeyRotationStatus': 1, 'kms:GetKeyPolicy': 1 });
  });
});
