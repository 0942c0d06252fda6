import { describe, expect, it } from 'vitest';
import { scanWith } from '../policies/state-helpers.js';
import { rdsStorageUnencrypted } from '../../policies/rds-storage-unencrypted.js';

describe('rds-storage-unencrypted on Aurora Serverless v1', () => {
  it('passes a serverless cluster in plan and HCL form, saying why', async () => {
    const cases = 'policies/rds-storage-unencrypted/cases/pass';
    for (const path of [`${cases}/aurora-serverless-v1.json`, `${cases}/aurora-serverless-v1-source`]) {
      const result = await scanWith('rds-storage-unencrypted', [path]);
      expect(result.findings.map((f) => [f.verdict, f.message]), path).toEqual([
        ['pass', 'aws_rds_cluster.reports is an Aurora Serverless v1 cluster, whose storage AWS always encrypts at rest'],
      ]);
    }
  });
});
