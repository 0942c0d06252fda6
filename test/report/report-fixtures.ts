import { fileURLToPath } from 'node:url';
import { definePolicy, isUnknown, listOf, Sensitive, valueAt, type Finding } from '../../src/api.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { summarise } from '../../src/scan/summarise.js';
import { policyMeta } from '../../src/scan/policy-meta.js';
import type { ReportContext } from '../../src/report/report-context.js';

/** The repository root: reports are rendered as if warden ran there, so fixture paths are repo-relative. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PLAN_FIXTURE = 'test/fixtures/report/security-groups.plan.json';
/** The value the fixture plan marks sensitive (`tags.DeployToken` of aws_security_group.web). */
export const PLAN_SECRET = 'ghp_SuperSecretDeployToken123';
/** A sensitive value placed directly into synthetic findings' evidence. */
export const SYNTHETIC_SECRET = 'hunter2-db-master-password';

export const CONTEXT: ReportContext = { color: false, cwd: REPO_ROOT };

/**
 * A small policy written against the public API, so that these tests do not depend on the built-in
 * policies: an `aws_security_group` ingress rule open to 0.0.0.0/0 fails (with a witness path and,
 * deliberately, the group's sensitive deploy token as evidence); an unknown CIDR list is `unknown`.
 */
export const openIngressTestPolicy = definePolicy({
  id: 'test-open-ingress',
  title: 'Security group ingress open to the internet',
  severity: 'high',
  description: 'An ingress rule admits traffic from 0.0.0.0/0.',
  remediation: 'Restrict cidr_blocks to known networks.',
  helpUri: 'https://example.com/warden/test-open-ingress',
  frameworks: { 'CIS AWS 3.0': ['5.2', '5.3'] },
  tags: ['network'],
  check({ inventory, fail, unknown }) {
    for (const group of inventory.ofType('aws_security_group')) {
      const rules = listOf(group.values['ingress']);
      if (isUnknown(rules)) continue;
      rules.forEach((_rule, index) => {
        const cidrs = valueAt(group.values, `ingress.${index}.cidr_blocks`);
        const port = valueAt(group.values, `ingress.${index}.from_port`);
        const element = `ingress ${index}`;
        if (isUnknown(cidrs)) {
          unknown({ resource: group, element, message: `Ingress rule ${index} of ${group.name} has CIDR blocks known only after apply`, reason: cidrs });
          return;
        }
        if (!Array.isArray(cidrs) || !cidrs.includes('0.0.0.0/0')) return;
        fail({
          resource: group,
          element,
          severity: port === 3389 || port === 22 ? 'critical' : 'high',
          message: `Security group ${group.name} admits port ${String(port)} from 0.0.0.0/0`,
          evidence: [
            { path: `ingress.${index}.cidr_blocks`, value: cidrs },
            { path: 'tags.DeployToken', value: valueAt(group.values, 'tags.DeployToken') ?? null },
          ],
          trace: [
            { label: 'internet' },
            { label: `${group.name} ingress ${String(port)}`, resource: { type: group.type, address: group.address }, ...(group.location ? { location: group.location } : {}) },
            { label: `port ${String(port)}` },
          ],
        });
      });
    }
  },
});

/** The real pipeline over the fixture plan, one config ignore turning the legacy group's finding into `suppressed`. */
export function scanFixturePlan(paths: string[] = [PLAN_FIXTURE]): Promise<ScanResult> {
  return runScan({
    paths,
    cwd: REPO_ROOT,
    policies: [{ policy: openIngressTestPolicy, options: {} }],
    config: { ignores: [{ rule: 'test-open-ingress', resource: 'aws_security_group.legacy', reason: 'legacy bastion, replaced in Q3', until: '2099-12-31' }] },
    configPath: 'warden.yaml',
    today: '2025-01-15',
  });
}

const FINGERPRINT = (n: number): string => n.toString(16).padStart(32, '0');

/**
 * A result built by hand with every verdict, source and location kind a reporter must render:
 * plan with a source position and a trace, HCL with an inline suppression, live with a cloud
 * location, no location at all, an absolute path outside the working directory, a pass, a
 * baseline suppression, a Sensitive evidence value, and coverage gaps (an unreadable input and a
 * failed policy).
 */
export function syntheticResult(): ScanResult {
  const findings: Finding[] = [
    {
      ruleId: 'db-internet-reachable',
      severity: 'critical',
      verdict: 'fail',
      message: 'Database aws_db_instance.main accepts TCP 5432 from the internet',
      resource: { type: 'aws_db_instance', address: 'aws_db_instance.main', source: 'plan', input: 'plans/prod.json' },
      location: { kind: 'source', file: 'plans/prod.json', startLine: 120, endLine: 120, startColumn: 7 },
      evidence: [
        { path: 'publicly_accessible', value: true },
        { path: 'password', value: new Sensitive(SYNTHETIC_SECRET), note: 'set by the module' },
      ],
      remediation: 'Set publicly_accessible = false.',
      fingerprint: FINGERPRINT(1),
      trace: [
        { label: 'internet' },
        { label: 'igw-main', resource: { type: 'aws_internet_gateway', address: 'aws_internet_gateway.main' }, location: { kind: 'source', file: 'plans/prod.json', startLine: 40, endLine: 40 } },
        { label: 'rtb public 0.0.0.0/0 → igw', resource: { type: 'aws_route_table', address: 'aws_route_table.public' }, detail: 'route 0.0.0.0/0' },
        { label: 'nacl rule 100 allow', detail: 'ephemeral 1024-65535 out' },
        { label: 'db:5432', resource: { type: 'aws_db_instance', address: 'aws_db_instance.main' } },
      ],
    },
    {
      ruleId: 'sg-open-ingress',
      severity: 'high',
      verdict: 'unknown',
      message: 'Ingress CIDR of aws_security_group_rule.app is unknown until apply',
      reason: 'cidr_blocks depends on aws_subnet.app.cidr_block, known after apply',
      resource: { type: 'aws_security_group_rule', address: 'module.app.aws_security_group_rule.app["x"]', source: 'plan', input: 'plans/prod.json' },
      location: { kind: 'source', file: 'plans/prod.json', startLine: 300, endLine: 302, startColumn: 5, endColumn: 20 },
      evidence: [{ path: 'cidr_blocks', value: { unknown: 'known after apply' } }],
      remediation: 'Restrict the CIDR.',
      fingerprint: FINGERPRINT(2),
    },
    {
      ruleId: 'sg-open-ingress',
      severity: 'medium',
      verdict: 'suppressed',
      message: 'Security group allows 8080 from 0.0.0.0/0',
      resource: { type: 'aws_security_group', address: 'aws_security_group.legacy', source: 'hcl', input: 'infra' },
      location: { kind: 'source', file: 'infra/network/sg.tf', startLine: 12, endLine: 18 },
      evidence: [],
      remediation: 'Restrict the CIDR.',
      fingerprint: FINGERPRINT(3),
      suppression: { kind: 'inline', reason: 'demo environment', until: '2099-01-01', by: 'infra/network/sg.tf:11' },
    },
    {
      ruleId: 'required-tags',
      severity: 'low',
      verdict: 'fail',
      message: 'aws_s3_bucket.logs lacks the tag Owner',
      resource: { type: 'aws_s3_bucket', address: 'aws_s3_bucket.logs', source: 'hcl', input: 'infra' },
      evidence: [{ path: 'tags.Owner', value: null }],
      remediation: 'Add the Owner tag.',
      fingerprint: FINGERPRINT(4),
    },
    {
      ruleId: 'sg-open-ingress',
      severity: 'critical',
      verdict: 'fail',
      message: 'Security group sg-0abc admits all ports from 0.0.0.0/0',
      resource: { type: 'aws_security_group', address: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc', source: 'live', input: '123456789012/eu-west-1' },
      location: { kind: 'cloud', account: '123456789012', region: 'eu-west-1', arn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc' },
      evidence: [{ path: 'IpPermissions[0].IpRanges[0].CidrIp', value: '0.0.0.0/0' }],
      remediation: 'Restrict the CIDR.',
      fingerprint: FINGERPRINT(5),
      trace: [{ label: 'internet' }, { label: 'sg-0abc all ports', location: { kind: 'cloud', account: '123456789012', region: 'eu-west-1', arn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc' } }],
    },
    {
      ruleId: 'required-tags',
      severity: 'low',
      verdict: 'suppressed',
      message: 'Bucket audit-logs lacks the tag Environment',
      resource: { type: 'aws_s3_bucket', address: 'arn:aws:s3:::audit-logs', source: 'live', input: '210987654321/us-east-1' },
      location: { kind: 'cloud', account: '210987654321', region: 'us-east-1', arn: 'arn:aws:s3:::audit-logs' },
      evidence: [],
      remediation: 'Add the Environment tag.',
      fingerprint: FINGERPRINT(6),
      suppression: { kind: 'baseline', reason: 'in baseline warden-baseline.json' },
    },
    {
      ruleId: 'required-tags',
      severity: 'low',
      verdict: 'fail',
      message: 'aws_instance.build lacks the tag Owner',
      resource: { type: 'aws_instance', address: 'aws_instance.build', source: 'plan', input: '/tmp/elsewhere/build plan.json' },
      location: { kind: 'source', file: '/tmp/elsewhere/build plan.json', startLine: 9, endLine: 9 },
      evidence: [],
      remediation: 'Add the Owner tag.',
      fingerprint: FINGERPRINT(7),
    },
    {
      ruleId: 'required-tags',
      severity: 'low',
      verdict: 'pass',
      message: 'aws_vpc.main carries every required tag',
      resource: { type: 'aws_vpc', address: 'aws_vpc.main', source: 'plan', input: 'plans/prod.json' },
      evidence: [],
      remediation: 'Add the Owner tag.',
      fingerprint: FINGERPRINT(8),
    },
  ];
  const policies = [
    policyMeta(definePolicy({ id: 'db-internet-reachable', helpUri: 'https://example.com/warden/db-internet-reachable', title: 'Database reachable from the internet', severity: 'critical', description: 'A database instance can receive a TCP connection from the internet.', remediation: 'Make the database private.', frameworks: { 'CIS AWS 3.0': ['2.3.3'] }, tags: ['network', 'database'], check() {} })),
    policyMeta(definePolicy({ id: 'sg-open-ingress', helpUri: 'https://example.com/warden/sg-open-ingress', title: 'Security group open to the internet', severity: 'high', description: 'A security group admits traffic from the internet.', remediation: 'Restrict the CIDR.', tags: ['network'], check() {} })),
    policyMeta(definePolicy({ id: 'required-tags', helpUri: 'https://example.com/warden/required-tags', title: 'Required tags', severity: 'low', description: 'A taggable resource lacks a required tag.', remediation: 'Add the tags.', frameworks: { Internal: [] }, check() {} })),
  ];
  return {
    tool: { name: 'warden', version: '0.1.0', informationUri: 'https://github.com/warden-scanner/warden' },
    command: 'scan',
    inputs: [
      { path: 'plans/prod.json', kind: 'plan', status: 'scanned', resources: 42, details: { formatVersion: '1.2', terraformVersion: '1.9.5' } },
      { path: 'infra', kind: 'hcl', status: 'scanned', resources: 17 },
      { path: 'plans/broken.json', kind: 'unknown', status: 'error', error: 'plans/broken.json:3:1: invalid JSON: unexpected token' },
    ],
    coverage: {
      complete: false,
      gaps: [
        { scope: 'input', target: 'plans/broken.json', message: 'plans/broken.json:3:1: invalid JSON: unexpected token' },
        { scope: 'policy', target: 'infra', policyId: 'required-tags', message: 'policy required-tags failed: cannot read tags' },
      ],
    },
    policies,
    findings,
    summary: summarise(findings),
    warnings: ['warden.yaml: ignore of sg-open-ingress for aws_security_group.old expired on 2024-01-01 and no longer suppresses'],
  };
}
