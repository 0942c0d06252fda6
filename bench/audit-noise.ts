import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinPolicies } from '../policies/index.js';
import type { Recording, TargetRecording } from '../src/engines/live/recording.js';
import { selectPolicies } from '../src/rules/select-policies.js';
import { runScan } from '../src/scan/run-scan.js';

/**
 * `npm run bench:audit-noise`: what a 17-region audit of one account reports. Every region holds what
 * AWS creates itself (the default VPC, its three default subnets, main route table, internet gateway,
 * default NACL and default security group, none tagged); eu-west-1 also holds the seeded estate
 * (fixtures/live-estate). Prints the findings per policy and how many are about resources AWS created.
 */
const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1',
];
const ACCOUNT = '111122223333';
const REPO = fileURLToPath(new URL('../..', import.meta.url));

function defaultResources(region: string, n: number): TargetRecording['responses'] {
  const hex = (kind: number) => `0${kind}${String(n).padStart(2, '0')}d0d0d0d0d0d0d0`.slice(0, 17);
  const vpc = `vpc-${hex(1)}`;
  const igw = `igw-${hex(2)}`;
  const subnets = ['a', 'b', 'c'].map((az, i) => ({
    SubnetId: `subnet-${hex(3)}${i}`.slice(0, 24), VpcId: vpc, CidrBlock: `172.31.${i * 16}.0/20`, AvailabilityZone: `${region}${az}`,
    DefaultForAz: true, MapPublicIpOnLaunch: true, State: 'available', OwnerId: ACCOUNT,
  }));
  return {
    'ec2:DescribeVpcs': [{ Vpcs: [{ VpcId: vpc, CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', OwnerId: ACCOUNT }] }],
    'ec2:DescribeSubnets': [{ Subnets: subnets }],
    'ec2:DescribeInternetGateways': [{ InternetGateways: [{ InternetGatewayId: igw, OwnerId: ACCOUNT, Attachments: [{ VpcId: vpc, State: 'available' }] }] }],
    'ec2:DescribeRouteTables': [{ RouteTables: [{
      RouteTableId: `rtb-${hex(4)}`, VpcId: vpc, OwnerId: ACCOUNT,
      Associations: [{ Main: true, RouteTableAssociationId: `rtbassoc-${hex(4)}`, RouteTableId: `rtb-${hex(4)}` }],
      Routes: [{ DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', State: 'active' }, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, State: 'active' }],
    }] }],
    'ec2:DescribeNetworkAcls': [{ NetworkAcls: [{
      NetworkAclId: `acl-${hex(5)}`, VpcId: vpc, IsDefault: true, OwnerId: ACCOUNT,
      Associations: subnets.map((s, i) => ({ NetworkAclAssociationId: `aclassoc-${hex(5)}${i}`.slice(0, 26), NetworkAclId: `acl-${hex(5)}`, SubnetId: s.SubnetId })),
      Entries: [true, false].flatMap((Egress) => [
        { RuleNumber: 100, RuleAction: 'allow', Protocol: '-1', Egress, CidrBlock: '0.0.0.0/0' },
        { RuleNumber: 32767, RuleAction: 'deny', Protocol: '-1', Egress, CidrBlock: '0.0.0.0/0' },
      ]),
    }] }],
    'ec2:DescribeSecurityGroups': [{ SecurityGroups: [{
      GroupId: `sg-${hex(6)}`, GroupName: 'default', Description: 'default VPC security group', VpcId: vpc, OwnerId: ACCOUNT,
      IpPermissions: [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: `sg-${hex(6)}`, UserId: ACCOUNT }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    }] }],
  };
}

const fixture = JSON.parse(readFileSync(join(REPO, 'fixtures', 'live-estate', 'inventory.json'), 'utf8')) as Recording;
const estate = fixture.targets[0]!;
const targets: TargetRecording[] = REGIONS.map((region, n) => {
  const defaults = defaultResources(region, n);
  if (region !== estate.region) return { account: ACCOUNT, region, responses: defaults };
  const responses: TargetRecording['responses'] = { ...estate.responses };
  for (const [call, pages] of Object.entries(defaults)) responses[call] = [...(responses[call] ?? []), ...pages];
  return { ...estate, responses };
});
const dir = mkdtempSync(join(tmpdir(), 'warden-audit-noise-'));
const path = join(dir, 'seventeen-regions.json');
writeFileSync(path, JSON.stringify({ ...fixture, targets }));
try {
  const result = await runScan({ paths: [path], cwd: dir, policies: selectPolicies(builtinPolicies, {}, {}), config: {} });
  const failing = result.findings.filter((f) => f.verdict === 'fail' || f.verdict === 'unknown');
  const byPolicy = new Map<string, number>();
  for (const f of failing) byPolicy.set(f.ruleId, (byPolicy.get(f.ruleId) ?? 0) + 1);
  const resources = targets.length;
  console.log(`17-region audit of one account (${resources} regions, AWS default resources in each, the seeded estate in ${estate.region})`);
  console.log(`findings (fail + unknown): ${failing.length}`);
  for (const [id, count] of [...byPolicy].sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(26)} ${count}`);
  if (process.argv.includes("--list")) for (const f of failing) console.log(`${f.ruleId} ${f.resource.address} ${f.message}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
