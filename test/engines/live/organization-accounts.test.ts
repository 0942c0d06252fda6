import { describe, expect, it } from 'vitest';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { assumedRole, CannedAws, callerIdentity, emptyQueryResponse, NO_BUCKETS, type CannedRequest } from './canned-aws.js';

const MANAGEMENT = '111111111111';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };
const account = (Id: string, State: string) => ({ Id, Arn: `arn:aws:organizations::${MANAGEMENT}:account/o-abc/${Id}`, Name: Id, State, Status: State === 'ACTIVE' ? 'ACTIVE' : 'SUSPENDED' });

/** An organisation of four accounts over two pages: one suspended, one to be excluded. */
function organization(denied: boolean) {
  return ({ service, action, params, accessKeyId }: CannedRequest) => {
    if (service === 'organizations') {
      if (denied) return { status: 400, body: JSON.stringify({ __type: 'AccessDeniedException', Message: 'You don\'t have permissions to access this resource.' }) };
      if (action !== 'ListAccounts') throw new Error(`unexpected ${action}`);
      return { status: 200, body: JSON.stringify({ Accounts: [account('222222222222', 'ACTIVE'), account('333333333333', 'SUSPENDED'), account('444444444444', 'ACTIVE'), account('555555555555', 'ACTIVE')] }) };
    }
    if (service === 'sts' && action === 'AssumeRole') return assumedRole(/::(\d{12}):/.exec(params['RoleArn'] ?? '')![1]!, '2099-01-01T00:00:00Z');
    if (service === 'sts') return callerIdentity(accessKeyId.startsWith('ASIA') ? accessKeyId.slice(4) : MANAGEMENT);
    if (service === 's3') return NO_BUCKETS;
    return emptyQueryResponse(service, action);
  };
}

describe('--accounts-from organizations', () => {
  it('audits the active accounts of the organisation, less the excluded, through the role', async () => {
    const aws = new CannedAws(organization(false));
    const { recording, gaps } = await collectLive({
      source: { kind: 'api' },
      regions: ['eu-west-1'],
      credentials,
      requestHandler: aws,
      roleName: 'warden-audit',
      organization: { exclude: ['555555555555'] },
      readsType: (type) => type === 'aws_security_group',
    });
    expect(gaps).toEqual([]);
    expect(recording.targets.map((t) => `${t.account}/${t.region}`)).toEqual(['222222222222/eu-west-1', '444444444444/eu-west-1']);
    expect(aws.requests.filter((r) => r.action === 'AssumeRole').map((r) => r.params['RoleArn'])).toEqual([
      'arn:aws:iam::222222222222:role/warden-audit',
      'arn:aws:iam::444444444444:role/warden-audit',
    ]);
    expect(aws.requests.filter((r) => r.service === 'organizations').map((r) => [r.region, r.action])).toEqual([['us-east-1', 'ListAccounts']]);
  });

  it('is a coverage gap naming ListAccounts when the organisation cannot be listed, and audits no account instead of the caller\'s', async () => {
    const { recording, gaps } = await collectLive({
      source: { kind: 'api' },
      regions: ['eu-west-1'],
      credentials,
      requestHandler: new CannedAws(organization(true)),
      roleName: 'warden-audit',
      organization: {},
      maxAttempts: 1,
    });
    expect(recording.targets).toEqual([]);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ service: 'organizations', operations: ['ListAccounts'], errorCode: 'AccessDeniedException' });
  });
});
