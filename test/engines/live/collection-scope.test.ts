import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCommand, type AuditFlags } from '../../../src/cli/audit-command.js';
import { collectionScope } from '../../../src/engines/live/collection-scope.js';
import { CannedAws, callerIdentity, emptyQueryResponse, NO_BUCKETS } from './canned-aws.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-scope-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs an audit of two regions against an empty estate and returns its call report. */
async function callsOf(flags: Partial<AuditFlags>): Promise<{ total: number; byOperation: Record<string, number> }> {
  const aws = new CannedAws((request) => (request.service === 'sts' ? callerIdentity('111122223333') : request.service === 's3' ? NO_BUCKETS : emptyQueryResponse(request.service, request.action)));
  const report = join(dir, `audit-${Math.random()}.json`);
  await auditCommand({ format: 'json', output: report, regions: ['eu-west-1', 'us-east-1'], quiet: true, ...flags }, { credentials, requestHandler: aws });
  return JSON.parse(readFileSync(report, 'utf8')).coverage.apiCalls;
}

describe('policy selection narrows what a live audit reads', () => {
  it('--only sg-open-ingress lists security groups and prefix lists, nothing else', async () => {
    const all = await callsOf({});
    const only = await callsOf({ only: ['sg-open-ingress'] });
    expect(Object.keys(only.byOperation).sort()).toEqual(['ec2:DescribeManagedPrefixLists', 'ec2:DescribeSecurityGroups', 'sts:GetCallerIdentity']);
    // 2 list calls per region and one identity call, against every descriptor and the bucket listing.
    expect(only.total).toBe(5);
    expect(all.total).toBeGreaterThan(only.total * 4);
    expect(all.byOperation['s3:ListBuckets']).toBe(1);
  });

  it('--only a KMS, CloudTrail or AWS Config policy reads that service and its region-wide calls, nothing else', async () => {
    const kms = await callsOf({ only: ['kms-key-rotation'] });
    expect(Object.keys(kms.byOperation).sort()).toEqual(['kms:ListKeys', 'sts:GetCallerIdentity']);
    const trails = await callsOf({ only: ['cloudtrail-multi-region'] });
    expect(Object.keys(trails.byOperation).sort()).toEqual(['cloudtrail:DescribeTrails', 'sts:GetCallerIdentity']);
    const config = await callsOf({ only: ['config-recorder-enabled'] });
    expect(config.byOperation).toEqual({
      'config:DescribeConfigurationRecorderStatus': 2,
      'config:DescribeConfigurationRecorders': 2,
      'config:DescribeDeliveryChannels': 2,
      'sts:GetCallerIdentity': 1,
    });
  });

  it('each catalogue policy of issue 16 reads its own services only', async () => {
    const operations = async (id: string): Promise<string[]> => Object.keys((await callsOf({ only: [id] })).byOperation).filter((op) => !op.startsWith('sts:')).sort();
    expect(await operations('vpc-flow-logs')).toEqual(['ec2:DescribeFlowLogs', 'ec2:DescribeVpcs']);
    expect(await operations('eks-endpoint-public')).toEqual(['eks:ListClusters']);
    expect(await operations('encryption-in-transit')).toEqual(['elasticache:DescribeReplicationGroups', 'opensearch:ListDomainNames']);
    expect(await operations('snapshot-public')).toEqual(['ec2:DescribeImages', 'ec2:DescribeSnapshots', 'rds:DescribeDBClusterSnapshots', 'rds:DescribeDBSnapshots']);
  });

  it('encryption-at-rest reads the list calls of the data stores it judges and the per-stream summary, nothing else', async () => {
    const calls = await callsOf({ only: ['encryption-at-rest'] });
    // No kms:ListKeys: keys are read only with customerManagedKey (test/scan/audit-reads-kms-keys.test.ts).
    expect(Object.keys(calls.byOperation).filter((op) => !op.startsWith('sts:')).sort()).toEqual([
      'dynamodb:ListTables',
      'efs:DescribeFileSystems',
      'elasticache:DescribeReplicationGroups',
      'kinesis:ListStreams',
      'logs:DescribeLogGroups',
      'opensearch:ListDomainNames',
      'rds:DescribeDBClusters',
      'redshift:DescribeClusters',
      'secretsmanager:ListSecrets',
      'sns:ListTopics',
      'sqs:ListQueues',
    ]);
    // No stream listed, so no DescribeStreamSummary: detail calls follow the listed items.
    const scope = collectionScope((type) => type === 'aws_kinesis_stream');
    expect(scope.descriptors.map((d) => [`${d.service}:${d.operation}`, (d.details ?? []).map((call) => call.operation)])).toEqual([['kinesis:ListStreams', ['DescribeStreamSummary']]]);
  });

  it('launch-time policies read the launchers and, for encryption, the region\'s EBS default', async () => {
    const encryption = await callsOf({ only: ['launch-block-device-unencrypted'] });
    expect(Object.keys(encryption.byOperation).sort()).toEqual([
      'autoscaling:DescribeLaunchConfigurations',
      'ec2:DescribeLaunchTemplateVersions',
      'ec2:GetEbsEncryptionByDefault',
      'sts:GetCallerIdentity',
    ]);
    const imds = await callsOf({ only: ['imdsv2-required'] });
    // imdsv2-required declares aws_ami, which the public-AMI listing (DescribeImages, ExecutableUsers=all) produces.
    expect(Object.keys(imds.byOperation).sort()).toEqual([
      'autoscaling:DescribeLaunchConfigurations',
      'ec2:DescribeImages',
      'ec2:DescribeInstances',
      'ec2:DescribeLaunchTemplateVersions',
      'ec2:GetInstanceMetadataDefaults',
      'sts:GetCallerIdentity',
    ]);
  });

  it('--skip leaves out the calls only the skipped policies needed', async () => {
    const all = await callsOf({});
    // required-tags reads every taggable type, so it is skipped too for volumes to drop out.
    const withTags = await callsOf({ skip: ['ebs-unencrypted', 'ebs-volume-unattached'] });
    const skipped = await callsOf({ skip: ['ebs-unencrypted', 'ebs-volume-unattached', 'required-tags'] });
    expect(all.byOperation['ec2:DescribeVolumes']).toBe(2);
    expect(withTags.byOperation['ec2:DescribeVolumes']).toBe(2);
    expect(skipped.byOperation['ec2:DescribeVolumes']).toBeUndefined();
    expect(skipped.byOperation['ec2:DescribeSecurityGroups']).toBe(2);
  });

  it('a reachability policy reads the whole network path its metadata names', async () => {
    const { descriptors, buckets } = collectionScope((type) => ['aws_db_instance', 'aws_subnet', 'aws_route_table_association', 'aws_security_group'].includes(type));
    expect(descriptors.map((d) => d.operation)).toEqual(['DescribeSubnets', 'DescribeRouteTables', 'DescribeSecurityGroups', 'DescribeManagedPrefixLists', 'DescribeDBInstances']);
    expect(buckets).toBe(false);
    const db = await callsOf({ only: ['db-internet-reachable'] });
    for (const operation of ['DescribeVpcs', 'DescribeSubnets', 'DescribeRouteTables', 'DescribeInternetGateways', 'DescribeNetworkAcls', 'DescribeSecurityGroups']) {
      expect(db.byOperation[`ec2:${operation}`]).toBe(2);
    }
    expect(db.byOperation['ec2:DescribeVolumes']).toBeUndefined();
    // Every database kind: Redshift from its own API, Neptune and DocumentDB from the RDS calls.
    for (const operation of ['rds:DescribeDBInstances', 'rds:DescribeDBClusters', 'rds:DescribeDBSubnetGroups', 'redshift:DescribeClusters', 'redshift:DescribeClusterSubnetGroups']) {
      expect(db.byOperation[operation], operation).toBe(2);
    }
  });

  it('a policy on Neptune or instances reads the list calls that produce those types, not the databases it does not need', () => {
    const neptune = collectionScope((type) => type === 'aws_neptune_cluster_instance');
    expect(neptune.descriptors.map((d) => d.operation)).toEqual(['DescribeDBInstances']);
    const instances = collectionScope((type) => ['aws_instance', 'aws_eip', 'aws_subnet'].includes(type));
    expect(instances.descriptors.map((d) => `${d.service}:${d.operation}`)).toEqual(['ec2:DescribeSubnets', 'ec2:DescribeInstances', 'ec2:DescribeAddresses']);
  });

  it('--framework reads only what the mapped policies read; a policy without declared types reads everything', async () => {
    const all = await callsOf({});
    // PCI DSS maps fewer policies than the whole catalogue: fewer list calls.
    const framework = await callsOf({ framework: ['pci'] });
    expect(framework.total).toBeLessThan(all.total);
    expect(collectionScope(undefined).buckets).toBe(true);
    expect(collectionScope((type) => type.startsWith('aws_s3_bucket')).buckets).toBe(true);
    expect(collectionScope((type) => type.startsWith('aws_s3_bucket')).descriptors).toEqual([]);
  });
});

describe('S3 reads follow the policies too', () => {
  it('the account-level block is one S3 Control call, made only for a policy that reads it', async () => {
    const account = await callsOf({ only: ['s3-account-public-access-block'] });
    expect(Object.keys(account.byOperation).sort()).toEqual(['s3control:GetPublicAccessBlock', 'sts:GetCallerIdentity']);
    const versioning = await callsOf({ only: ['s3-bucket-versioning'] });
    expect(Object.keys(versioning.byOperation).sort()).toEqual(['s3:ListBuckets', 'sts:GetCallerIdentity']);
    // The bucket-level block policy needs both: the bucket's own block and the account's.
    const bucketBlock = await callsOf({ only: ['s3-bucket-public-access-block'] });
    expect(Object.keys(bucketBlock.byOperation).sort()).toEqual(['s3:ListBuckets', 's3control:GetPublicAccessBlock', 'sts:GetCallerIdentity']);
  });

  it('encryption-at-rest lists queues, topics and tables (with its defaults no KMS key); resource-policy-public lists queues and topics, not tables', async () => {
    const atRest = Object.keys((await callsOf({ only: ['encryption-at-rest'] })).byOperation);
    expect(atRest).toEqual(expect.arrayContaining(['sqs:ListQueues', 'sns:ListTopics', 'dynamodb:ListTables']));
    expect(atRest).not.toContain('kms:ListKeys');
    const policies = Object.keys((await callsOf({ only: ['resource-policy-public'] })).byOperation);
    expect(policies).toEqual(expect.arrayContaining(['sqs:ListQueues', 'sns:ListTopics', 'kms:ListKeys']));
    expect(policies).not.toContain('dynamodb:ListTables');
    const unrelated = Object.keys((await callsOf({ only: ['kms-key-rotation'] })).byOperation);
    expect(unrelated.filter((operation) => /^(sqs|sns|dynamodb):/.test(operation))).toEqual([]);
  });
});

describe('a narrowed audit stays honest', () => {
  it('a policy reading no live type makes no regional call and the regions are still scanned, not in error', async () => {
    const aws = new CannedAws((request) => (request.service === 'sts' ? callerIdentity('111122223333') : emptyQueryResponse(request.service, request.action)));
    const report = join(dir, 'audit.json');
    const code = await auditCommand({ format: 'json', output: report, regions: ['eu-west-1'], only: ['state-file-committed'], quiet: true }, { credentials, requestHandler: aws });
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.coverage.apiCalls.total).toBe(1);
    expect(code).toBe(0);
  });

  it('--save-inventory reads everything, since the file may be scanned later with other policies', async () => {
    const aws = new CannedAws((request) => (request.service === 'sts' ? callerIdentity('111122223333') : request.service === 's3' ? NO_BUCKETS : emptyQueryResponse(request.service, request.action)));
    const report = join(dir, 'audit.json');
    await auditCommand(
      { format: 'json', output: report, regions: ['eu-west-1'], only: ['sg-open-ingress'], saveInventory: join(dir, 'inventory.json'), quiet: true },
      { credentials, requestHandler: aws },
    );
    const calls = JSON.parse(readFileSync(report, 'utf8')).coverage.apiCalls;
    expect(calls.byOperation['ec2:DescribeVolumes']).toBe(1);
    expect(calls.byOperation['s3:ListBuckets']).toBe(1);
  });
});
