import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inventoryCommand } from '../../src/cli/inventory-command.js';
import { EXIT } from '../../src/scan/exit-code.js';
import { REPO } from '../engines/hcl/hcl-helpers.js';
import { CannedAws, callerIdentity, emptyQueryResponse, NO_BUCKETS, type CannedRequest } from '../engines/live/canned-aws.js';
import { runMain } from '../support/run-main.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-inventory-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('warden inventory PATH…', () => {
  it('prints the console tree of a .tf estate by default', async () => {
    const run = await runMain(['inventory', 'test/fixtures/inventory/three-tier'], REPO);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toMatch(/^test\/fixtures\/inventory\/three-tier \(hcl\)\n├─ VPC three-tier/);
    expect(run.stderr).toBe('');
  });

  it('writes JSON and CSV to a file', async () => {
    const json = join(dir, 'inventory.json');
    expect((await runMain(['inventory', 'fixtures/live-estate/inventory.json', '--format', 'json', '--output', json], REPO)).code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(json, 'utf8')).inputs[0].input).toBe('111122223333/eu-west-1');
    const csv = await runMain(['inventory', 'fixtures/modules-repo/plan.json', '--format', 'csv'], REPO);
    expect(csv.stdout.split('\n')[0]).toMatch(/^input,source,kind,type,address,id,name,vpc,/);
  });

  it('an unreadable input is one line on stderr and exit 3; the others are still listed', async () => {
    const run = await runMain(['inventory', 'no-such-plan.json', 'test/fixtures/inventory/three-tier'], REPO);
    expect(run.code).toBe(EXIT.incomplete);
    expect(run.stderr).toMatch(/^warden: no-such-plan\.json: [^\n]+\n$/);
    expect(run.stdout).toContain('VPC three-tier');
  });

  it('nothing readable is exit 2', async () => {
    const run = await runMain(['inventory', 'no-such-plan.json'], REPO);
    expect(run.code).toBe(EXIT.error);
    expect(run.stderr).not.toContain('    at ');
  });

  it('live flags with a PATH are a usage error', async () => {
    const run = await runMain(['inventory', 'fixtures/modules-repo/plan.json', '--regions', 'eu-west-1'], REPO);
    expect(run.code).toBe(EXIT.error);
    expect(run.stderr).toBe('warden: --regions: reads a live account; give no PATH to list the live estate\n');
  });

  it('an unknown format is refused', async () => {
    const run = await runMain(['inventory', 'fixtures/modules-repo/plan.json', '--format', 'sarif'], REPO);
    expect(run.code).toBe(EXIT.error);
  });
});

describe('warden inventory (live, canned AWS, no network)', () => {
  it('reads the account as `warden audit` does and lists its security groups', async () => {
    const groups =
      '<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><securityGroupInfo><item>' +
      '<ownerId>111122223333</ownerId><groupId>sg-0123456789abcdef0</groupId><groupName>admin</groupName><groupDescription>admin</groupDescription><vpcId>vpc-0123456789abcdef0</vpcId>' +
      '<ipPermissions/><ipPermissionsEgress/><tagSet><item><key>Name</key><value>admin-sg</value></item></tagSet></item></securityGroupInfo></DescribeSecurityGroupsResponse>';
    const requestHandler = new CannedAws((request: CannedRequest) => {
      if (request.service === 'sts') return callerIdentity('111122223333');
      if (request.service === 's3') return NO_BUCKETS;
      if (request.action === 'DescribeSecurityGroups') return { status: 200, body: groups };
      return emptyQueryResponse(request.service, request.action);
    });
    const output = join(dir, 'live.json');
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const code = await inventoryCommand([], { format: 'json', output, regions: ['eu-west-1'] }, { credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' }, requestHandler });
      expect(code).toBe(EXIT.ok);
    } finally {
      stdout.mockRestore();
    }
    const document = JSON.parse(readFileSync(output, 'utf8'));
    expect(document.inputs[0].input).toBe('111122223333/eu-west-1');
    expect(document.inputs[0].items).toContainEqual(expect.objectContaining({ kind: 'security-group', id: 'sg-0123456789abcdef0', name: 'admin-sg', attachedTo: [] }));
  });
});
