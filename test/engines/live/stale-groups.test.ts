import { DescribeSecurityGroupsCommand, DescribeStaleSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { isUnknown } from '../../../src/model/unknown.js';

const ACCOUNT = '111122223333';
const ec2 = mockClient(EC2Client);
const rds = mockClient(RDSClient);
const s3 = mockClient(S3Client);
const sts = mockClient(STSClient);

/** Three groups in two VPCs: the stale call is made once per VPC, not once per group. */
const GROUPS = [
  { GroupId: 'sg-0aaa', GroupName: 'web', VpcId: 'vpc-0001', IpPermissions: [], IpPermissionsEgress: [] },
  { GroupId: 'sg-0bbb', GroupName: 'app', VpcId: 'vpc-0001', IpPermissions: [], IpPermissionsEgress: [] },
  { GroupId: 'sg-0ccc', GroupName: 'db', VpcId: 'vpc-0002', IpPermissions: [], IpPermissionsEgress: [] },
];
const staleRequests: { VpcId?: string; MaxResults?: number }[] = [];

beforeEach(() => {
  for (const mock of [ec2, rds, s3, sts]) mock.reset();
  ec2.onAnyCommand().resolves({});
  rds.onAnyCommand().resolves({});
  s3.onAnyCommand().resolves({});
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: GROUPS });
  staleRequests.length = 0;
});
afterEach(() => {
  for (const mock of [ec2, rds, s3, sts]) mock.reset();
});

function audit(): ReturnType<typeof collectLive> {
  // Only the EC2 types the stale-group read hangs on: the other services are not mocked here.
  return collectLive({
    source: { kind: 'api' },
    regions: ['eu-west-1'],
    credentialsForAccount: () => ({ accessKeyId: 'test', secretAccessKey: 'not-a-secret' }),
    readsType: (type) => type.startsWith('aws_security_group') || type === 'aws_vpc' || type === 'aws_network_interface',
  });
}

function staleOf(collection: Awaited<ReturnType<typeof collectLive>>, id: string): unknown {
  const group = buildInventories(collection.recording)[0]!.byId(id)[0]!;
  return group.values['stale_ingress'];
}

describe('stale security-group references (DescribeStaleSecurityGroups)', () => {
  it('asks once per VPC that has groups, and maps the stale rules onto their group', async () => {
    ec2.on(DescribeStaleSecurityGroupsCommand).callsFake((input: { VpcId?: string; MaxResults?: number }) => {
      staleRequests.push({ ...input });
      if (input.VpcId !== 'vpc-0001') return { StaleSecurityGroupSet: [] };
      return {
        StaleSecurityGroupSet: [
          { GroupId: 'sg-0bbb', VpcId: 'vpc-0001', StaleIpPermissions: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: 'sg-0dead', VpcId: 'vpc-0009', VpcPeeringConnectionId: 'pcx-01', PeeringStatus: 'deleted' }] }], StaleIpPermissionsEgress: [] },
        ],
      };
    });
    const collection = await audit();
    expect(collection.gaps).toEqual([]);
    expect(staleRequests.map((r) => r.VpcId).sort()).toEqual(['vpc-0001', 'vpc-0002']);
    expect(staleRequests.every((r) => r.MaxResults === 255)).toBe(true);
    expect(staleOf(collection, 'sg-0aaa')).toEqual([]);
    expect(staleOf(collection, 'sg-0bbb')).toEqual([
      { protocol: 'tcp', from_port: 8080, to_port: 8080, referenced_groups: [{ group_id: 'sg-0dead', vpc_id: 'vpc-0009', vpc_peering_connection_id: 'pcx-01', peering_status: 'deleted' }] },
    ]);
  });

  it('a denied call is a gap naming the operation, and that VPC\'s groups are unknown, not clean', async () => {
    ec2.on(DescribeStaleSecurityGroupsCommand).callsFake((input: { VpcId?: string }) => {
      if (input.VpcId === 'vpc-0002') throw Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation' });
      return { StaleSecurityGroupSet: [] };
    });
    const collection = await audit();
    expect(collection.gaps.map((g) => g.message).join('\n')).toContain('DescribeStaleSecurityGroups');
    const stale = staleOf(collection, 'sg-0ccc');
    expect(isUnknown(stale) && stale.reason).toContain('UnauthorizedOperation');
    expect(staleOf(collection, 'sg-0aaa')).toEqual([]);
  });
});
