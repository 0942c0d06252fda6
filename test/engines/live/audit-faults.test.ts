import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCommand } from '../../../src/cli/audit-command.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { EXIT } from '../../../src/scan/exit-code.js';
import { schemaErrors, validateReport } from '../../support/report-schemas.js';
import { listCallOf } from '../../../src/engines/live/collect/list-pages.js';
import { REGIONAL_DESCRIPTORS } from '../../../src/engines/live/descriptors/index.js';
import { CannedAws, callerIdentity, ec2Error, emptyQueryResponse, jsonError, loggedRegion, ACCOUNT_PUBLIC_ACCESS_BLOCKED, NO_BUCKETS, rdsError, restJsonError, type CannedRequest } from './canned-aws.js';

const ACCOUNT = '111122223333';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };

const GROUPS =
  '<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><securityGroupInfo><item>' +
  `<ownerId>${ACCOUNT}</ownerId><groupId>sg-0123456789abcdef0</groupId><groupName>web</groupName><groupDescription>web</groupDescription><vpcId>vpc-0123456789abcdef0</vpcId>` +
  '<ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions>' +
  '<ipPermissionsEgress/><tagSet><item><key>Environment</key><value>prod</value></item><item><key>Owner</key><value>web</value></item></tagSet></item></securityGroupInfo></DescribeSecurityGroupsResponse>';

/**
 * eu-west-1 answers, but throttles DescribeSecurityGroups twice before answering; eu-central-1 is
 * denied (an SCP on the region); ap-south-1 never answers (the connection times out).
 */
function estate(request: CannedRequest, attempt: number) {
  const { service, region, action } = request;
  if (service === 'sts') return callerIdentity(ACCOUNT);
  if (service === 's3') return NO_BUCKETS;
  if (service === 's3-control') return ACCOUNT_PUBLIC_ACCESS_BLOCKED;
  if (region === 'ap-south-1') return Object.assign(new Error('connect ETIMEDOUT 203.0.113.1:443'), { name: 'TimeoutError', code: 'ETIMEDOUT' });
  if (region === 'eu-central-1') {
    if (service === 'ec2') return ec2Error(403, 'UnauthorizedOperation', 'You are not authorized to perform this operation.');
    if (['kms', 'cloudtrail', 'config'].includes(service)) return jsonError(400, 'AccessDeniedException', `not authorized to perform: ${service}:${action}`);
    if (['sqs', 'dynamodb'].includes(service)) return jsonError(400, 'AccessDeniedException', `not authorized to perform: ${service}:${action}`);
    if (service === 'eks' || service === 'es') return restJsonError(403, 'AccessDeniedException', `User is not authorized to perform: ${service}:${action}`);
    if (service === 'elasticfilesystem') return restJsonError(403, 'AccessDeniedException', `User is not authorized to perform: elasticfilesystem:${action}`);
    if (['logs', 'secretsmanager', 'kinesis'].includes(service)) return jsonError(400, 'AccessDeniedException', `not authorized to perform: ${service}:${action}`);
    return rdsError(403, 'AccessDenied', `User is not authorized to perform: ${service}:${action} with an explicit deny in a service control policy`);
  }
  if (action === 'DescribeSecurityGroups') return attempt <= 2 ? ec2Error(503, 'RequestLimitExceeded', 'Request limit exceeded.') : { status: 200, body: GROUPS };
  return loggedRegion(request) ?? emptyQueryResponse(service, action);
}

/** The services a full audit reads per region, and the operations of each. */
const SERVICES = [...new Set(REGIONAL_DESCRIPTORS.map((d) => d.service))].sort();
const operationsOf = (service: string): string[] => [...new Set(REGIONAL_DESCRIPTORS.filter((d) => d.service === service).map((d) => listCallOf(d).operation))].sort();
const DENIAL: Record<string, string> = {
  ec2: 'UnauthorizedOperation',
  rds: 'AccessDenied',
  redshift: 'AccessDenied',
  elasticache: 'AccessDenied',
  elb: 'AccessDenied',
  elbv2: 'AccessDenied',
  eks: 'AccessDeniedException',
  opensearch: 'AccessDeniedException',
  kms: 'AccessDeniedException',
  cloudtrail: 'AccessDeniedException',
  config: 'AccessDeniedException',
  autoscaling: 'AccessDenied',
  sqs: 'AccessDeniedException',
  sns: 'AccessDenied',
  dynamodb: 'AccessDeniedException',
  efs: 'AccessDeniedException',
  logs: 'AccessDeniedException',
  secretsmanager: 'AccessDeniedException',
  kinesis: 'AccessDeniedException',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('warden audit under faults (SDK with a canned HTTP handler, no network)', () => {
  it('retries throttling, records the denied and the unreachable region, finishes the rest and exits 3', async () => {
    const aws = new CannedAws(estate);
    const report = join(dir, 'audit.json');
    const inventory = join(dir, 'inventory.json');
    const code = await auditCommand(
      // The lone group guards nothing (sg-unused would fail the run): this test is about the faults.
      { format: 'json', output: report, regions: ['eu-west-1', 'eu-central-1', 'ap-south-1'], maxAttempts: '3', saveInventory: inventory, quiet: true, skip: ['sg-unused'] },
      { credentials, requestHandler: aws },
    );
    expect(code).toBe(EXIT.incomplete);

    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(validateReport(json), schemaErrors(validateReport)).toBe(true);
    expect(json.command).toBe('audit');
    expect(json.coverage.complete).toBe(false);
    expect(json.inputs).toEqual([
      { path: `${ACCOUNT}/ap-south-1`, kind: 'live', status: 'error', error: expect.stringContaining('TimeoutError') },
      { path: `${ACCOUNT}/eu-central-1`, kind: 'live', status: 'error', error: expect.stringContaining('UnauthorizedOperation') },
      // The security group; the region's CloudTrail record (the organization trail is homed elsewhere);
      // its recorder, recorder status, delivery channel and AWS Config record; the S3 account block.
      { path: `${ACCOUNT}/eu-west-1`, kind: 'live', status: 'scanned', resources: 7, details: { source: 'api' } },
    ]);

    const denied = json.coverage.gaps.filter((g: { region?: string }) => g.region === 'eu-central-1');
    const bySevice = <G extends { service: string }>(gaps: G[]): G[] => [...gaps].sort((a, b) => a.service.localeCompare(b.service));
    expect(bySevice(denied).map((g: Record<string, unknown>) => [g['scope'], g['account'], g['service'], g['errorCode'], [...(g['operations'] as string[])].sort()])).toEqual(
      SERVICES.map((service) => ['region', ACCOUNT, service, DENIAL[service], operationsOf(service)]),
    );
    expect(denied.find((g: { service: string }) => g.service === 'ec2').operations).toContain('DescribeSecurityGroups');
    // Every type of the unreachable region is reported, tried or not.
    const timedOut: { service: string; errorCode: string; operations: string[] }[] = json.coverage.gaps.filter((g: { region?: string }) => g.region === 'ap-south-1');
    expect(bySevice(timedOut).map((g: { service: string; errorCode: string; operations: string[] }) => [g.service, g.errorCode, g.operations.length])).toEqual(
      SERVICES.map((service) => [service, 'TimeoutError', operationsOf(service).length]),
    );
    expect(json.coverage.gaps.some((g: { region?: string }) => g.region === 'eu-west-1')).toBe(false);

    // Two throttled attempts before the answer: counted as retries of one call.
    const sgAttempts = aws.requests.filter((r) => r.region === 'eu-west-1' && r.action === 'DescribeSecurityGroups');
    expect(sgAttempts).toHaveLength(3);
    const calls = json.coverage.apiCalls;
    expect(calls.byOperation['ec2:DescribeSecurityGroups']).toBe(2); // eu-west-1 (3 attempts) and eu-central-1; not tried in ap-south-1
    // eu-west-1: one call per list + Config's 2 region-wide companions + the trail's status and selectors
    // + STS + ListBuckets + IAM (global, read once with the home region) + the S3 account block (no load
    // balancers, clusters or snapshots, so no other per-resource calls); eu-central-1: as many denied list
    // calls (no companions or details after a denied list); ap-south-1: only the first 4 calls (the
    // region's concurrency) were tried: once they timed out, the others were not sent.
    const lists = new Set(REGIONAL_DESCRIPTORS.map((d) => `${d.service}:${listCallOf(d).operation}`)).size;
    // + the stale groups of the group's VPC + the four IAM account-setting calls.
    expect(calls.byTarget).toEqual({ [`${ACCOUNT}/ap-south-1`]: 4, [`${ACCOUNT}/eu-central-1`]: lists, [`${ACCOUNT}/eu-west-1`]: lists + 13 });
    expect(calls.byOperation['s3control:GetPublicAccessBlock']).toBe(1);
    expect(calls.byOperation['ec2:DescribeStaleSecurityGroups']).toBe(1);
    expect(calls.total).toBe(4 + 2 * lists + 13);
    expect(aws.requests.filter((r) => r.region === 'ap-south-1')).toHaveLength(4 * 3);
    // The throttled call's 2 retries, plus 2 per timed-out call (3 attempts each); denials are not retried.
    expect(calls.byService.ec2.retries).toBe(2 + 4 * 2);
    expect(calls.byService.rds.calls).toBe(operationsOf('rds').length * 2);
    expect(calls.byService.rds.retries).toBe(0);
    expect(calls.retries).toBe(2 + 4 * 2);

    // The security group read after the throttling made it into the audit and into the saved inventory.
    const saved = JSON.parse(readFileSync(inventory, 'utf8'));
    expect(saved.warden_inventory).toBe(1);
    const west = saved.targets.find((t: { region: string }) => t.region === 'eu-west-1');
    expect(west.responses['ec2:DescribeSecurityGroups'][0].SecurityGroups[0].GroupId).toBe('sg-0123456789abcdef0');
    expect(JSON.stringify(saved)).not.toContain(credentials.secretAccessKey);
    expect(readFileSync(report, 'utf8')).not.toContain(credentials.secretAccessKey);
  });

  it('refuses to save the inventory into a directory with a one-line usage error', async () => {
    const aws = new CannedAws(estate);
    const run = auditCommand({ format: 'json', output: join(dir, 'audit.json'), regions: ['eu-west-1'], saveInventory: dir, quiet: true }, { credentials, requestHandler: aws });
    await expect(run).rejects.toThrow(new UsageError(`cannot write ${dir}: is a directory`));
  });

  it('exits 2 when nothing at all can be read', async () => {
    const aws = new CannedAws((request) => (request.service === 'sts' ? callerIdentity(ACCOUNT) : ec2Error(403, 'UnauthorizedOperation', 'denied')));
    const code = await auditCommand({ format: 'json', output: join(dir, 'a.json'), regions: ['eu-west-1'], maxAttempts: '1', quiet: true }, { credentials, requestHandler: aws });
    expect(code).toBe(EXIT.error);
  });
});
