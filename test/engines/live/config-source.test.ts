import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IAMClient } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditCommand } from '../../../src/cli/audit-command.js';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { EXIT } from '../../../src/scan/exit-code.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { configQuery } from '../../../src/engines/live/config/config-query.js';

const ACCOUNT = '123456789012';

/**
 * Configuration items as AWS Config's advanced query returns them: each result a JSON string; lower
 * camel case keys (Java bean names such as `dBSubnetGroup`), integers as floats, tags as
 * `[{key, value}]`, some scalars wrapped in `{value}`, S3 settings in `supplementaryConfiguration`.
 */
const ITEMS = [
  {
    accountId: ACCOUNT,
    awsRegion: 'eu-west-1',
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: 'sg-0a1b2c3d4e5f60718',
    arn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-0a1b2c3d4e5f60718`,
    configurationItemStatus: 'OK',
    tags: [{ key: 'Name', value: 'ssh', tag: 'Name=ssh' }],
    configuration: {
      groupName: 'ssh',
      groupId: 'sg-0a1b2c3d4e5f60718',
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      ownerId: ACCOUNT,
      description: 'ssh',
      ipPermissions: [
        { ipProtocol: 'tcp', fromPort: 22.0, toPort: 22.0, ipRanges: ['0.0.0.0/0'], ipv4Ranges: [{ cidrIp: '0.0.0.0/0', description: 'anywhere' }], ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [] },
      ],
      ipPermissionsEgress: [{ ipProtocol: '-1', ipRanges: ['0.0.0.0/0'], ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }], ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [] }],
      tags: [{ key: 'Name', value: 'ssh' }],
    },
    supplementaryConfiguration: {},
  },
  {
    accountId: ACCOUNT,
    awsRegion: 'eu-west-1',
    resourceType: 'AWS::RDS::DBInstance',
    resourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    configurationItemStatus: 'OK',
    tags: [{ key: 'Owner', value: 'data', tag: 'Owner=data' }],
    configuration: {
      dBInstanceIdentifier: 'reports',
      engine: 'postgres',
      endpoint: { address: 'reports.abc.eu-west-1.rds.amazonaws.com', port: 5432.0, hostedZoneId: 'Z29XKXDKYMONMX' },
      vpcSecurityGroups: [{ vpcSecurityGroupId: 'sg-0a1b2c3d4e5f60718', status: 'active' }],
      dBSubnetGroup: { dBSubnetGroupName: 'reports', vpcId: 'vpc-0a1b2c3d4e5f60718', subnets: [{ subnetIdentifier: 'subnet-1', subnetStatus: 'Active' }] },
      publiclyAccessible: true,
      storageEncrypted: false,
      dbInstancePort: 0.0,
      dbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      dBInstanceArn: `arn:aws:rds:eu-west-1:${ACCOUNT}:db:reports`,
      iAMDatabaseAuthenticationEnabled: false,
    },
    supplementaryConfiguration: { Tags: [{ key: 'Owner', value: 'data' }] },
  },
  {
    accountId: ACCOUNT,
    awsRegion: 'eu-west-1',
    resourceType: 'AWS::RDS::DBCluster',
    resourceId: 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    configurationItemStatus: 'OK',
    tags: [],
    configuration: {
      dbclusterIdentifier: 'ledger',
      dbclusterArn: `arn:aws:rds:eu-west-1:${ACCOUNT}:cluster:ledger`,
      engine: 'aurora-mysql',
      port: 3306.0,
      endpoint: { value: 'ledger.cluster-abc.eu-west-1.rds.amazonaws.com' },
      availabilityZones: [{ value: 'eu-west-1a' }, { value: 'eu-west-1b' }],
      dbsubnetGroup: 'reports',
      storageEncrypted: true,
      vpcSecurityGroups: [{ vpcSecurityGroupId: 'sg-0a1b2c3d4e5f60718', status: 'active' }],
    },
    supplementaryConfiguration: { Tags: [] },
  },
  {
    accountId: ACCOUNT,
    awsRegion: 'eu-west-1',
    resourceType: 'AWS::EC2::Volume',
    resourceId: 'vol-0a1b2c3d4e5f60718',
    configurationItemStatus: 'OK',
    tags: [],
    configuration: { volumeId: 'vol-0a1b2c3d4e5f60718', encrypted: false, size: 100.0, state: { value: 'available' }, attachments: [], volumeType: 'gp3' },
    supplementaryConfiguration: {},
  },
  {
    accountId: ACCOUNT,
    awsRegion: 'eu-west-1',
    resourceType: 'AWS::EC2::Subnet',
    resourceId: 'subnet-gone',
    configurationItemStatus: 'ResourceDeleted',
    configuration: null,
    supplementaryConfiguration: {},
  },
  {
    accountId: ACCOUNT,
    awsRegion: 'eu-west-1',
    resourceType: 'AWS::S3::Bucket',
    resourceId: 'acme-state',
    arn: 'arn:aws:s3:::acme-state',
    configurationItemStatus: 'OK',
    tags: [{ key: 'Environment', value: 'prod', tag: 'Environment=prod' }],
    configuration: { name: 'acme-state', owner: { id: 'abc' }, creationDate: '2024-01-01T00:00:00.000Z' },
    supplementaryConfiguration: {
      BucketVersioningConfiguration: { status: 'Off' },
      ServerSideEncryptionConfiguration: JSON.stringify({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: 'alias/state' }, bucketKeyEnabled: true }] }),
      PublicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false },
    },
  },
  {
    accountId: '210987654321',
    awsRegion: 'us-east-2',
    resourceType: 'AWS::EC2::InternetGateway',
    resourceId: 'igw-0a1b2c3d4e5f60718',
    configurationItemStatus: 'OK',
    tags: [],
    configuration: { internetGatewayId: 'igw-0a1b2c3d4e5f60718', attachments: [{ vpcId: 'vpc-0f1e2d3c4b5a69788', state: 'available' }] },
    supplementaryConfiguration: {},
  },
];

const config = mockClient(ConfigServiceClient);
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const iam = mockClient(IAMClient);
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };

beforeEach(() => {
  for (const mock of [config, sts, ec2, iam]) mock.reset();
  // IAM is read through its API with the Config source too (one call per account).
  iam.onAnyCommand().resolves({});
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' }] });
  recorder(true);
});

/** The region's recorder `default`, recording or stopped, with a delivery channel. */
function recorder(recording: boolean): void {
  config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [{ name: 'default', roleARN: `arn:aws:iam::${ACCOUNT}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] } }] });
  config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [{ name: 'default', recording, lastStatus: 'Success' }] });
  config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [{ name: 'default', s3BucketName: 'config-bucket' }] });
}
afterAll(() => {
  for (const mock of [config, sts, ec2, iam]) mock.restore();
});

/** Pages of two results each, as JSON strings, chained by NextToken. */
function pages(items: readonly unknown[]): { NextToken?: string; Results: string[] }[] {
  const out: { NextToken?: string; Results: string[] }[] = [];
  for (let i = 0; i < items.length; i += 2) out.push({ Results: items.slice(i, i + 2).map((item) => JSON.stringify(item)), ...(i + 2 < items.length ? { NextToken: String(i + 2) } : {}) });
  return out;
}

describe('the AWS Config source', () => {
  it('maps configuration items (lower camel case, floats, wrapped values) onto the same Terraform shapes', async () => {
    const all = pages(ITEMS.slice(0, 6));
    config.on(SelectResourceConfigCommand).callsFake((input: { NextToken?: string }) => all[input.NextToken ? Number(input.NextToken) / 2 : 0]);
    const collection = await collectLive({ source: { kind: 'config' }, credentials });
    expect(collection.gaps).toEqual([]);
    const [inventory, ...others] = buildInventories(collection.recording);
    expect(others).toEqual([]);
    expect(inventory!.input).toBe(`${ACCOUNT}/eu-west-1`);

    const group = inventory!.ofType('aws_security_group')[0]!;
    expect(group.values['ingress']).toEqual([
      { protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: 'anywhere' },
    ]);
    expect(group.tags).toEqual({ Name: 'ssh' });

    const db = inventory!.ofType('aws_db_instance')[0]!;
    expect([db.values['port'], db.values['db_subnet_group_name'], db.values['publicly_accessible'], db.values['storage_encrypted'], db.values['vpc_security_group_ids']]).toEqual([
      5432,
      'reports',
      true,
      false,
      ['sg-0a1b2c3d4e5f60718'],
    ]);
    expect(db.address).toBe(`arn:aws:rds:eu-west-1:${ACCOUNT}:db:reports`);
    expect(db.tags).toEqual({ Owner: 'data' });

    const cluster = inventory!.ofType('aws_rds_cluster')[0]!;
    expect([cluster.values['id'], cluster.values['endpoint'], cluster.values['availability_zones'], cluster.values['db_subnet_group_name'], cluster.values['port']]).toEqual([
      'ledger',
      'ledger.cluster-abc.eu-west-1.rds.amazonaws.com',
      ['eu-west-1a', 'eu-west-1b'],
      'reports',
      3306,
    ]);
    expect(inventory!.ofType('aws_ebs_volume')[0]!.values).toMatchObject({ encrypted: false, state: 'available', size: 100 });
    expect(inventory!.ofType('aws_subnet')).toEqual([]);

    const bucket = (type: string) => inventory!.ofType(type).find((r) => r.values['bucket'] === 'acme-state')!;
    expect(bucket('aws_s3_bucket').tags).toEqual({ Environment: 'prod' });
    expect(bucket('aws_s3_bucket_versioning').values['versioning_configuration']).toEqual([{ status: 'Disabled', mfa_delete: 'Disabled' }]);
    expect(bucket('aws_s3_bucket_server_side_encryption_configuration').values['rule']).toEqual([
      { apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'alias/state' }], bucket_key_enabled: true },
    ]);
    expect(bucket('aws_s3_bucket_public_access_block').values).toMatchObject({ block_public_acls: true, restrict_public_buckets: false });

    const query = (config.commandCalls(SelectResourceConfigCommand)[0]!.args[0].input as { Expression: string; Limit: number });
    expect(query.Expression).toBe(configQuery());
    expect(query.Expression).toContain("'AWS::EC2::SecurityGroup'");
    expect(query.Limit).toBe(100);
  });

  it('reads an aggregator in one query and files each item under its own account and region', async () => {
    const all = pages(ITEMS);
    config.on(SelectAggregateResourceConfigCommand).callsFake((input: { NextToken?: string }) => all[input.NextToken ? Number(input.NextToken) / 2 : 0]);
    const collection = await collectLive({ source: { kind: 'config-aggregator', aggregator: 'org', region: 'us-east-1' }, regions: ['eu-west-1', 'us-east-2'], credentials });
    expect(collection.recording.aggregator).toMatchObject({ name: 'org', region: 'us-east-1' });
    expect(collection.recording.source).toBe('config-aggregator:org@us-east-1');
    // An aggregator reads no IAM: the IAM policies' types are a gap, never a silent pass.
    expect(collection.gaps.map((g) => [g.service, g.operations, g.errorCode])).toEqual([['iam', ['GetAccountAuthorizationDetails'], 'NotReadFromConfig']]);
    const inventories = buildInventories(collection.recording);
    expect(inventories.map((i) => [i.input, i.resources.length])).toEqual([
      [`${ACCOUNT}/eu-west-1`, 8],
      ['210987654321/us-east-2', 1],
    ]);
    expect(inventories[1]!.ofType('aws_internet_gateway')[0]!.values['vpc_id']).toBe('vpc-0f1e2d3c4b5a69788');
    const input = config.commandCalls(SelectAggregateResourceConfigCommand)[0]!.args[0].input as { ConfigurationAggregatorName: string; Expression: string };
    expect(input.ConfigurationAggregatorName).toBe('org');
    expect(input.Expression).toContain("awsRegion IN ('eu-west-1', 'us-east-2')");
    expect(config.commandCalls(SelectAggregateResourceConfigCommand)).toHaveLength(4);
  });

  it('does not trust a region whose recorder is not recording: a coverage gap naming the region, not a clean audit', async () => {
    recorder(false);
    config.on(SelectResourceConfigCommand).resolves({ Results: [] });
    const collection = await collectLive({ source: { kind: 'config' }, regions: ['eu-west-1'], credentials });
    expect(collection.gaps).toEqual([
      expect.objectContaining({ scope: 'region', account: ACCOUNT, region: 'eu-west-1', service: 'config', operations: ['DescribeConfigurationRecorderStatus'], errorCode: 'ConfigRecorderNotRecording' }),
    ]);
    expect(collection.gaps[0]!.message).toContain('not recording');
    // The recorder itself is mapped, so config-recorder-enabled reports it.
    const [inventory] = buildInventories(collection.recording);
    expect(inventory!.ofType('aws_config_configuration_recorder_status').map((r) => r.values['is_enabled'])).toEqual([false]);
  });

  it('warden audit --source config with the recorder off ends incomplete (exit 3), never a clean 0', async () => {
    recorder(false);
    config.on(SelectResourceConfigCommand).resolves({ Results: [] });
    const dir = mkdtempSync(join(tmpdir(), 'warden-config-off-'));
    try {
      const output = join(dir, 'audit.json');
      const code = await auditCommand({ format: 'json', output, regions: ['eu-west-1'], source: 'config', only: ['sg-open-ingress'], quiet: true }, { credentials });
      expect(code).toBe(EXIT.incomplete);
      const report = JSON.parse(readFileSync(output, 'utf8'));
      expect(report.coverage.complete).toBe(false);
      expect(report.coverage.gaps[0].message).toContain('is not recording');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a region without any recorder, or whose recorder status cannot be read, is a gap too', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
    config.on(SelectResourceConfigCommand).resolves({ Results: [] });
    const none = await collectLive({ source: { kind: 'config' }, regions: ['eu-west-1'], credentials });
    expect(none.gaps.map((g) => g.errorCode)).toEqual(['ConfigRecorderNotRecording']);
    config.on(DescribeConfigurationRecorderStatusCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    const denied = await collectLive({ source: { kind: 'config' }, regions: ['eu-west-1'], credentials });
    expect(denied.gaps).toEqual([expect.objectContaining({ region: 'eu-west-1', operations: ['DescribeConfigurationRecorderStatus'], errorCode: 'AccessDeniedException' })]);
  });

  it('records a query that fails as a gap, and maps nothing for it', async () => {
    config.on(SelectResourceConfigCommand).rejects(Object.assign(new Error('Config is not enabled in this region'), { name: 'NoSuchConfigurationRecorderException' }));
    const collection = await collectLive({ source: { kind: 'config' }, regions: ['eu-west-1'], credentials });
    expect(collection.gaps).toEqual([
      expect.objectContaining({ scope: 'region', account: ACCOUNT, region: 'eu-west-1', service: 'config', errorCode: 'NoSuchConfigurationRecorderException' }),
    ]);
    const [inventory] = buildInventories(collection.recording);
    // Only the region's recorder setup, which is read with the Config API, not by the query.
    expect(inventory!.resources.filter((r) => !r.type.startsWith('aws_config_'))).toEqual([]);
  });
});
