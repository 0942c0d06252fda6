import { describe, expect, it } from 'vitest';
import { encryptionAtRest } from '../../../policies/encryption-at-rest.js';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { runPolicies } from '../../../src/rules/runner.js';
import { policyReads } from '../../../src/scan/policy-reads.js';
import { CannedAws } from './canned-aws.js';
import { credentials, keyArn, kmsTablesEstate as estate, REGION } from './kms-tables-estate.js';

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
