import { expect, it } from 'vitest';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import type { AuditProgressEvent } from '../../../src/engines/live/progress.js';
import { CannedAws, callerIdentity, ec2Error, emptyQueryResponse, NO_BUCKETS, type CannedRequest } from './canned-aws.js';

it('reports the calls being retried while they are, and when they settle', async () => {
  const throttled = ({ service, action }: CannedRequest, attempt: number) => {
    if (service === 'sts') return callerIdentity('111122223333');
    if (service === 's3') return NO_BUCKETS;
    if (action === 'DescribeVpcs' && attempt <= 2) return ec2Error(503, 'RequestLimitExceeded', 'Request limit exceeded.');
    return emptyQueryResponse(service, action);
  };
  const events: AuditProgressEvent[] = [];
  await collectLive({
    source: { kind: 'api' },
    regions: ['eu-west-1'],
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' },
    requestHandler: new CannedAws(throttled),
    readsType: (type) => type === 'aws_vpc',
    maxAttempts: 4,
    onProgress: (event) => events.push(event),
  });
  const retries = events.filter((e) => e.kind === 'retrying');
  expect(retries[0]).toEqual({ kind: 'retrying', calls: 1, latest: 'ec2:DescribeVpcs in 111122223333/eu-west-1' });
  expect(retries.at(-1)).toEqual({ kind: 'retrying', calls: 0, latest: '' });
  expect(events.findIndex((e) => e.kind === 'target-started')).toBeLessThan(events.findIndex((e) => e.kind === 'target-done'));
}, 30_000);
