import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as autoscalingSdk from '@aws-sdk/client-auto-scaling';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import * as ec2Sdk from '@aws-sdk/client-ec2';
import { DescribeStaleSecurityGroupsCommand, EC2Client, GetManagedPrefixListEntriesCommand } from '@aws-sdk/client-ec2';
import * as cloudtrailSdk from '@aws-sdk/client-cloudtrail';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import * as configSdk from '@aws-sdk/client-config-service';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import * as kmsSdk from '@aws-sdk/client-kms';
import { KMSClient } from '@aws-sdk/client-kms';
import * as elbSdk from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import * as elbv2Sdk from '@aws-sdk/client-elastic-load-balancing-v2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import * as eksSdk from '@aws-sdk/client-eks';
import * as elasticacheSdk from '@aws-sdk/client-elasticache';
import * as opensearchSdk from '@aws-sdk/client-opensearch';
import * as efsSdk from '@aws-sdk/client-efs';
import * as logsSdk from '@aws-sdk/client-cloudwatch-logs';
import * as secretsmanagerSdk from '@aws-sdk/client-secrets-manager';
import * as kinesisSdk from '@aws-sdk/client-kinesis';
import * as rdsSdk from '@aws-sdk/client-rds';
import { RDSClient } from '@aws-sdk/client-rds';
import { GenerateCredentialReportCommand, GetAccountAuthorizationDetailsCommand, GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import * as redshiftSdk from '@aws-sdk/client-redshift';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import * as s3Sdk from '@aws-sdk/client-s3';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import * as sqsSdk from '@aws-sdk/client-sqs';
import * as snsSdk from '@aws-sdk/client-sns';
import * as dynamodbSdk from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { listCallOf } from '../../../src/engines/live/collect/list-pages.js';
import { operationKey, REGIONAL_DESCRIPTORS } from '../../../src/engines/live/descriptors/index.js';
import type { ResourceDescriptor } from '../../../src/engines/live/descriptor.js';
import type { Recording, TargetRecording } from '../../../src/engines/live/recording.js';
import { selectPolicies } from '../../../src/rules/select-policies.js';
import { runScan } from '../../../src/scan/run-scan.js';

const ESTATE = fileURLToPath(new URL('../../../fixtures/live-estate/inventory.json', import.meta.url));
const recording = JSON.parse(readFileSync(ESTATE, 'utf8')) as Recording;
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';

const arn = (kind: string, id: string): string => `arn:aws:ec2:${REGION}:${ACCOUNT}:${kind}/${id}`;
const SHOP_LISTENER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/shop/6d0ecf831eec9f09`;

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
  // ledger is private (PubliclyAccessible false); orders is reachable, so the latent-exposure policy stays quiet about it.
  // The Redshift cluster analytics is public, but its security group admits 5439 from nowhere: a latent exposure.
  'db-publicly-accessible': [['medium', `arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:analytics`, 'TCP 5439']],
  'rds-storage-unencrypted': [['medium', `arn:aws:rds:${REGION}:${ACCOUNT}:db:ledger`]],
  // orders admits 5432 from 0.0.0.0/0; ledger only from the app group; analytics admits nothing on 5439.
  // The bastion has an Elastic IP in a public subnet, its NACL and security group admit 22 from 0.0.0.0/0.
  'instance-admin-port-reachable': [['critical', arn('instance', 'i-0a9b8c7d6e5f40312'), 'TCP 22 from the internet']],
  'db-tier-admits-cidr': [['medium', `arn:aws:rds:${REGION}:${ACCOUNT}:db:orders`, 'TCP 5432 from 0.0.0.0/0']],
  // The Terraform state policies find state buckets through a backend configuration, which a live
  // inventory does not hold: nothing here (acme-tf-state-… is AES256-only, unversioned, not blocked).
  'state-backend-unencrypted': [],
  'state-backend-unlocked': [],
  'state-bucket-insecure': [],
  'state-file-committed': [],
  // Not applicable live: an account does not show how a value was written.
  'secret-in-code': [],
  'ebs-unencrypted': [['medium', arn('volume', 'vol-0b5d7f9c1e3a5b7d9')]],
  'eip-unattached': [['low', arn('elastic-ip', 'eipalloc-0b7d9f1c3e5a7b9d1')]],
  'ebs-volume-unattached': [['low', arn('volume', 'vol-0b5d7f9c1e3a5b7d9')]],
  // The VPC's default group keeps the rules AWS gives it (all from itself in, all out) and the default ACL allows all from both /0s.
  'default-sg-restricts-all': [
    ['high', arn('security-group', 'sg-0a1b2c3d4e5f60718'), 'has an ingress rule'],
    ['high', arn('security-group', 'sg-0a1b2c3d4e5f60718'), 'has an egress rule'],
  ],
  'vpc-flow-logs': [['medium', arn('vpc', 'vpc-0c4f2a7e9b1d3a5c7'), 'records ACCEPT only']],
  'eks-endpoint-public': [['high', `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/platform`, '0.0.0.0/0']],
  'opensearch-outside-vpc': [['high', `arn:aws:es:${REGION}:${ACCOUNT}:domain/search`]],
  'encryption-in-transit': [
    ['medium', `arn:aws:es:${REGION}:${ACCOUNT}:domain/search`, 'node-to-node encryption'],
    ['medium', `arn:aws:es:${REGION}:${ACCOUNT}:domain/search`, 'HTTPS-only access'],
  ],
  // analytics uses default.redshift-1.0, where require_ssl is false: no DescribeClusterParameters is made for it.
  'redshift-require-ssl': [['medium', `arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:analytics`, 'default.redshift-1.0']],
  'snapshot-public': [['critical', `arn:aws:ec2:${REGION}::snapshot/snap-0e2a4c6e8a0c2e4a6#create-volume-permission/all`, 'EC2.1']],
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
  // The account has no account-level block (NoSuchPublicAccessBlockConfiguration): all four settings off.
  's3-account-public-access-block': [['medium', `arn:aws:s3::${ACCOUNT}:account-public-access-block`, 'block_public_acls, block_public_policy, ignore_public_acls, restrict_public_buckets off']],
  // acme-logs has its own block; acme-tf-state has none and the account has none either.
  's3-bucket-public-access-block': [['high', 'arn:aws:s3:::acme-tf-state-111122223333', 'the bucket has no aws_s3_bucket_public_access_block']],
  // acme-logs grants only the LogDelivery group (not public); acme-tf-state only its owner.
  's3-bucket-public-acl': [],
  // No bucket is required to use KMS without options.
  's3-bucket-kms-encryption': [],
  's3-bucket-versioning': [['low', 'arn:aws:s3:::acme-tf-state-111122223333', 'versioning is Disabled']],
  // acme-tf-state logs to acme-logs, which receives logs and so is not asked to log itself.
  's3-bucket-access-logging': [],
  // Groups no interface uses and no rule names.
  'sg-unused': [
    ['low', arn('security-group', 'sg-0071829304a5b6c74'), 'not used'], // admin-from-office
    ['low', arn('security-group', 'sg-0c3d4e5f607182930'), 'not used'], // legacy-all
  ],
  // Both database groups keep the allow-all egress AWS gives a new group.
  'sg-egress-open': [
    ['medium', arn('security-group', 'sg-0d4e5f60718293a41'), 'all traffic to 0.0.0.0/0'],
    ['medium', arn('security-group', 'sg-0e5f60718293a4b52'), 'all traffic to 0.0.0.0/0'],
  ],
  'sg-rule-redundant': [],
  // DescribeStaleSecurityGroups lists nothing for the estate's VPC.
  'sg-stale-reference': [],
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
  // shop: an ALB whose HTTP listener forwards, whose HTTPS listener keeps the 2016-08 policy, and which keeps invalid headers.
  'lb-http-not-redirected': [['medium', `${SHOP_LISTENER}/0f1e2d3c4b5a6978`, 'forward']],
  'lb-tls-policy-outdated': [['medium', `${SHOP_LISTENER}/1a2b3c4d5e6f7081`, 'ELBSecurityPolicy-2016-08']],
  'alb-drop-invalid-headers': [['medium', `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/shop/6d0ecf831eec9f09`]],
  // legacy-api: a Classic Load Balancer listening with HTTP on port 80.
  'elb-classic-listener-not-tls': [['medium', `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/legacy-api`, 'HTTP on port 80']],
  // IAM (global, read once and kept with eu-west-1): github-deploy holds AdministratorAccess; PowerUserAccess on a group is not full access.
  'iam-admin-privileges': [['high', `arn:aws:iam::${ACCOUNT}:role/github-deploy`, 'AdministratorAccess']],
  'iam-wildcard-actions': [['medium', `arn:aws:iam::${ACCOUNT}:policy/deploy`, 's3:*']],
  'iam-privilege-escalation': [
    ['high', `arn:aws:iam::${ACCOUNT}:policy/deploy`, 'iam:PassRole + lambda:CreateFunction'],
    // PowerUserAccess keeps sts:AssumeRole on every resource.
    ['high', `arn:aws:iam::${ACCOUNT}:group/developers#attachment/arn:aws:iam::aws:policy/PowerUserAccess`, 'sts:AssumeRole'],
  ],
  'iam-user-policy-attached': [['low', `arn:aws:iam::${ACCOUNT}:user/alice#attachment/arn:aws:iam::aws:policy/ReadOnlyAccess`]],
  // The estate's root has MFA and no keys, and its password policy is CIS-strong: account hygiene passes.
  'iam-root-access-keys': [],
  'iam-root-mfa': [],
  'iam-user-console-mfa': [],
  'iam-access-key-age': [],
  'iam-credentials-unused': [],
  'iam-password-policy': [],
  'iam-role-trust-open': [['critical', `arn:aws:iam::${ACCOUNT}:role/github-deploy`, 'token.actions.githubusercontent.com:sub']],
  // No resource policy in the estate is open. acme-logs' policy denies plain HTTP; the state bucket has no policy.
  'resource-policy-public': [],
  's3-deny-insecure-transport': [['medium', 'arn:aws:s3:::acme-tf-state-111122223333', 'has no bucket policy']],
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

  it('is what the collector records for the same responses, in a bounded number of API calls for its one (account, region)', async () => {
    const { calls, restore } = replay(recording);
    try {
      const collection = await collectLive({ source: { kind: 'api' }, regions: [REGION], credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' } });
      expect(collection.gaps).toEqual([]);
      const [target] = collection.recording.targets;
      // The estate predates KMS, CloudTrail and AWS Config collection: those services answer empty.
      const empty = { 'kms:ListKeys': [{}], 'cloudtrail:DescribeTrails': [{}], 'config:DescribeConfigurationRecorders': [{}], 'config:DescribeConfigurationRecorderStatus': [{}], 'config:DescribeDeliveryChannels': [{}] };
      // Nor SQS, SNS and DynamoDB.
      Object.assign(empty, { 'sqs:ListQueues': [{}], 'sns:ListTopics': [{}], 'dynamodb:ListTables': [{}] });
      // It predates EFS, CloudWatch Logs, Secrets Manager and Kinesis collection too.
      Object.assign(empty, { 'efs:DescribeFileSystems': [{}], 'logs:DescribeLogGroups': [{}], 'secretsmanager:ListSecrets': [{}], 'kinesis:ListStreams': [{}] });
      expect(target).toEqual({ ...recording.targets[0], responses: { ...recording.targets[0]!.responses, ...empty } });
      expect(collection.recording.accounts).toEqual(recording.accounts);

      const byOperation = new Map<string, number>();
      for (const call of calls) byOperation.set(call, (byOperation.get(call) ?? 0) + 1);
      // STS (1) + one call per recorded regional entry (a list page, a companion's answer, a detail
      // call's answer or page: the estate's one OpenSearch batch answers one domain) + the office prefix
      // list's entries (1) + ListBuckets (1) + 4 settings × 2 buckets in eu-west-1 (the us-east-1 bucket
      // is not read further) + IAM's GetAccountAuthorizationDetails (1 page: once per account)
      // + 4 more settings × 2 buckets (ACL, ownership, policy, logging) + the S3 account block (1)
      // + the stale groups of its one VPC (1).
      const entries = Object.values(target!.responses).reduce((n, pages) => n + pages.length, 0);
      // + the 4 IAM account-setting calls (credential report ready at the first poll, summary, password policy).
      expect(calls).toHaveLength(1 + entries + 1 + 1 + 8 + 1 + 8 + 1 + 1 + 4);
      expect(byOperation.get('ec2:DescribeStaleSecurityGroups')).toBe(1);
      expect(byOperation.get('elbv2:DescribeLoadBalancerAttributes')).toBe(1);
      expect(byOperation.get('iam:GetAccountAuthorizationDetails')).toBe(1);
      expect(byOperation.get('s3control:GetPublicAccessBlock')).toBe(1);
      expect(byOperation.get('s3:GetBucketPolicy')).toBe(2);
      expect(byOperation.get('sts:GetCallerIdentity')).toBe(1);
      expect(byOperation.get('ec2:GetManagedPrefixListEntries')).toBe(1);
      expect(byOperation.get('s3:ListBuckets')).toBe(1);
      expect(byOperation.get('s3:GetBucketEncryption')).toBe(2);
      for (const descriptor of REGIONAL_DESCRIPTORS) expect(byOperation.get(listKey(descriptor)), descriptor.operation).toBeGreaterThanOrEqual(1);
      const clusters = (recording.targets[0]!.responses['eks:ListClusters'] ?? []).flatMap((page) => (page as { clusters?: string[] }).clusters ?? []);
      expect(clusters.length).toBeGreaterThan(0);
      expect(byOperation.get('eks:DescribeCluster'), 'one DescribeCluster per listed cluster').toBe(clusters.length);
    } finally {
      restore();
    }
  });
});

/** A client mock whose command is chosen at run time (from a descriptor's operation name). */
interface LooseMock {
  on(command: unknown): { callsFake(fake: (input: Record<string, unknown>) => unknown): unknown };
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
  const mocks = [
    mockClient(EC2Client),
    mockClient(RDSClient),
    mockClient(S3Client),
    mockClient(STSClient),
    mockClient(KMSClient),
    mockClient(CloudTrailClient),
    mockClient(ConfigServiceClient),
    mockClient(AutoScalingClient),
    mockClient(IAMClient),
    mockClient(S3ControlClient),
    mockClient(ElasticLoadBalancingV2Client),
    mockClient(ElasticLoadBalancingClient),
    mockClient(eksSdk.EKSClient),
    mockClient(opensearchSdk.OpenSearchClient),
    mockClient(elasticacheSdk.ElastiCacheClient),
    mockClient(RedshiftClient),
  ] as const;
  const atRest = { sqs: mockClient(sqsSdk.SQSClient), sns: mockClient(snsSdk.SNSClient), dynamodb: mockClient(dynamodbSdk.DynamoDBClient), efs: mockClient(efsSdk.EFSClient), logs: mockClient(logsSdk.CloudWatchLogsClient), secretsmanager: mockClient(secretsmanagerSdk.SecretsManagerClient), kinesis: mockClient(kinesisSdk.KinesisClient) };
  const [ec2, rds, s3, sts, kms, cloudtrail, config, autoscaling, iam, s3control, elbv2, elb, eks, opensearch, elasticache, redshift] = mocks;
  s3control.on(GetAccountPublicAccessBlockCommand).callsFake(() => {
    calls.push('s3control:GetPublicAccessBlock');
    const recorded = account.account_public_access_block?.response as { Error?: { Code: string; Message: string } } | undefined;
    if (recorded?.Error) throw Object.assign(new Error(recorded.Error.Message), { name: recorded.Error.Code });
    return recorded ?? {};
  });
  iam.on(GetAccountAuthorizationDetailsCommand).callsFake((input: { Marker?: string }) => {
    calls.push('iam:GetAccountAuthorizationDetails');
    return account.iam?.pages[input.Marker ? Number(input.Marker) : 0] ?? {};
  });
  const iamSettings = account.iam?.account_settings ?? {};
  iam.on(GenerateCredentialReportCommand).callsFake(() => {
    calls.push('iam:GenerateCredentialReport');
    return { State: 'COMPLETE' };
  });
  const setting = (name: 'GetCredentialReport' | 'GetAccountSummary' | 'GetAccountPasswordPolicy') => () => {
    calls.push(`iam:${name}`);
    const body = iamSettings[name] as Record<string, unknown>;
    // The SDK hands the report over as bytes, as IAM sends it.
    return name === 'GetCredentialReport' ? { ...body, Content: new TextEncoder().encode(String(body['Content'])), GeneratedTime: new Date(String(body['GeneratedTime'])) } : body;
  };
  iam.on(GetCredentialReportCommand).callsFake(setting('GetCredentialReport'));
  iam.on(GetAccountSummaryCommand).callsFake(setting('GetAccountSummary'));
  iam.on(GetAccountPasswordPolicyCommand).callsFake(setting('GetAccountPasswordPolicy'));
  sts.on(GetCallerIdentityCommand).callsFake(() => {
    calls.push('sts:GetCallerIdentity');
    return { Account: account.account };
  });
  const sdks = { ec2: ec2Sdk, rds: rdsSdk, kms: kmsSdk, cloudtrail: cloudtrailSdk, config: configSdk, elbv2: elbv2Sdk, elb: elbSdk, eks: eksSdk, opensearch: opensearchSdk, elasticache: elasticacheSdk, redshift: redshiftSdk, autoscaling: autoscalingSdk } as unknown as Record<string, Record<string, never>>;
  const byService = { ec2, rds, kms, cloudtrail, config, elbv2, elb, eks, opensearch, elasticache, autoscaling, redshift } as unknown as Record<string, LooseMock>;
  Object.assign(sdks, { sqs: sqsSdk, sns: snsSdk, dynamodb: dynamodbSdk, efs: efsSdk, logs: logsSdk, secretsmanager: secretsmanagerSdk, kinesis: kinesisSdk });
  Object.assign(byService, atRest);
  // Every call a descriptor makes (list, companions, detail calls) answers with the recorded entries
  // made with the same request fields (detail answers are recorded with their request merged in).
  const answer = (service: string, operation: string): void => {
    const key = `${service}:${operation}`;
    if (registered.has(key)) return;
    registered.add(key);
    byService[service]!.on(sdks[service]![`${operation}Command`]).callsFake((input: Record<string, unknown>) => {
      calls.push(key);
      const token = (input['NextToken'] ?? input['Marker'] ?? input['nextToken']) as string | undefined;
      const asked = Object.entries(input).filter(([name, value]) => typeof value === 'string' && !['NextToken', 'Marker', 'nextToken'].includes(name));
      // A list call's page does not carry its request (SnapshotType); a detail answer does.
      const answering = (target.responses[key] ?? []).filter((entry) => asked.every(([name, value]) => !(name in (entry as object)) || (entry as Record<string, unknown>)[name] === value));
      return answering[token ? Number(token) : 0] ?? {};
    });
  };
  const registered = new Set<string>();
  for (const descriptor of [...REGIONAL_DESCRIPTORS, ...REGIONAL_DESCRIPTORS.flatMap((d) => d.listedBy ?? [])]) {
    for (const operation of [descriptor.operation, ...(descriptor.companions ?? []), ...(descriptor.details ?? []).map((d) => d.operation)]) answer(descriptor.service, operation);
  }
  ec2.on(GetManagedPrefixListEntriesCommand).callsFake((input: { PrefixListId: string }) => {
    calls.push('ec2:GetManagedPrefixListEntries');
    return target.prefix_list_entries?.[input.PrefixListId]?.[0] ?? { Entries: [] };
  });
  ec2.on(DescribeStaleSecurityGroupsCommand).callsFake((input: { VpcId: string }) => {
    calls.push('ec2:DescribeStaleSecurityGroups');
    return target.stale_security_groups?.[input.VpcId]?.[0] ?? { StaleSecurityGroupSet: [] };
  });
  s3.on(ListBucketsCommand).callsFake(() => {
    calls.push('s3:ListBuckets');
    return account.list_buckets?.[0] ?? { Buckets: [] };
  });
  const settings = ['GetBucketEncryption', 'GetBucketVersioning', 'GetPublicAccessBlock', 'GetBucketTagging', 'GetBucketLocation', 'GetBucketAcl', 'GetBucketOwnershipControls', 'GetBucketPolicy', 'GetBucketLogging'];
  for (const operation of settings) {
    s3.on((s3Sdk as unknown as Record<string, never>)[`${operation}Command`]).callsFake((input: { Bucket: string }) => {
      calls.push(`s3:${operation}`);
      const recorded = account.bucket_settings?.[input.Bucket]?.[operation] as { Error?: { Code: string; Message: string } } | undefined;
      if (recorded?.Error) throw Object.assign(new Error(recorded.Error.Message), { name: recorded.Error.Code });
      return recorded ?? {};
    });
  }
  return { calls, restore: () => [...mocks, ...Object.values(atRest)].forEach((mock) => mock.restore()) };
}

/** Where a descriptor's list call is recorded (a per-resource descriptor's listing has its own key). */
function listKey(descriptor: ResourceDescriptor): string {
  return `${descriptor.service}:${listCallOf(descriptor).operation}`;
}
