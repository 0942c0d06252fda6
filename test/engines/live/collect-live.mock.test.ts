import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { AutoScalingClient, DescribeLaunchConfigurationsCommand } from '@aws-sdk/client-auto-scaling';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { KMSClient } from '@aws-sdk/client-kms';
import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { EFSClient } from '@aws-sdk/client-efs';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { OpenSearchClient } from '@aws-sdk/client-opensearch';
import { GenerateCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { isUnknown } from '../../../src/model/unknown.js';

const ACCOUNTS = ['111111111111', '222222222222'];
const REGIONS = ['eu-west-1', 'us-east-1'];

/** Which account and region a mocked call was made for: the test gives each account its own key id. */
async function whereCalled(getClient: () => unknown): Promise<{ account: string; region: string }> {
  const config = (getClient() as { config: { region: () => Promise<string>; credentials: () => Promise<{ accessKeyId: string }> } }).config;
  const [region, credentials] = await Promise.all([config.region(), config.credentials()]);
  return { account: credentials.accessKeyId.replace('test-', ''), region };
}

const vpcRequests: { NextToken?: string; MaxResults?: number; account: string; region: string }[] = [];
const ec2 = mockClient(EC2Client);
const rds = mockClient(RDSClient);
const redshift = mockClient(RedshiftClient);
const s3 = mockClient(S3Client);
const sts = mockClient(STSClient);
const config = mockClient(ConfigServiceClient);
const kms = mockClient(KMSClient);
const cloudtrail = mockClient(CloudTrailClient);
const elbv2 = mockClient(ElasticLoadBalancingV2Client);
const elb = mockClient(ElasticLoadBalancingClient);
// Services this test does not look at answer with nothing.
const quiet = [mockClient(EKSClient), mockClient(OpenSearchClient), mockClient(ElastiCacheClient)] as unknown as { reset(): { onAnyCommand(): { resolves(v: object): void } } }[];
quiet.push(...([mockClient(SQSClient), mockClient(SNSClient), mockClient(DynamoDBClient), mockClient(EFSClient), mockClient(CloudWatchLogsClient), mockClient(SecretsManagerClient), mockClient(KinesisClient)] as unknown as typeof quiet));
const autoscaling = mockClient(AutoScalingClient);
const iam = mockClient(IAMClient);

const s3control = mockClient(S3ControlClient);
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const BUCKET_POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::logs/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}';

beforeEach(() => {
  for (const mock of [ec2, rds, redshift, s3, s3control, sts, config, kms, cloudtrail, autoscaling, iam, elbv2, elb]) mock.reset();
  redshift.onAnyCommand().resolves({});
  for (const mock of quiet) mock.reset().onAnyCommand().resolves({});
  elbv2.onAnyCommand().resolves({});
  elb.onAnyCommand().resolves({});
  config.onAnyCommand().resolves({});
  kms.onAnyCommand().resolves({});
  cloudtrail.onAnyCommand().resolves({});
  autoscaling.onAnyCommand().resolves({});
  ec2.onAnyCommand().resolves({});
  iam.onAnyCommand().resolves({});
  iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  rds.onAnyCommand().resolves({});
  autoscaling.onAnyCommand().resolves({});
  redshift.onAnyCommand().resolves({});
  s3.onAnyCommand().resolves({});
  sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => ({ Account: (await whereCalled(getClient)).account }));

  // Two pages of VPCs everywhere: the paginator must follow NextToken.
  vpcRequests.length = 0;
  ec2.on(DescribeVpcsCommand).callsFake(async (input: { NextToken?: string; MaxResults?: number }, getClient) => {
    const { account, region } = await whereCalled(getClient);
    // The paginator reuses its input object, so what it asked for is copied at call time.
    vpcRequests.push({ ...input, account, region });
    const n = input.NextToken ? 2 : 1;
    return {
      Vpcs: [{ VpcId: `vpc-${account.slice(0, 3)}${region.slice(0, 2)}${n}`, CidrBlock: `10.${n}.0.0/16`, OwnerId: account, Tags: [{ Key: 'Name', Value: `page-${n}` }] }],
      ...(n === 1 ? { NextToken: `next-${account}-${region}` } : {}),
    };
  });
  ec2.on(DescribeSubnetsCommand).callsFake(async (_input, getClient) => {
    const { account, region } = await whereCalled(getClient);
    return { Subnets: [{ SubnetId: `subnet-${account.slice(0, 3)}${region.slice(0, 2)}`, VpcId: 'vpc-x', CidrBlock: '10.1.1.0/24', MapPublicIpOnLaunch: true }] };
  });
  ec2.on(DescribeSecurityGroupsCommand).callsFake(async (_input, getClient) => {
    const { account } = await whereCalled(getClient);
    return {
      SecurityGroups: [
        {
          GroupId: 'sg-0123456789abcdef0',
          GroupName: 'web',
          OwnerId: account,
          VpcId: 'vpc-x',
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
            {
              IpProtocol: '-1',
              IpRanges: [],
              Ipv6Ranges: [],
              PrefixListIds: [],
              UserIdGroupPairs: [{ GroupId: 'sg-0123456789abcdef0', UserId: account }, { GroupId: 'sg-0fedcba9876543210', UserId: '999999999999' }],
            },
          ],
          IpPermissionsEgress: [],
        },
      ],
    };
  });
  ec2.on(DescribeInstancesCommand).resolves({
    Reservations: [
      { OwnerId: '333333333333', Instances: [{ InstanceId: 'i-0aaaaaaaaaaaaaaa1', State: { Name: 'running' }, SubnetId: 'subnet-1', SecurityGroups: [{ GroupId: 'sg-1' }], Tags: [] }] },
      { OwnerId: '333333333333', Instances: [{ InstanceId: 'i-0aaaaaaaaaaaaaaa2', State: { Name: 'terminated' } }] },
    ],
  });
  ec2.on(DescribeAddressesCommand).resolves({ Addresses: [{ AllocationId: 'eipalloc-1', PublicIp: '198.51.100.7', Domain: 'vpc' }] });
  rds.on(DescribeDBInstancesCommand).callsFake(async (input: { Marker?: string }, getClient) => {
    const { account, region } = await whereCalled(getClient);
    if (account !== ACCOUNTS[1] || region !== 'us-east-1') return { DBInstances: [] };
    // Two pages through Marker.
    const id = input.Marker ? 'db-two' : 'db-one';
    return {
      DBInstances: [
        {
          DBInstanceIdentifier: id,
          DbiResourceId: `db-${id.toUpperCase()}`,
          DBInstanceArn: `arn:aws:rds:${region}:${account}:db:${id}`,
          Engine: 'mysql',
          PubliclyAccessible: id === 'db-one',
          Endpoint: { Address: `${id}.example.rds.amazonaws.com`, Port: 3306 },
          DBSubnetGroup: { DBSubnetGroupName: 'default', VpcId: 'vpc-x', Subnets: [] },
          VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0123456789abcdef0', Status: 'active' }],
          StorageEncrypted: false,
          TagList: [{ Key: 'Owner', Value: 'dba' }],
        },
      ],
      ...(input.Marker ? {} : { Marker: 'page-2' }),
    };
  });

  s3.on(ListBucketsCommand).callsFake(async (_input, getClient) => {
    const { account } = await whereCalled(getClient);
    return {
      Buckets: [
        { Name: `logs-${account}`, BucketRegion: 'eu-west-1' },
        { Name: `archive-${account}`, BucketRegion: 'ap-southeast-2' },
      ],
    };
  });
  s3.on(GetBucketEncryptionCommand).resolves({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/logs' } }] } });
  s3.on(GetBucketVersioningCommand).resolves({ Status: 'Enabled' });
  s3.on(GetPublicAccessBlockCommand).rejects(Object.assign(new Error('The public access block configuration was not found'), { name: 'NoSuchPublicAccessBlockConfiguration' }));
  s3.on(GetBucketTaggingCommand).rejects(Object.assign(new Error('The TagSet does not exist'), { name: 'NoSuchTagSet' }));
  s3.on(GetBucketAclCommand).resolves({ Owner: { ID: 'c0ffee' }, Grants: [{ Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' }] });
  s3.on(GetBucketOwnershipControlsCommand).rejects(Object.assign(new Error('The bucket ownership controls were not found'), { name: 'OwnershipControlsNotFoundError' }));
  s3.on(GetBucketPolicyCommand).resolves({ Policy: BUCKET_POLICY });
  s3.on(GetBucketLoggingCommand).resolves({});
  s3control.on(GetAccountPublicAccessBlockCommand).callsFake(async (input: { AccountId: string }) => {
    if (input.AccountId === ACCOUNTS[1]) throw Object.assign(new Error('The public access block configuration was not found'), { name: 'NoSuchPublicAccessBlockConfiguration' });
    return { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } };
  });
});

afterEach(() => {
  for (const mock of [ec2, rds, redshift, s3, s3control, sts, config, kms, cloudtrail, autoscaling, iam]) mock.reset();
  for (const mock of quiet) mock.reset().onAnyCommand().resolves({});
});

async function audit() {
  return collectLive({
    source: { kind: 'api' },
    regions: REGIONS,
    accounts: ACCOUNTS,
    roleName: 'warden-audit',
    credentialsForAccount: (account) => ({ accessKeyId: `test-${account}`, secretAccessKey: 'not-a-secret' }),
  });
}

describe('live collection through the SDK (aws-sdk-client-mock)', () => {
  it('reads every page, region and account into one inventory per (account, region)', async () => {
    const collection = await audit();
    expect(collection.gaps).toEqual([]);
    const inventories = buildInventories(collection.recording);
    expect(inventories.map((i) => i.input)).toEqual(['111111111111/eu-west-1', '111111111111/us-east-1', '222222222222/eu-west-1', '222222222222/us-east-1']);

    for (const inventory of inventories) {
      const [account, region] = inventory.input.split('/') as [string, string];
      // Both pages of DescribeVpcs were read, each VPC located in its own account and region.
      const vpcs = inventory.ofType('aws_vpc');
      expect(vpcs.map((v) => v.values['cidr_block'])).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
      expect(vpcs[0]!.location).toEqual({ kind: 'cloud', account, region, arn: `arn:aws:ec2:${region}:${account}:vpc/${vpcs[0]!.values['id']}` });
      expect(vpcs[0]!.source).toBe('live');
      expect(vpcs[0]!.input).toBe(`${account}/${region}`);
      expect(vpcs[1]!.tags).toEqual({ Name: 'page-2' });
    }

    const [a1] = inventories;
    const group = a1!.ofType('aws_security_group')[0]!;
    expect(group.values['ingress']).toEqual([
      { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: null },
      { protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: ['999999999999/sg-0fedcba9876543210'], self: true, description: null },
    ]);
    // The folded security-group view reads the live shape unchanged.
    expect(a1!.securityGroups[0]!.rules.filter((r) => r.direction === 'ingress').map((r) => [r.protocol, r.fromPort, r.toPort, r.self])).toEqual([
      ['tcp', 443, 443, false],
      ['-1', 0, 65535, true],
    ]);
    // Terminated instances are gone; the reservation's owner goes into the ARN.
    expect(a1!.ofType('aws_instance').map((i) => i.address)).toEqual(['arn:aws:ec2:eu-west-1:333333333333:instance/i-0aaaaaaaaaaaaaaa1']);
    expect(a1!.ofType('aws_eip')[0]!.values['association_id']).toBeNull();

    // RDS pages follow Marker; only the second account's us-east-1 has databases.
    const dbs = inventories[3]!.ofType('aws_db_instance');
    expect(dbs.map((d) => [d.values['identifier'], d.values['port'], d.values['publicly_accessible'], d.values['db_subnet_group_name']])).toEqual([
      ['db-one', 3306, true, 'default'],
      ['db-two', 3306, false, 'default'],
    ]);
    expect(inventories.slice(0, 3).every((i) => i.ofType('aws_db_instance').length === 0)).toBe(true);
  });

  it('reads each bucket in its own region only, and treats "no such configuration" as none', async () => {
    const collection = await audit();
    const [a1, a2, b1] = buildInventories(collection.recording);
    expect(a1!.ofType('aws_s3_bucket').map((b) => b.values['bucket'])).toEqual(['logs-111111111111']);
    expect(a2!.ofType('aws_s3_bucket')).toEqual([]);
    expect(b1!.ofType('aws_s3_bucket').map((b) => b.values['bucket'])).toEqual(['logs-222222222222']);
    const types = a1!.resources.filter((r) => r.values['bucket'] === 'logs-111111111111').map((r) => r.type);
    expect(types).toEqual(['aws_s3_bucket', 'aws_s3_bucket_server_side_encryption_configuration', 'aws_s3_bucket_versioning', 'aws_s3_bucket_acl', 'aws_s3_bucket_policy']);
    expect(a1!.ofType('aws_s3_bucket')[0]!.tags).toEqual({});
    // Settings of the bucket outside the audited regions were never asked for.
    const encryptionCalls = s3.commandCalls(GetBucketEncryptionCommand).map((call) => (call.args[0].input as { Bucket: string }).Bucket);
    expect(encryptionCalls.sort()).toEqual(['logs-111111111111', 'logs-222222222222']);
  });

  it('keeps a bucket setting it may not read as Unknown, and records the denial', async () => {
    s3.on(GetBucketEncryptionCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
    const collection = await audit();
    expect(collection.gaps.map((g) => [g.target, g.service, g.operations, g.errorCode])).toEqual([
      ['111111111111/eu-west-1', 's3', ['GetBucketEncryption'], 'AccessDenied'],
      ['222222222222/eu-west-1', 's3', ['GetBucketEncryption'], 'AccessDenied'],
    ]);
    const [a1] = buildInventories(collection.recording);
    const encryption = a1!.ofType('aws_s3_bucket_server_side_encryption_configuration')[0]!;
    expect(isUnknown(encryption.values['rule'])).toBe(true);
    expect(String(encryption.values['rule'])).toContain('GetBucketEncryption failed: AccessDenied');
  });

  it('reads each bucket\'s ACL, ownership, policy and logging, one counted call each, and the account block once per account', async () => {
    const collection = await audit();
    const [a1, a2, b1] = buildInventories(collection.recording);
    const bucket = a1!.buckets[0]!;
    // The bucket policy is kept as its JSON text, for the IAM policy model.
    expect(bucket.policy?.document).toBe(BUCKET_POLICY);
    expect(bucket.policy?.resource.type).toBe('aws_s3_bucket_policy');
    expect(bucket.acls.flatMap((acl) => (isUnknown(acl.grants) ? [] : acl.grants.map((g) => [g.uri, g.permission])))).toEqual([[ALL_USERS, 'READ']]);
    // OwnershipControlsNotFoundError: no ownership controls, ACLs enabled. No LoggingEnabled: no logging.
    expect(bucket.ownership).toBeUndefined();
    expect(bucket.logging).toBeUndefined();
    // The account block: managed in the region buckets are listed from, a data copy elsewhere; none = all off.
    const block = (i: typeof a1) => i!.ofType('aws_s3_account_public_access_block').map((r) => [r.mode, r.values['ignore_public_acls'], r.values['block_public_policy']]);
    expect(block(a1)).toEqual([['managed', true, false]]);
    expect(block(a2)).toEqual([['data', true, false]]);
    expect(block(b1)).toEqual([['managed', false, false]]);
    expect(s3control.commandCalls(GetAccountPublicAccessBlockCommand).map((call) => call.args[0].input.AccountId).sort()).toEqual(ACCOUNTS);
    for (const command of [GetBucketAclCommand, GetBucketOwnershipControlsCommand, GetBucketPolicyCommand, GetBucketLoggingCommand]) {
      // One per bucket in an audited region: logs-<account> of each account, not archive-* (ap-southeast-2).
      expect(s3.commandCalls(command as never).map((call) => (call.args[0].input as { Bucket: string }).Bucket).sort()).toEqual(['logs-111111111111', 'logs-222222222222']);
    }
    expect(collection.gaps).toEqual([]);
  });

  it('treats NoSuchBucketPolicy as no policy, and a denied policy, ACL or account block as a gap and Unknown', async () => {
    s3.on(GetBucketPolicyCommand).callsFake(async (input: { Bucket: string }) => {
      if (input.Bucket.endsWith(ACCOUNTS[0]!)) throw Object.assign(new Error('The bucket policy does not exist'), { name: 'NoSuchBucketPolicy' });
      throw Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    });
    s3.on(GetBucketAclCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
    s3control.on(GetAccountPublicAccessBlockCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
    const collection = await audit();
    expect(collection.gaps.map((g) => [g.target, g.service, g.operations, g.errorCode]).sort((a, b) => String(a).localeCompare(String(b)))).toEqual([
      ['111111111111/eu-west-1', 's3', ['GetBucketAcl'], 'AccessDenied'],
      ['111111111111/eu-west-1', 's3control', ['GetPublicAccessBlock'], 'AccessDenied'],
      ['222222222222/eu-west-1', 's3', ['GetBucketAcl', 'GetBucketPolicy'], 'AccessDenied'],
      ['222222222222/eu-west-1', 's3control', ['GetPublicAccessBlock'], 'AccessDenied'],
    ]);
    const [a1, , b1] = buildInventories(collection.recording);
    expect(a1!.ofType('aws_s3_bucket_policy')).toEqual([]);
    expect(a1!.buckets[0]!.policy).toBeUndefined();
    expect(String(b1!.buckets[0]!.policy?.document)).toContain('GetBucketPolicy failed: AccessDenied');
    expect(String(a1!.buckets[0]!.acls[0]!.grants)).toContain('GetBucketAcl failed: AccessDenied');
    const block = a1!.ofType('aws_s3_account_public_access_block')[0]!;
    expect(String(block.values['ignore_public_acls'])).toContain('GetPublicAccessBlock (S3 Control) failed: AccessDenied');
  });

  it('asks for full pages and follows every token', async () => {
    await audit();
    expect(vpcRequests).toHaveLength(ACCOUNTS.length * REGIONS.length * 2);
    expect(vpcRequests.every((input) => input.MaxResults === 1000)).toBe(true);
    // Each (account, region) asked for its second page with its own token.
    expect(vpcRequests.filter((input) => input.NextToken).map((input) => input.NextToken).sort()).toEqual(
      ACCOUNTS.flatMap((account) => REGIONS.map((region) => `next-${account}-${region}`)).sort(),
    );
    expect(rds.commandCalls(DescribeDBInstancesCommand).map((call) => (call.args[0].input as { MaxRecords?: number }).MaxRecords)).toEqual(
      expect.arrayContaining([100]),
    );
  });

  it('reads all launch templates of a region in one call (their latest versions), launch configurations and the region\'s EBS and IMDS defaults', async () => {
    await audit();
    const targets = ACCOUNTS.length * REGIONS.length;
    const templateCalls = ec2.commandCalls(DescribeLaunchTemplateVersionsCommand).map((call) => call.args[0].input);
    expect(templateCalls).toHaveLength(targets);
    expect(templateCalls.every((input) => JSON.stringify(input) === JSON.stringify({ Versions: ['$Latest'], MaxResults: 200 }))).toBe(true);
    expect(ec2.commandCalls(GetEbsEncryptionByDefaultCommand)).toHaveLength(targets);
    expect(ec2.commandCalls(GetInstanceMetadataDefaultsCommand)).toHaveLength(targets);
    expect(autoscaling.commandCalls(DescribeLaunchConfigurationsCommand).map((call) => call.args[0].input)).toEqual(Array(targets).fill({ MaxRecords: 100 }));
  });
});
