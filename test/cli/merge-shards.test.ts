import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCommand } from '../../src/cli/audit-command.js';
import { mergeCommand } from '../../src/cli/merge-command.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { scanCommand } from '../../src/cli/scan-command.js';
import { inShard } from '../../src/engines/live/shard.js';
import { CannedAws, callerIdentity, emptyQueryResponse, NO_BUCKETS, type CannedRequest } from '../engines/live/canned-aws.js';

const ACCOUNT = '111122223333';
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-south-1'];
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-not-real' };

/** In each region one group open to the world on SSH, with its own id: each region has its own findings. */
function groups(region: string): string {
  const id = `sg-0${REGIONS.indexOf(region)}23456789abcdef0`;
  return (
    '<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><securityGroupInfo><item>' +
    `<ownerId>${ACCOUNT}</ownerId><groupId>${id}</groupId><groupName>ssh-${region}</groupName><groupDescription>ssh</groupDescription><vpcId>vpc-0123456789abcdef0</vpcId>` +
    '<ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions>' +
    '<ipPermissionsEgress/></item></securityGroupInfo></DescribeSecurityGroupsResponse>'
  );
}

function estate({ service, region, action }: CannedRequest) {
  if (service === 'sts') return callerIdentity(ACCOUNT);
  if (service === 's3') return NO_BUCKETS;
  if (action === 'DescribeSecurityGroups') return { status: 200, body: groups(region) };
  return emptyQueryResponse(service, action);
}

let dir: string;
const at = (name: string): string => join(dir, name);
const audit = (extra: Record<string, unknown>) =>
  auditCommand({ format: 'json', regions: REGIONS, quiet: true, ...extra } as never, { credentials, requestHandler: new CannedAws(estate) });
const json = (name: string) => JSON.parse(readFileSync(at(name), 'utf8'));
const identity = (f: any) => [f.ruleId, f.verdict, f.severity, f.resource.address, f.resource.input, f.fingerprint, f.message].join(' | ');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-shards-'));
  await audit({ output: at('whole.json'), saveInventory: at('whole.inventory.json') });
  for (const k of [1, 2, 3]) await audit({ shard: `${k}/3`, output: at(`part${k}.json`), saveInventory: at(`part${k}.inventory.json`) });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an audit split with --shard K/N and joined with warden merge', () => {
  it('gives each (account, region) to exactly one shard, the same on every machine', () => {
    const owners = REGIONS.map((region) => [1, 2, 3].filter((k) => inShard({ index: k, count: 3 }, ACCOUNT, region)));
    expect(owners.every((o) => o.length === 1)).toBe(true);
    const read = [1, 2, 3].map((k) => json(`part${k}.inventory.json`).targets.map((t: any) => t.region));
    expect(read.flat().sort()).toEqual([...REGIONS].sort());
    expect(read.filter((regions) => regions.length > 0).length).toBeGreaterThan(1);
    expect(json('part2.inventory.json').shard).toBe('2/3');
  });

  it('merges the saved inventories into the one a single machine saves: scanned, the same findings', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await mergeCommand(['part3.inventory.json', 'part1.inventory.json', 'part2.inventory.json'], { output: 'merged.inventory.json' })).toBe(0);
      await scanCommand(['merged.inventory.json'], { format: 'json', output: 'merged-scan.json', quiet: true } as never);
      await scanCommand(['whole.inventory.json'], { format: 'json', output: 'whole-scan.json', quiet: true } as never);
    } finally {
      process.chdir(cwd);
    }
    const merged = json('merged-scan.json');
    const whole = json('whole-scan.json');
    expect(merged.findings.filter((f: any) => f.ruleId === 'sg-open-ingress')).toHaveLength(REGIONS.length);
    expect(merged.findings.map(identity)).toEqual(whole.findings.map(identity));
    expect(merged.summary).toEqual(whole.summary);
    expect(json('merged.inventory.json').targets.map((t: any) => t.region)).toEqual([...REGIONS].sort());
  });

  it('merges the JSON reports into the report a single machine writes', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await mergeCommand(['part2.json', 'part1.json', 'part3.json'], { output: 'merged.json' })).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const merged = json('merged.json');
    const whole = json('whole.json');
    expect(merged.findings.map(identity)).toEqual(whole.findings.map(identity));
    // The same inputs; their resource counts may differ by the read-only copies of the S3 account block,
    // which only the part reading the account's region holds (docs/audit.md).
    expect(merged.inputs.map((i: any) => [i.path, i.status])).toEqual(whole.inputs.map((i: any) => [i.path, i.status]));
    expect({ ...merged.summary, resources: 0 }).toEqual({ ...whole.summary, resources: 0 });
    expect(merged.coverage.complete).toBe(true);
  });

  it('refuses a missing or doubled shard, and a part that is not one, in one line (exit 2)', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await expect(mergeCommand(['part1.inventory.json', 'part2.inventory.json'], {})).rejects.toThrow(new UsageError('merge: shard 3/3 missing: every part of the audit is needed'));
      await expect(mergeCommand(['part1.inventory.json', 'part1.inventory.json', 'part2.inventory.json', 'part3.inventory.json'], {})).rejects.toThrow(/shard 1\/3 is also part1\.inventory\.json/);
      await expect(mergeCommand(['whole.inventory.json', 'part1.inventory.json'], {})).rejects.toThrow(/whole\.inventory\.json: is a whole audit, the others are shards/);
      await expect(mergeCommand(['part1.json', 'part1.inventory.json'], {})).rejects.toThrow('merge: give saved inventories or JSON reports, not both');
      writeFileSync('other.json', '{"hello": 1}');
      await expect(mergeCommand(['part1.json', 'other.json'], {})).rejects.toThrow(/other\.json: neither a saved inventory/);
      await expect(mergeCommand(['part1.json', 'part1.json'], {})).rejects.toThrow(/is also in part1\.json/);
    } finally {
      process.chdir(cwd);
    }
  });
});
