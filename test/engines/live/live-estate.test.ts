import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as autoscalingSdk from '@aws-sdk/client-auto-scaling';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import * as ec2Sdk from '@aws-sdk/client-ec2';
import { EC2Client, GetManagedPrefixListEntriesCommand } from '@aws-sdk/client-ec2';
import * as cloudtrailSdk from '@aws-sdk/client-cloudtrail';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import * as configSdk from '@aws-sdk/client-config-service';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import * as kmsSdk from '@aws-sdk/client-kms';
import { KMSClient } from '@aws-sdk/client-kms';
import * as rdsSdk from '@aws-sdk/client-rds';
import { RDSClient } from '@aws-sdk/client-rds';
import { GetAccountAuthorizationDetailsCommand, IAMClient } from '@aws-sdk/client-iam';
import * as s3Sdk from '@aws-sdk/client-s3';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { operationKey, REGIONAL_DESCRIPTORS } from '../../../src/engines/live/descriptors/index.js';
import type { Recording } from '../../../src/engines/live/recording.js';
import { selectPolicies } from '../../../src/rules/select-policies.js';
import { runScan } from '../../../src/scan/run-scan.js';

const ESTATE = fileURLToPath(new URL('../../../fixtures/live-estate/inventory.json', import.meta.url));
const recording = JSON.parse(readFileSync(ESTATE, 'utf8')) as Recording;
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';

const arn = (kind: string, id: string): string => `arn:aws:ec2:${REGION}:${ACCOUNT}:${kind}/${id}`;

/**
 * Every finding the seeded estate must produce, per built-in policy (a policy listed with [] must
 * find nothing). A built-in policy missing from this table fails the test: add what it finds here.
 */
const EXPECTED: Record<string, [severity: string, address: string, element?: string][]> = {
  'sg-open-ingress': [
    ['critical', arn('security-group', 'sg-0c3d4e5f607182930')], // legacy-all: every port from ::/0
    ['high', arn('security-group', 'sg-0b2c3d4e5f6071829')], // bastion: 22 from 0.0.0.0/0
    ['high', arn('security-group', 'sg-0d4e5f60718293a41')], // orders-db: 5432 from 0.0.0.0/0
  ],
  // One finding per resource, listing every missing key.
  'required-tags': [
    ['low', arn('instance', 'i-0a9b8c7d6e5f40312'), 'lacks required tags Environment, Owner'],
    ['low', arn('volume', 'vol-0b5d7f9c1e3a5b7d9'), 'lacks required tags Environment, Owner'],
    ['low', arn('elastic-ip', 'eipalloc-0b7d9f1c3e5a7b9d1'), 'lacks required tags Environment, Owner'],
    ['low', 'arn:aws:s3:::acme-tf-state-111122223333', 'lacks required tags Environment, Owner'],
  ],
  // orders: public, in subnets routed to the IGW, default NACL allows, SG allows 5432 from 0.0.0.0/0.
  'db-internet-reachable': [['critical', `arn:aws:rds:${REGION}:${ACCOUNT}:db:orders`, 'TCP 5432']],
  // ledger is private (PubliclyAccessible false); orders is reachable, so the latent-exposure policy stays quiet.
  'db-publicly-accessible': [],
  'rds-storage-unencrypted': [['medium', `arn:aws:rds:${REGION}:${ACCOUNT}:db:ledger`]],
  // The Terraform state policies find state buckets through a backend configuration, which a live
  // inventory does not hold: nothing here (acme-tf-state-… is AES256-only, unversioned, not blocked).
  'state-backend-unencrypted': [],
  'state-backend-unlocked': [],
  'state-bucket-insecure': [],
  'state-file-committed': [],
  'ebs-unencrypted': [['medium', arn('volume', 'vol-0b5d7f9c1e3a5b7d9')]],
  'eip-unattached': [['low', arn('elastic-ip', 'eipalloc-0b7d9f1c3e5a7b9d1')]],
  'ebs-volume-unattached': [['low', arn('volume', 'vol-0b5d7f9c1e3a5b7d9')]],
  // The VPC's default group keeps the rules AWS gives it (all from itself in, all out) and the default ACL allows all from both /0s.
  'default-sg-restricts-all': [
    ['high', arn('security-group', 'sg-0a1b2c3d4e5f60718'), 'has an ingress rule'],
    ['high', arn('security-group', 'sg-0a1b2c3d4e5f60718'), 'has an egress rule'],
  ],
  // The bastion instance and the web launch template require IMDSv2.
  'imdsv2-required': [],
  'ebs-encryption-by-default': [['medium', `ebs-encryption-by-default/${ACCOUNT}/${REGION}`]],
  // The web template's root volume leaves encryption to the region's default, which is off.
  'launch-block-device-unencrypted': [['medium', arn('launch-template', 'lt-0e5c7a9b1d3f5a7c9'), '/dev/xvda']],
  'public-ip-by-default': [
    ['low', arn('subnet', 'subnet-0a1e3c5b7d9f2a4c6')],
    ['low', arn('subnet', 'subnet-0b2f4d6c8e0a3b5d7')],
    ['low', arn('instance', 'i-0a9b8c7d6e5f40312')],
  ],
  'nacl-admin-ports-open': [
    ['high', arn('network-acl', 'acl-0b3d5f7a9c1e2b4d6'), 'allows TCP 22, 3389 from 0.0.0.0/0'],
    ['high', arn('network-acl', 'acl-0b3d5f7a9c1e2b4d6'), 'rule 101: all traffic'],
  ],
  // The estate was recorded before KMS, CloudTrail and AWS Config were read: nothing to decide on.
  'kms-key-rotation': [],
  'kms-key-pending-deletion': [],
  'cloudtrail-multi-region': [],
  'cloudtrail-log-validation': [],
  'cloudtrail-kms-encryption': [],
  'config-recorder-enabled': [],
  // IAM (global, read once and kept with eu-west-1): github-deploy holds AdministratorAccess; PowerUserAccess on a group is not full access.
  'iam-admin-privileges': [['high', `arn:aws:iam::${ACCOUNT}:role/github-deploy`, 'AdministratorAccess']],
  'iam-wildcard-actions': [['medium', `arn:aws:iam::${ACCOUNT}:policy/deploy`, 's3:*']],
  'iam-privilege-escalation': [
    ['high', `arn:aws:iam::${ACCOUNT}:policy/deploy`, 'iam:PassRole + lambda:CreateFunction'],
    // PowerUserAccess keeps sts:AssumeRole on every resource.
    ['high', `arn:aws:iam::${ACCOUNT}:group/developers#attachment/arn:aws:iam::aws:policy/PowerUserAccess`, 'sts:AssumeRole'],
  ],
  'iam-user-policy-attached': [['low', `arn:aws:iam::${ACCOUNT}:user/alice#attachment/arn:aws:iam::aws:policy/ReadOnlyAccess`]],
  'iam-role-trust-open': [['critical', `arn:aws:iam::${ACCOUNT}:role/github-deploy`, 'token.actions.githubusercontent.com:sub']],
  // Both databases keep backups 7 days and are not production-tagged; neither accepts IAM authentication.
  'rds-backup-retention': [],
  'rds-deletion-protection': [],
  'rds-iam-authentication': [
    ['medium', `arn:aws:rds:${REGION}:${ACCOUNT}:db:ledger`, '(RDS.10)'],
    ['medium', `arn:aws:rds:${REGION}:${ACCOUNT}:db:orders`, '(RDS.10)'],
  ],
  'rds-auto-minor-upgrade': [],
  'encryption-at-rest': [],
};

describe('the seeded live estate (fixtures/live-estate/inventory.json)', () => {
  it('re-scans offline to exactly the expected findings', async () => {
    const policies = selectPolicies(builtinPolicies, {}, {});
    const unlisted = builtinPolicies.map((p) => p.id).filter((id) => !(id in EXPECTED));
    expect(unlisted, 'built-in policies without expectations for the estate').toEqual([]);

    const result = await runScan({ paths: [ESTATE], cwd: process.cwd(), policies, config: {} });
    expect(result.inputs).toEqual([expect.objectContaining({ kind: 'inventory', status: 'scanned', details: expect.objectContaining({ source: 'api', targets: '1' }) })]);
    expect(result.coverage).toEqual({ complete: true, gaps: [] });

    const actual = result.findings
      .filter((f) => f.verdict !== 'pass')
      .map((f) => [f.ruleId, f.verdict, f.severity, f.resource.address, f.message].join(' | '))
      .sort();
    const expected = Object.entries(EXPECTED).flatMap(([ruleId, findings]) => findings.map(([severity, address, element]) => ({ ruleId, severity, address, element })));
    expect(actual).toHaveLength(expected.length);
    for (const e of expected) {
      const match = actual.find((line) => line.startsWith(`${e.ruleId} | fail | ${e.severity} | ${e.address} |`) && (!e.element || line.includes(e.element)));
      expect(match, `${e.ruleId} ${e.severity} ${e.address} ${e.element ?? ''}`).toBeDefined();
    }
    // Every live finding is located by account, region (IAM: the region it is kept with) and ARN.
    for (const finding of result.findings) {
      expect(finding.location).toMatchObject({ kind: 'cloud', account: ACCOUNT, region: REGION });
      expect(finding.resource).toMatchObject({ source: 'live', input: `${ACCOUNT}/${REGION}` });
    }
  });

  it('is what the collector records for the same responses, in 35 API calls for its one (account, region)', async () => {
    const { calls, restore } = replay(recording);
    try {
      const collection = await collectLive({ source: { kind: 'api' }, regions: [REGION], credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' } });
      expect(collection.gaps).toEqual([]);
      const [target] = collection.recording.targets;
      // The estate predates KMS, CloudTrail and AWS Config collection: those services answer empty.
      const empty = { 'kms:ListKeys': [{}], 'cloudtrail:DescribeTrails': [{}], 'config:DescribeConfigurationRecorders': [{}], 'config:DescribeConfigurationRecorderStatus': [{}], 'config:DescribeDeliveryChannels': [{}] };
      expect(target).toEqual({ ...recording.targets[0], responses: { ...recording.targets[0]!.responses, ...empty } });
      expect(collection.recording.accounts).toEqual(recording.accounts);

      const byOperation = new Map<string, number>();
      for (const call of calls) byOperation.set(call, (byOperation.get(call) ?? 0) + 1);
      // STS (1) + one page of each of the 14 list calls + the office prefix list's entries (1)
      // + ListBuckets (1) + 4 settings × 2 buckets in eu-west-1 (the us-east-1 bucket is not read further)
      // + 3 list calls and 2 region-wide companions of KMS, CloudTrail and AWS Config
      // + 4 list calls of launch templates, launch configurations and the EBS and metadata defaults
      // + IAM's GetAccountAuthorizationDetails (1 page: once per account, whatever the number of regions).
      expect(calls).toHaveLength(35);
      expect(byOperation.get('iam:GetAccountAuthorizationDetails')).toBe(1);
      expect(byOperation.get('sts:GetCallerIdentity')).toBe(1);
      expect(byOperation.get('ec2:GetManagedPrefixListEntries')).toBe(1);
      expect(byOperation.get('s3:ListBuckets')).toBe(1);
      expect(byOperation.get('s3:GetBucketEncryption')).toBe(2);
      for (const descriptor of REGIONAL_DESCRIPTORS) expect(byOperation.get(operationKey(descriptor)), descriptor.operation).toBe(1);
    } finally {
      restore();
    }
  });
});

/** A client mock whose command is chosen at run time (from a descriptor's operation name). */
interface LooseMock {
  on(command: unknown): { callsFake(fake: (input: { NextToken?: string; Marker?: string }) => unknown): unknown };
}

/**
 * Serves a recording's responses through aws-sdk-client-mock: each list call returns its recorded
 * pages in turn (following NextToken/Marker), each bucket setting its recorded body or error.
 * Returns the `service:Operation` of every call made.
 */
function replay(source: Recording): { calls: string[]; restore: () => void } {
  const calls: string[] = [];
  const target = source.targets[0]!;
  const account = source.accounts[0]!;
  const mocks = [mockClient(EC2Client), mockClient(RDSClient), mockClient(S3Client), mockClient(STSClient), mockClient(KMSClient), mockClient(CloudTrailClient), mockClient(ConfigServiceClient), mockClient(AutoScalingClient), mockClient(IAMClient)] as const;
  const [ec2, rds, s3, sts, kms, cloudtrail, config, autoscaling, iam] = mocks;
  iam.on(GetAccountAuthorizationDetailsCommand).callsFake((input: { Marker?: string }) => {
    calls.push('iam:GetAccountAuthorizationDetails');
    return account.iam?.pages[input.Marker ? Number(input.Marker) : 0] ?? {};
  });
  sts.on(GetCallerIdentityCommand).callsFake(() => {
    calls.push('sts:GetCallerIdentity');
    return { Account: account.account };
  });
  const sdks = { ec2: ec2Sdk, rds: rdsSdk, kms: kmsSdk, cloudtrail: cloudtrailSdk, config: configSdk, autoscaling: autoscalingSdk } as unknown as Record<string, Record<string, never>>;
  const byService = { ec2, rds, kms, cloudtrail, config, autoscaling } as unknown as Record<string, LooseMock>;
  for (const descriptor of REGIONAL_DESCRIPTORS) {
    const pages = target.responses[operationKey(descriptor)] ?? [];
    const mock = byService[descriptor.service]!;
    for (const companion of descriptor.companions ?? []) {
      mock.on(sdks[descriptor.service]![`${companion}Command`]).callsFake(() => {
        calls.push(`${descriptor.service}:${companion}`);
        return target.responses[`${descriptor.service}:${companion}`]?.[0] ?? {};
      });
    }
    mock.on(sdks[descriptor.service]![`${descriptor.operation}Command`]).callsFake((input: { NextToken?: string; Marker?: string }) => {
      calls.push(operationKey(descriptor));
      const token = input.NextToken ?? input.Marker;
      return pages[token ? Number(token) : 0] ?? {};
    });
  }
  ec2.on(GetManagedPrefixListEntriesCommand).callsFake((input: { PrefixListId: string }) => {
    calls.push('ec2:GetManagedPrefixListEntries');
    return target.prefix_list_entries?.[input.PrefixListId]?.[0] ?? { Entries: [] };
  });
  s3.on(ListBucketsCommand).callsFake(() => {
    calls.push('s3:ListBuckets');
    return account.list_buckets?.[0] ?? { Buckets: [] };
  });
  for (const operation of ['GetBucketEncryption', 'GetBucketVersioning', 'GetPublicAccessBlock', 'GetBucketTagging', 'GetBucketLocation']) {
    s3.on((s3Sdk as unknown as Record<string, never>)[`${operation}Command`]).callsFake((input: { Bucket: string }) => {
      calls.push(`s3:${operation}`);
      const recorded = account.bucket_settings?.[input.Bucket]?.[operation] as { Error?: { Code: string; Message: string } } | undefined;
      if (recorded?.Error) throw Object.assign(new Error(recorded.Error.Message), { name: recorded.Error.Code });
      return recorded ?? {};
    });
  }
  return { calls, restore: () => mocks.forEach((mock) => mock.restore()) };
}

