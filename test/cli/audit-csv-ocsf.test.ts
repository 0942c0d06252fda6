import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCommand } from '../../src/cli/audit-command.js';
import { CSV_COLUMNS } from '../../src/report/csv/csv-columns.js';
import { EXIT } from '../../src/scan/exit-code.js';
import { CannedAws, callerIdentity, emptyQueryResponse, NO_BUCKETS, type CannedRequest } from '../engines/live/canned-aws.js';
import { schemaErrors, validateOcsf } from '../support/report-schemas.js';

const ACCOUNT = '111122223333';
const GROUP_ARN = `arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-0123456789abcdef0`;
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };

/** One security group open to the internet on 22, named by its Name tag. */
const GROUPS =
  '<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><securityGroupInfo><item>' +
  `<ownerId>${ACCOUNT}</ownerId><groupId>sg-0123456789abcdef0</groupId><groupName>ssh</groupName><groupDescription>ssh</groupDescription><vpcId>vpc-0123456789abcdef0</vpcId>` +
  '<ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions>' +
  '<ipPermissionsEgress/><tagSet><item><key>Name</key><value>bastion-ssh</value></item></tagSet></item></securityGroupInfo></DescribeSecurityGroupsResponse>';

function estate({ service, action }: CannedRequest) {
  if (service === 'sts') return callerIdentity(ACCOUNT);
  if (service === 's3') return NO_BUCKETS;
  if (action === 'DescribeSecurityGroups') return { status: 200, body: GROUPS };
  return emptyQueryResponse(service, action);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-audit-formats-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('warden audit --report csv=… --report ocsf=…', () => {
  it('writes live findings with account, region, ARN and Name tag; every OCSF event valid', async () => {
    const csvFile = join(dir, 'audit.csv');
    const ocsfFile = join(dir, 'audit.ocsf.json');
    const code = await auditCommand(
      { format: 'console', quiet: true, regions: ['eu-west-1'], report: [`csv=${csvFile}`, `ocsf=${ocsfFile}`] },
      { credentials, requestHandler: new CannedAws(estate) },
    );
    expect(code).toBe(EXIT.failing);

    const [header, ...rows] = readFileSync(csvFile, 'utf8').trimEnd().split('\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    const ssh = rows.map((row) => row.split(',')).filter((cells) => cells[2] === GROUP_ARN);
    expect(ssh.length).toBeGreaterThan(0);
    for (const cells of ssh) expect(cells.slice(0, 5)).toEqual([ACCOUNT, 'eu-west-1', GROUP_ARN, 'bastion-ssh', 'aws_security_group']);

    const events = JSON.parse(readFileSync(ocsfFile, 'utf8')) as Record<string, any>[];
    expect(events).toHaveLength(rows.length);
    for (const event of events) expect(validateOcsf(event), schemaErrors(validateOcsf)).toBe(true);
    const event = events.find((e) => e['resources'][0].uid === GROUP_ARN)!;
    expect(event['cloud']).toEqual({ provider: 'AWS', account: { uid: ACCOUNT }, region: 'eu-west-1' });
    expect(event['resources'][0]).toMatchObject({ name: 'bastion-ssh', region: 'eu-west-1', type: 'aws_security_group' });
  });
});
