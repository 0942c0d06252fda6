import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import type { WardenConfig } from '../../src/config/config.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { runAudit } from '../../src/scan/run-audit.js';
import { CannedAws } from '../engines/live/canned-aws.js';
import { credentials, kmsTablesEstate as estate, REGION } from '../engines/live/kms-tables-estate.js';

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

// Three keys (1 AWS managed, 2 and 3 the customer's), tables sessions (key 1) and orders (key 2).
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
    expect(calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 3 });
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
    expect(customer.calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 3 });
  });

  it('kms-key-rotation skips the key policies, kms-key-pending-deletion every per-key call but DescribeKey', async () => {
    const rotation = await audit(['kms-key-rotation']);
    expect(rotation.calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 3, 'kms:GetKeyRotationStatus': 2 });
    expect(rotation.result.findings.map((f) => [f.verdict, f.messageId])).toEqual([['pass', 'rotated'], ['pass', 'rotated']]);
    const pending = await audit(['kms-key-pending-deletion']);
    expect(pending.calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 3 });
    expect(pending.result.coverage.gaps).toEqual([]);
    expect(pending.result.findings.map((f) => f.verdict)).toEqual(['pass', 'pass']);
  });

  it('a key policy that reads keys whole still gets rotation and key policy: a full audit makes every KMS call', async () => {
    const { calls } = await audit(['encryption-at-rest', 'kms-key-rotation', 'resource-policy-public'], { 'encryption-at-rest': { options: { customerManagedKey: ['aws_dynamodb_table'] } } });
    expect(calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 3, 'kms:GetKeyRotationStatus': 2, 'kms:GetKeyPolicy': 2 });
    const full = await audit([]);
    expect(full.calls('kms')).toEqual({ 'kms:ListKeys': 1, 'kms:DescribeKey': 3, 'kms:GetKeyRotationStatus': 2, 'kms:GetKeyPolicy': 2 });
  });
});
