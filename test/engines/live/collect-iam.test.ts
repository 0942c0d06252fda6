import { describe, expect, it } from 'vitest';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { CannedAws, callerIdentity, emptyQueryResponse, NO_BUCKETS, rdsError, type CannedRequest } from './canned-aws.js';

const ACCOUNT = '111122223333';
const REGIONS = ['eu-west-1', 'us-east-2', 'ap-southeast-2'];
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };

const TRUST = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: '*' }] }));

/** A page of GetAccountAuthorizationDetails as IAM's query protocol writes it: one role, and a marker unless it is the last. */
function iamPage(role: string, marker?: string) {
  return {
    status: 200,
    body:
      '<GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountAuthorizationDetailsResult>' +
      `<IsTruncated>${marker ? 'true' : 'false'}</IsTruncated>${marker ? `<Marker>${marker}</Marker>` : ''}` +
      `<RoleDetailList><member><Path>/</Path><RoleName>${role}</RoleName><RoleId>AROA${role.toUpperCase()}</RoleId><Arn>arn:aws:iam::${ACCOUNT}:role/${role}</Arn>` +
      `<CreateDate>2025-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${TRUST}</AssumeRolePolicyDocument>` +
      '<InstanceProfileList/><RolePolicyList/><AttachedManagedPolicies><member><PolicyName>AdministratorAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn></member></AttachedManagedPolicies><Tags/></member></RoleDetailList>' +
      '<UserDetailList/><GroupDetailList/><Policies/></GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>',
  };
}

function estate(denyIam: boolean) {
  return (request: CannedRequest) => {
    if (request.service === 'sts') return callerIdentity(ACCOUNT);
    if (request.service === 's3') return NO_BUCKETS;
    if (request.service === 'iam') {
      if (denyIam) return rdsError(403, 'AccessDenied', `User: arn:aws:sts::${ACCOUNT}:assumed-role/audit/x is not authorized to perform: iam:GetAccountAuthorizationDetails`);
      return request.params['Marker'] === 'page-2' ? iamPage('second') : iamPage('first', 'page-2');
    }
    return emptyQueryResponse(request.service, request.action);
  };
}

describe('IAM in a live audit (SDK with a canned HTTP handler)', () => {
  it('reads IAM once per account, every page, whatever the number of regions, and keeps it with one region', async () => {
    const aws = new CannedAws(estate(false));
    const collection = await collectLive({ source: { kind: 'api' }, regions: REGIONS, credentials, requestHandler: aws });
    expect(collection.gaps).toEqual([]);
    const iamRequests = aws.requests.filter((r) => r.service === 'iam');
    expect(iamRequests.map((r) => [r.action, r.params['Marker'] ?? '', r.params['MaxItems'], r.params['Filter.member.1']])).toEqual([
      ['GetAccountAuthorizationDetails', '', '1000', 'User'],
      ['GetAccountAuthorizationDetails', 'page-2', '1000', 'User'],
    ]);
    // Two pages for one account: the IAM calls of this audit, counted as the report counts them.
    expect(collection.apiCalls.byOperation['iam:GetAccountAuthorizationDetails']).toBe(2);
    const inventories = buildInventories(collection.recording);
    const withRoles = inventories.filter((i) => i.ofType('aws_iam_role').length > 0);
    expect(withRoles).toHaveLength(1);
    expect(REGIONS.map((region) => `${ACCOUNT}/${region}`)).toContain(withRoles[0]!.input);
    const roles = withRoles[0]!.ofType('aws_iam_role');
    expect(roles.map((r) => [r.address, r.values['managed_policy_arns']])).toEqual([
      [`arn:aws:iam::${ACCOUNT}:role/first`, ['arn:aws:iam::aws:policy/AdministratorAccess']],
      [`arn:aws:iam::${ACCOUNT}:role/second`, ['arn:aws:iam::aws:policy/AdministratorAccess']],
    ]);
    // The trust policy arrives URL-encoded and is decoded into the JSON text Terraform shows.
    expect(JSON.parse(roles[0]!.values['assume_role_policy'] as string).Statement[0].Principal).toBe('*');
  });

  it('records AccessDenied as a gap naming the operation, and keeps no IAM records', async () => {
    const aws = new CannedAws(estate(true));
    const collection = await collectLive({ source: { kind: 'api' }, regions: ['eu-west-1'], credentials, requestHandler: aws });
    expect(collection.gaps.map((g) => [g.scope, g.target, g.service, g.operations, g.errorCode])).toEqual([['account', ACCOUNT, 'iam', ['GetAccountAuthorizationDetails'], 'AccessDenied']]);
    expect(collection.gaps[0]!.message).toContain('iam GetAccountAuthorizationDetails failed: AccessDenied');
    expect(buildInventories(collection.recording).flatMap((i) => i.ofType('aws_iam_role'))).toEqual([]);
  });

  it('is not read when the selected policies read no IAM type', async () => {
    const aws = new CannedAws(estate(false));
    await collectLive({ source: { kind: 'api' }, regions: ['eu-west-1'], credentials, requestHandler: aws, readsType: (type) => type === 'aws_security_group' });
    expect(aws.requests.filter((r) => r.service === 'iam')).toEqual([]);
  });
});
