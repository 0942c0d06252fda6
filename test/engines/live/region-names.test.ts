import { describe, expect, it } from 'vitest';
import { auditCommand } from '../../../src/cli/audit-command.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { partitionOfRegion } from '../../../src/engines/live/known-regions.js';
import { CannedAws, callerIdentity, emptyQueryResponse } from './canned-aws.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };

describe('--regions is checked against the AWS partitions before any call', () => {
  it('knows regions of every partition from the SDK data', () => {
    expect(partitionOfRegion('eu-west-1')).toBe('aws');
    expect(partitionOfRegion('cn-north-1')).toBe('aws-cn');
    expect(partitionOfRegion('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOfRegion('eu-wset-1')).toBeUndefined();
  });

  it('a typo is one usage error (exit 2) and no request is sent', async () => {
    const aws = new CannedAws((request) => (request.service === 'sts' ? callerIdentity('111122223333') : emptyQueryResponse(request.service, request.action)));
    const run = auditCommand({ format: 'json', regions: ['eu-west-1', 'eu-wset-1'], quiet: true }, { credentials, requestHandler: aws });
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/--regions: "eu-wset-1" is not a region of any AWS partition/);
    expect(aws.requests).toHaveLength(0);
  });

  it('regions of two partitions cannot be audited with one set of credentials', async () => {
    const aws = new CannedAws(() => new Error('no request expected'));
    const run = auditCommand({ format: 'json', regions: ['eu-west-1', 'cn-north-1'], quiet: true }, { credentials, requestHandler: aws });
    await expect(run).rejects.toThrow(/eu-west-1 \(aws\), cn-north-1 \(aws-cn\) are in different AWS partitions/);
    expect(aws.requests).toHaveLength(0);
  });
});
