import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCommand } from '../../../src/cli/audit-command.js';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { EXIT } from '../../../src/scan/exit-code.js';
import { CannedAws, callerIdentity, emptyQueryResponse, jsonError, NO_BUCKETS, type CannedRequest, type CannedResponse } from './canned-aws.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/d38e6df4-3a19-4516-9f4b-ab568e9bccc5`;

const ok = (body: unknown): CannedResponse => ({ status: 200, body: JSON.stringify(body) });

/** An EFS file system as DescribeFileSystems writes it (timestamps in epoch seconds on the wire). */
function fileSystem(id: string, encrypted: boolean, tags: { Key: string; Value: string }[]) {
  return {
    OwnerId: ACCOUNT,
    CreationToken: `token-${id}`,
    FileSystemId: id,
    FileSystemArn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${id}`,
    CreationTime: 1735938874,
    LifeCycleState: 'available',
    NumberOfMountTargets: 0,
    SizeInBytes: { Value: 6144, ValueInIA: 0, ValueInStandard: 6144, ValueInArchive: 0 },
    PerformanceMode: 'generalPurpose',
    Encrypted: encrypted,
    ...(encrypted ? { KmsKeyId: KEY } : {}),
    ThroughputMode: 'bursting',
    Tags: tags,
    FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
  };
}

function summary(name: string, encryption: 'NONE' | 'KMS') {
  return {
    StreamDescriptionSummary: {
      StreamName: name,
      StreamARN: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${name}`,
      StreamStatus: 'ACTIVE',
      StreamModeDetails: { StreamMode: 'PROVISIONED' },
      RetentionPeriodHours: 24,
      StreamCreationTimestamp: 1740823200,
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      EncryptionType: encryption,
      ...(encryption === 'KMS' ? { KeyId: 'alias/aws/kinesis' } : {}),
      OpenShardCount: 1,
      ConsumerCount: 0,
    },
  };
}

/**
 * A region with two pages of file systems and of log groups, two secrets (one on the AWS managed
 * key) and two streams; `denySummary` names a stream whose DescribeStreamSummary is denied.
 */
function estate(denySummary?: string) {
  return (request: CannedRequest): CannedResponse => {
    const { service, action, input } = request;
    if (service === 'sts') return callerIdentity(ACCOUNT);
    if (service === 's3') return NO_BUCKETS;
    if (service === 'elasticfilesystem') {
      return input['Marker'] === 'page-2'
        ? ok({ FileSystems: [fileSystem('fs-0cfc0ddff36f44742', true, [{ Key: 'Name', Value: 'home' }])] })
        : ok({ FileSystems: [fileSystem('fs-095fec21dd6d065fb', false, [])], NextMarker: 'page-2' });
    }
    if (service === 'logs') {
      return input['nextToken'] === 'page-2'
        ? ok({ logGroups: [{ logGroupName: '/audit', creationTime: 1476976332320, metricFilterCount: 0, arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/audit:*`, storedBytes: 386 }] })
        : ok({
            logGroups: [{ logGroupName: '/app', creationTime: 1476975252441, retentionInDays: 90, metricFilterCount: 0, arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app:*`, storedBytes: 1167, kmsKeyId: KEY }],
            nextToken: 'page-2',
          });
    }
    if (service === 'secretsmanager') {
      return ok({
        SecretList: [
          { ARN: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-KGqqf5`, Name: 'db', Tags: [], CreatedDate: 1661268740.44 },
          { ARN: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:api-tBN3Sv`, Name: 'api', KmsKeyId: KEY, RotationEnabled: true, Tags: [{ Key: 'Owner', Value: 'payments' }], CreatedDate: 1661268740.44 },
        ],
      });
    }
    if (service === 'kinesis' && action === 'ListStreams') {
      const streams = ['events', 'orders'].map((name) => ({ StreamName: name, StreamARN: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${name}`, StreamStatus: 'ACTIVE', StreamCreationTimestamp: 1740823200 }));
      return ok({ StreamNames: ['events', 'orders'], HasMoreStreams: false, StreamSummaries: streams });
    }
    if (service === 'kinesis' && action === 'DescribeStreamSummary') {
      const name = String(input['StreamName']);
      if (name === denySummary) return jsonError(400, 'AccessDeniedException', `not authorized to perform: kinesis:DescribeStreamSummary on stream/${name}`);
      return ok(summary(name, name === 'orders' ? 'KMS' : 'NONE'));
    }
    return emptyQueryResponse(service, action);
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-at-rest-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('EFS, CloudWatch Logs, Secrets Manager and Kinesis in a live audit (SDK with a canned HTTP handler)', () => {
  it('reads every page of each list and one DescribeStreamSummary per stream, and maps them to the Terraform types', async () => {
    const aws = new CannedAws(estate());
    const collection = await collectLive({ source: { kind: 'api' }, regions: [REGION], credentials, requestHandler: aws, readsType: (type) => type === 'aws_efs_file_system' || type === 'aws_cloudwatch_log_group' || type === 'aws_secretsmanager_secret' || type === 'aws_kinesis_stream' });
    expect(collection.gaps).toEqual([]);
    const { byOperation } = collection.apiCalls;
    expect(Object.fromEntries(Object.entries(byOperation).filter(([operation]) => !operation.startsWith('sts:')))).toEqual({
      'efs:DescribeFileSystems': 2,
      'logs:DescribeLogGroups': 2,
      'secretsmanager:ListSecrets': 1,
      'kinesis:ListStreams': 1,
      'kinesis:DescribeStreamSummary': 2,
    });
    // The page sizes asked for are within each API's limit.
    expect(aws.requests.find((r) => r.service === 'elasticfilesystem')!.input['MaxItems']).toBe('100');
    expect(aws.requests.find((r) => r.service === 'logs')!.input['limit']).toBe(50);

    const [inventory] = buildInventories(collection.recording);
    const values = (type: string, ...names: string[]) => inventory!.ofType(type).map((r) => [r.address, ...names.map((n) => r.values[n])]);
    expect(values('aws_efs_file_system', 'encrypted', 'kms_key_id', 'creation_token')).toEqual([
      [`arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/fs-095fec21dd6d065fb`, false, null, 'token-fs-095fec21dd6d065fb'],
      [`arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/fs-0cfc0ddff36f44742`, true, KEY, 'token-fs-0cfc0ddff36f44742'],
    ]);
    expect(inventory!.ofType('aws_efs_file_system').map((r) => [r.name, r.tags])).toEqual([
      ['fs-095fec21dd6d065fb', {}],
      ['home', { Name: 'home' }],
    ]);
    // Log groups: the Terraform arn (without `:*`); no tags in the listing, so none at all (not empty).
    expect(values('aws_cloudwatch_log_group', 'name', 'kms_key_id', 'retention_in_days')).toEqual([
      [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app`, '/app', KEY, 90],
      [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/audit`, '/audit', null, 0],
    ]);
    expect(inventory!.ofType('aws_cloudwatch_log_group').map((r) => r.tags)).toEqual([undefined, undefined]);
    // A secret without KmsKeyId is on the AWS managed key.
    expect(values('aws_secretsmanager_secret', 'kms_key_id', 'rotation_enabled')).toEqual([
      [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-KGqqf5`, 'alias/aws/secretsmanager', false],
      [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:api-tBN3Sv`, KEY, true],
    ]);
    expect(values('aws_kinesis_stream', 'name', 'encryption_type', 'kms_key_id')).toEqual([
      [`arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/events`, 'events', 'NONE', null],
      [`arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/orders`, 'orders', 'KMS', 'alias/aws/kinesis'],
    ]);
  });

  it('a denied DescribeStreamSummary is a gap naming the operation, that stream is unknown, and the audit is incomplete, not green', async () => {
    const aws = new CannedAws(estate('orders'));
    const report = join(dir, 'audit.json');
    const code = await auditCommand({ format: 'json', output: report, regions: [REGION], only: ['encryption-at-rest'], quiet: true }, { credentials, requestHandler: aws });
    expect(code).toBe(EXIT.failing);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.coverage.complete).toBe(false);
    expect(json.coverage.gaps.map((g: Record<string, unknown>) => [g['service'], g['operations'], g['errorCode']])).toEqual([['kinesis', ['DescribeStreamSummary'], 'AccessDeniedException']]);
    const verdicts = json.findings
      .filter((f: { verdict: string }) => f.verdict !== 'pass')
      .map((f: { verdict: string; resource: { address: string } }) => [f.verdict, f.resource.address])
      .sort();
    expect(verdicts).toEqual([
      ['fail', `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/fs-095fec21dd6d065fb`],
      ['fail', `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/events`],
      ['unknown', `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/orders`],
    ]);
    const unknown = json.findings.find((f: { verdict: string }) => f.verdict === 'unknown');
    expect(JSON.stringify(unknown)).toContain('DescribeStreamSummary failed: AccessDeniedException');
  });

  it('a denied ListSecrets is a gap naming it, and an audit with nothing else failing exits 3 (incomplete), not 0', async () => {
    const aws = new CannedAws((request) => {
      if (request.service === 'secretsmanager') return jsonError(400, 'AccessDeniedException', 'not authorized to perform: secretsmanager:ListSecrets');
      return request.service === 'sts' ? callerIdentity(ACCOUNT) : request.service === 's3' ? NO_BUCKETS : emptyQueryResponse(request.service, request.action);
    });
    const report = join(dir, 'audit.json');
    const code = await auditCommand({ format: 'json', output: report, regions: [REGION], only: ['encryption-at-rest'], quiet: true }, { credentials, requestHandler: aws });
    expect(code).toBe(EXIT.incomplete);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.coverage.gaps.map((g: Record<string, unknown>) => [g['service'], g['operations'], g['errorCode']])).toEqual([['secretsmanager', ['ListSecrets'], 'AccessDeniedException']]);
    expect(json.findings.filter((f: { verdict: string }) => f.verdict !== 'pass')).toEqual([]);
  });
});
