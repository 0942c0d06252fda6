import { describe, expect, it } from 'vitest';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { assumedRole, CannedAws, callerIdentity, emptyQueryResponse, NO_BUCKETS, stsError, type CannedRequest } from './canned-aws.js';

const base = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };
const OK = '111111111111';
const DENIED = '222222222222';
const REGIONS = ['eu-west-1', 'us-east-1', 'eu-central-1'];

/** AssumeRole succeeds in OK and is refused in DENIED; every other call answers as the signing account. */
function estate(expiration: string) {
  return (request: CannedRequest) => {
    if (request.action === 'AssumeRole') {
      const account = /::(\d{12}):role\//.exec(request.params['RoleArn'] ?? '')?.[1] ?? '';
      return account === DENIED ? stsError(403, 'AccessDenied', `User is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${DENIED}:role/warden-audit`) : assumedRole(account, expiration);
    }
    if (request.service === 'sts') return callerIdentity(request.accessKeyId.replace('ASIA', ''));
    if (request.service === 's3') return NO_BUCKETS;
    return emptyQueryResponse(request.service, request.action);
  };
}

function audit(aws: CannedAws) {
  return collectLive({ source: { kind: 'api' }, regions: REGIONS, accounts: [OK, DENIED], roleName: 'warden-audit', credentials: base, requestHandler: aws });
}

describe('--accounts with --role-name', () => {
  it('assumes each role once per run however many clients use it, and counts the call', async () => {
    const aws = new CannedAws(estate(new Date(Date.now() + 3_600_000).toISOString()));
    const { apiCalls, recording } = await audit(aws);
    const assumed = aws.requests.filter((r) => r.action === 'AssumeRole').map((r) => r.params['RoleArn']);
    expect(assumed.sort()).toEqual([`arn:aws:iam::${OK}:role/warden-audit`, `arn:aws:iam::${DENIED}:role/warden-audit`]);
    expect(apiCalls.byOperation['sts:AssumeRole']).toBe(2);
    // The OK account was read in every region with the role's credentials.
    expect(recording.targets.map((t) => `${t.account}/${t.region}`)).toEqual(REGIONS.map((r) => `${OK}/${r}`).sort());
    expect(aws.requests.filter((r) => r.service === 'ec2' && r.accessKeyId !== `ASIA${OK}`)).toEqual([]);
  });

  it('asks again when the credentials come near their expiry', async () => {
    // Credentials that expire in a minute are refreshed before each use instead of failing mid-audit.
    const aws = new CannedAws(estate(new Date(Date.now() + 60_000).toISOString()));
    const { apiCalls } = await audit(aws);
    expect(apiCalls.byOperation['sts:AssumeRole']).toBeGreaterThan(2);
  });

  it('reports a denied AssumeRole as such, not as a failed GetCallerIdentity', async () => {
    const aws = new CannedAws(estate(new Date(Date.now() + 3_600_000).toISOString()));
    const { gaps } = await audit(aws);
    const mine = gaps.filter((g) => g.target.startsWith(DENIED));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).toContain('AssumeRole');
    expect(mine[0]!.message).toContain('AccessDenied');
    expect(mine[0]!.message).not.toContain('GetCallerIdentity');
  });
});
