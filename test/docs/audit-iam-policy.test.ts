import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REGIONAL_DESCRIPTORS } from '../../src/engines/live/descriptors/index.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const LIVE = join(REPO, 'src/engines/live');

/** SDK operations whose IAM action has another name. */
const IAM_ACTION: Record<string, string> = {
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
  's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  's3control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
};
/** SDK client packages and descriptor services whose IAM prefix has another name (both ELB APIs share one). */
const SERVICE_PREFIX: Record<string, string> = {
  'config-service': 'config',
  elbv2: 'elasticloadbalancing',
  elb: 'elasticloadbalancing',
  'elastic-load-balancing-v2': 'elasticloadbalancing',
  'elastic-load-balancing': 'elasticloadbalancing',
  opensearch: 'es',
  's3-control': 's3control',
  efs: 'elasticfilesystem',
  'cloudwatch-logs': 'logs',
  'secrets-manager': 'secretsmanager',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Every IAM action the live collectors can need: each descriptor's list call, and each SDK command
 * or paginator a live-engine module imports (AssumeRole included).
 */
function actionsCalled(): Set<string> {
  const iamService = (service: string): string => SERVICE_PREFIX[service] ?? service;
  const actions = new Set(
    [...REGIONAL_DESCRIPTORS, ...REGIONAL_DESCRIPTORS.flatMap((d) => d.listedBy ?? [])].flatMap((d) => [d.operation, ...(d.companions ?? []), ...(d.details ?? []).map((call) => call.operation)].map((operation) => `${iamService(d.service)}:${operation}`)),
  );
  for (const file of sources(LIVE)) {
    const text = readFileSync(file, 'utf8');
    for (const [, names, client] of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([a-z0-9-]+)'/g)) {
      const service = iamService(client!);
      for (const name of names!.split(',').map((n) => n.replace(/^\s*type\s+/, '').trim())) {
        const operation = /^paginate(\w+)$/.exec(name)?.[1] ?? /^(\w+)Command$/.exec(name)?.[1];
        if (operation) actions.add(`${service}:${operation}`);
      }
    }
  }
  return new Set([...actions].map((a) => IAM_ACTION[a] ?? a));
}

function policyActions(file: string): Set<string> {
  const policy = JSON.parse(readFileSync(join(REPO, 'docs', file), 'utf8')) as { Statement: { Effect: string; Action: string[] }[] };
  return new Set(policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action));
}

const FILES = ['audit-iam-policy.json', 'audit-config-iam-policy.json', 'audit-assume-role-policy.json'];

describe('the documented IAM policies of warden audit', () => {
  const called = actionsCalled();

  it('finds the calls of every collector', () => {
    for (const action of ['kms:GetKeyRotationStatus', 'cloudtrail:GetEventSelectors', 'config:DescribeConfigurationRecorderStatus', 'ec2:DescribeSecurityGroups', 'ec2:GetManagedPrefixListEntries', 'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 's3:GetEncryptionConfiguration', 'config:SelectResourceConfig', 'sts:AssumeRole', 'ec2:DescribeRegions']) {
      expect(called).toContain(action);
    }
  });

  it('allow every call the collectors can make, and nothing else (least privilege)', () => {
    const allowed = new Set(FILES.flatMap((f) => [...policyActions(f)]));
    expect([...called].filter((a) => !allowed.has(a)).sort()).toEqual([]);
    expect([...allowed].filter((a) => !called.has(a)).sort()).toEqual([]);
  });

  it('the API policy covers the API source without Config; the Config policy covers the Config sources', () => {
    const api = policyActions('audit-iam-policy.json');
    const config = policyActions('audit-config-iam-policy.json');
    for (const action of called) {
      // The identity that runs warden assumes the role and lists the organisation: the third policy.
      if (action === 'sts:AssumeRole' || action.startsWith('organizations:')) {
        expect(policyActions('audit-assume-role-policy.json')).toContain(action);
        continue;
      }
      if (action.startsWith('config:')) expect(config).toContain(action);
      else expect(api).toContain(action);
    }
    for (const action of ['ec2:DescribeRegions', 'sts:GetCallerIdentity']) expect(config).toContain(action);
  });

  it('docs/audit.md shows each policy file as it is', () => {
    const doc = readFileSync(join(REPO, 'docs/audit.md'), 'utf8');
    for (const file of FILES) {
      expect(doc).toContain(readFileSync(join(REPO, 'docs', file), 'utf8').trim());
      expect(doc).toContain(`(${file})`);
    }
  });
});
