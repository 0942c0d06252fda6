import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCommand } from '../../src/cli/audit-command.js';
import { EXIT } from '../../src/scan/exit-code.js';
import { CannedAws, callerIdentity, emptyQueryResponse, loggedRegion, NO_BUCKETS, type CannedRequest } from '../engines/live/canned-aws.js';

const ACCOUNT = '111122223333';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };

/** One security group with SSH open to the internet, plus `extraPort` when given. */
function groups(extraPort?: number): string {
  const permission = (port: number) =>
    `<item><ipProtocol>tcp</ipProtocol><fromPort>${port}</fromPort><toPort>${port}</toPort><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>`;
  return (
    '<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><securityGroupInfo><item>' +
    `<ownerId>${ACCOUNT}</ownerId><groupId>sg-0123456789abcdef0</groupId><groupName>admin</groupName><groupDescription>admin</groupDescription><vpcId>vpc-0123456789abcdef0</vpcId>` +
    `<ipPermissions>${permission(22)}${extraPort ? permission(extraPort) : ''}</ipPermissions>` +
    '<ipPermissionsEgress/><tagSet><item><key>Environment</key><value>prod</value></item><item><key>Owner</key><value>ops</value></item></tagSet></item></securityGroupInfo></DescribeSecurityGroupsResponse>'
  );
}

function estate(extraPort?: number) {
  return new CannedAws((request: CannedRequest) => {
    if (request.service === 'sts') return callerIdentity(ACCOUNT);
    if (request.service === 's3') return NO_BUCKETS;
    if (request.action === 'DescribeSecurityGroups') return { status: 200, body: groups(extraPort) };
    return loggedRegion(request) ?? emptyQueryResponse(request.service, request.action);
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-audit-baseline-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('warden audit with baselines (canned AWS, no network)', () => {
  it('records the live findings, then gates only a newly opened port', async () => {
    const baseline = join(dir, 'baseline.json');
    const report = join(dir, 'report.json');
    const audit = (flags: Record<string, string>, extraPort?: number) =>
      auditCommand({ format: 'json', output: report, regions: ['eu-west-1'], quiet: true, ...flags }, { credentials, requestHandler: estate(extraPort) });

    expect(await audit({ writeBaseline: baseline })).toBe(EXIT.ok);
    // The open port, and the group guarding nothing (sg-unused).
    expect(JSON.parse(readFileSync(baseline, 'utf8')).findings.map((f: { resource: string }) => f.resource)).toEqual([
      `arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-0123456789abcdef0`,
      `arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-0123456789abcdef0`,
    ]);

    expect(await audit({ baseline })).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(report, 'utf8')).summary).toMatchObject({ findings: 0, baselined: 2 });

    expect(await audit({ baseline }, 3389)).toBe(EXIT.failing);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.summary).toMatchObject({ findings: 1, baselined: 2 });
    expect(json.findings[0].message).toContain('3389');
  });
});
