import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { savedInventoryFromText } from '../../src/engines/live/load-saved-inventory.js';
import { runPolicies } from '../../src/rules/runner.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const AWS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/9f8e7d6c-0000-4000-8000-0000000000d1`;
const CUSTOMER_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/5e6f7a8b-0000-4000-8000-0000000000aa`;
const idOf = (arn: string) => arn.split('/')[1]!;
const metadata = (arn: string, manager: string) => ({ KeyId: idOf(arn), Arn: arn, KeyManager: manager, KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Enabled: true, Origin: 'AWS_KMS' });
const table = (name: string, key: string) => ({ TableName: name, Table: { TableName: name, TableArn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`, TableStatus: 'ACTIVE', SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: key } } });

/**
 * A saved inventory in format 1 as audits wrote it before AWS managed keys were kept: the DescribeKey
 * answer of the AWS managed key was recorded then too (every listed key is described), so the file
 * needs no new field for the key to be known as AWS managed when it is scanned now.
 */
const SAVED = JSON.stringify({
  warden_inventory: 1,
  source: 'api',
  targets: [
    {
      account: ACCOUNT,
      region: REGION,
      responses: {
        'kms:ListKeys': [{ Keys: [AWS_KEY, CUSTOMER_KEY].map((arn) => ({ KeyId: idOf(arn), KeyArn: arn })) }],
        'kms:DescribeKey': [
          { KeyMetadata: metadata(AWS_KEY, 'AWS'), KeyId: idOf(AWS_KEY) },
          { KeyMetadata: metadata(CUSTOMER_KEY, 'CUSTOMER'), KeyId: idOf(CUSTOMER_KEY) },
        ],
        'kms:GetKeyRotationStatus': [{ KeyRotationEnabled: false, KeyId: idOf(CUSTOMER_KEY) }],
        'kms:GetKeyPolicy': [{ PolicyName: 'default', Policy: `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${ACCOUNT}:root"},"Action":"kms:*","Resource":"*"}]}`, KeyId: idOf(CUSTOMER_KEY) }],
        'dynamodb:ListTables': [{ TableNames: ['sessions', 'orders'] }],
        'dynamodb:DescribeTable': [table('sessions', AWS_KEY), table('orders', CUSTOMER_KEY)],
      },
    },
  ],
  accounts: [],
});

describe('AWS managed KMS keys', () => {
  const [inventory] = savedInventoryFromText(SAVED, 'saved.json').inventories;
  // Every built-in policy that reads KMS keys, with options that make encryption-at-rest ask who manages a table's key.
  const readers = builtinPolicies.filter((policy) => policy.resourceTypes?.includes('aws_kms_key'));
  const options = (id: string) => (id === 'encryption-at-rest' ? { customerManagedKey: ['aws_dynamodb_table'] } : builtinPolicies.find((p) => p.id === id)!.options?.defaults ?? {});
  const { findings } = runPolicies(inventory!, [...readers, builtinPolicies.find((p) => p.id === 'required-tags')!].map((policy) => ({ policy, options: options(policy.id) })), 'report');

  it('are read from an older saved inventory, as data sources that say who manages them', () => {
    const key = inventory!.ofType('aws_kms_key').find((k) => k.address === AWS_KEY);
    expect([key?.mode, key?.values['key_manager']]).toEqual(['data', 'AWS']);
  });

  it('get no verdict from any policy that reads KMS keys (AWS rotates them; nobody can delete or tag them)', () => {
    expect(readers.map((p) => p.id)).toEqual(expect.arrayContaining(['kms-key-rotation', 'kms-key-pending-deletion', 'encryption-at-rest', 'resource-policy-public']));
    expect(findings.filter((f) => f.resource.address === AWS_KEY)).toEqual([]);
    // The customer managed key beside it is judged.
    expect(findings.filter((f) => f.resource.address === CUSTOMER_KEY && f.ruleId === 'kms-key-rotation').map((f) => f.verdict)).toEqual(['fail']);
  });

  it('make a table that uses one fail customerManagedKey, with evidence naming the key as AWS managed', () => {
    const verdicts = findings.filter((f) => f.ruleId === 'encryption-at-rest').map((f) => [f.resource.address.split('/')[1], f.verdict]);
    expect(verdicts).toEqual([['sessions', 'fail'], ['orders', 'pass']]);
    const failed = findings.find((f) => f.ruleId === 'encryption-at-rest' && f.verdict === 'fail')!;
    expect(failed.evidence).toEqual([{ path: 'server_side_encryption.0.kms_key_arn', value: AWS_KEY, note: `${AWS_KEY} is an AWS managed key (KMS KeyManager AWS)` }]);
  });
});
