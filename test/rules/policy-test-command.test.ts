import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { runMain } from '../support/run-main.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'warden-test-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const lastLine = (text: string): string => text.trim().split('\n').pop()!;

describe('warden test', () => {
  it('passes on the built-in policies, every one with cases', async () => {
    const run = await runMain(['test'], ROOT);
    expect(run.stderr).toBe('');
    expect(lastLine(run.stdout)).toMatch(/^[1-9]\d* passed, 0 failed$/);
    for (const policy of builtinPolicies) expect(run.stdout).toContain(`${policy.id}  built-in`);
    expect(run.code).toBe(0);
  });

  it('fails with exit 1 and names the case when a built-in policy meets a wrong case', async () => {
    const dir = join(scratch, 'builtin-copy');
    mkdirSync(dir, { recursive: true });
    const table = readFileSync(join(ROOT, 'policies/sg-open-ingress.cases.yaml'), 'utf8');
    const wrong = table.replace('{ address: aws_security_group.ssh, verdict: fail, severity: high,', '{ address: aws_security_group.ssh, verdict: fail, severity: critical,');
    expect(wrong).not.toBe(table);
    writeFileSync(join(dir, 'sg-open-ingress.cases.yaml'), wrong);
    writeFileSync(join(dir, 'sg-open-ingress.ts'), `export { sgOpenIngress as default } from ${JSON.stringify(join(ROOT, 'policies/sg-open-ingress.ts'))};\n`);
    const run = await runMain(['test', dir], ROOT);
    expect(run.code).toBe(1);
    const file = join(dir, 'sg-open-ingress.cases.yaml');
    for (const form of ['tf', 'plan', 'live']) {
      expect(run.stdout).toContain(`✗ ssh-world [${form}]  ${file}\n      - missing: fail critical aws_security_group.ssh containing "tcp 22 (SSH) from 0.0.0.0/0" (on that resource: fail high aws_security_group.ssh: `);
      expect(run.stdout).toContain(`Failed:\n  sg-open-ingress ssh-world [tf] (${file})`);
    }
    expect(run.stdout).toContain('      - unexpected: fail high aws_security_group.ssh');
    // The forms still agree with each other: only the expectation is wrong.
    expect(run.stdout).toContain('✓ ssh-world [same]');
    const cases = run.stdout.match(/✓/g)!.length;
    expect(lastLine(run.stdout)).toBe(`${cases} passed, 3 failed`);
  });

  it('runs a TypeScript policy folder and a YAML policy with inline examples; a wrong example fails', async () => {
    const ts = await runMain(['test', 'examples/policies/typescript'], ROOT);
    expect(ts).toMatchObject({ code: 0, stderr: '' });
    expect(lastLine(ts.stdout)).toBe('7 passed, 0 failed');
    expect(ts.stdout).toContain('  ✓ tls-1-0-default-policy [tf]\n  ✓ tls-1-0-default-policy [plan]\n  ✓ tls-1-0-default-policy [same]\n');

    const dir = join(scratch, 'yaml-copy');
    cpSync(join(ROOT, 'examples/policies/yaml'), dir, { recursive: true });
    const file = join(dir, 'lb-tls-min-version.policy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ssl_policy: ELBSecurityPolicy-TLS13-1-2-2021-06', 'ssl_policy: ELBSecurityPolicy-TLS-1-1-2017-01'));
    const run = await runMain(['test', dir], ROOT);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✗ pass/tls13-and-plain-http  ${dir}/lb-tls-min-version.policy.yaml: examples[1]`);
    expect(run.stdout).toContain('- unexpected: fail high aws_lb_listener.https: aws_lb_listener.https uses ELBSecurityPolicy-TLS-1-1-2017-01, which allows TLS older than 1.2');
    expect(lastLine(run.stdout)).toBe('2 passed, 1 failed');
  });

  it('runs Terraform source-folder cases and saved-inventory cases through the same harness', async () => {
    const dir = join(scratch, 'input-kinds');
    const fail = join(dir, 'sg-open-ingress/cases/fail');
    mkdirSync(join(fail, 'ssh-source'), { recursive: true });
    writeFileSync(join(dir, 'sg-open-ingress.ts'), `export { sgOpenIngress as default } from ${JSON.stringify(join(ROOT, 'policies/sg-open-ingress.ts'))};\n`);
    writeFileSync(join(fail, 'ssh-source/main.tf'), [
      'resource "aws_security_group" "ssh" {',
      '  name   = "ssh"',
      '  vpc_id = "vpc-0a1b2c3d4e5f60718"',
      '  ingress {',
      '    protocol    = "tcp"',
      '    from_port   = 22',
      '    to_port     = 22',
      '    cidr_blocks = ["0.0.0.0/0"]',
      '  }',
      '}',
    ].join('\n'));
    writeFileSync(join(fail, 'ssh-source/warden-case.json'), JSON.stringify({ warden_expect: [{ verdict: 'fail', severity: 'high', address: 'aws_security_group.ssh' }] }));
    const group = { GroupId: 'sg-0123456789abcdef0', GroupName: 'ssh', VpcId: 'vpc-0a1b2c3d4e5f60718', OwnerId: '111122223333', IpPermissionsEgress: [],
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] };
    writeFileSync(join(fail, 'ssh-live.json'), JSON.stringify({
      warden_inventory: 1,
      source: 'api',
      targets: [{ account: '111122223333', region: 'eu-west-1', responses: { 'ec2:DescribeSecurityGroups': [{ SecurityGroups: [group] }] } }],
      accounts: [],
      warden_expect: [{ verdict: 'fail', severity: 'high', address: 'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0123456789abcdef0' }],
    }));
    const run = await runMain(['test', dir], ROOT);
    expect(run.stdout).toContain('  ✓ fail/ssh-live\n  ✓ fail/ssh-source\n');
    expect(lastLine(run.stdout)).toBe('2 passed, 0 failed');

    // A source folder without its expectation file, and one that does not parse, fail rather than pass.
    mkdirSync(join(fail, 'no-spec'));
    writeFileSync(join(fail, 'no-spec/main.tf'), 'resource "aws_security_group" "x" {}\n');
    mkdirSync(join(fail, 'broken-hcl'));
    writeFileSync(join(fail, 'broken-hcl/main.tf'), 'resource "aws_security_group" "x" {\n');
    writeFileSync(join(fail, 'broken-hcl/warden-case.json'), JSON.stringify({ warden_expect: [{ verdict: 'fail', severity: 'high', address: 'aws_security_group.x' }] }));
    const broken = await runMain(['test', dir], ROOT);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('✗ fail/no-spec');
    expect(broken.stdout).toContain('- a source-folder case needs warden-case.json beside its .tf files, holding its warden_expect');
    expect(broken.stdout).toMatch(/✗ fail\/broken-hcl .*\n {6}- not fully readable: /);
    expect(lastLine(broken.stdout)).toBe('2 passed, 2 failed');
  });

  it('counts a policy without cases and a policy that does not load as failures', async () => {
    const dir = join(scratch, 'no-cases');
    mkdirSync(dir, { recursive: true });
    cpSync(join(ROOT, 'examples/policies/typescript/lb-tls-min-version.ts'), join(dir, 'lb-tls-min-version.ts'));
    writeFileSync(join(dir, 'broken.policy.yaml'), 'id: broken\n');
    const run = await runMain(['test', dir], ROOT);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✗ no cases: add ${dir}/lb-tls-min-version.cases.yaml (or ${dir}/lb-tls-min-version/cases/{pass,fail,unknown}/*.json)`);
    expect(run.stdout).toContain(`✗ ${dir}/broken.policy.yaml:1: policy broken: /: "title", "severity", "description", "remediation", "resourceTypes", "failWhen" are required`);
    expect(lastLine(run.stdout)).toBe('0 passed, 2 failed');
  });

  it('fails on a folder with no policy in it: nothing tested is not a pass', async () => {
    const dir = join(scratch, 'empty');
    mkdirSync(join(dir, 'helpers'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), 'no policies here\n');
    const run = await runMain(['test', dir], ROOT);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✗ no policies found in ${dir} (policy files: .ts, .mts, .js, .mjs, *.policy.yaml|yml|json)`);
    expect(lastLine(run.stdout)).toBe('0 passed, 1 failed');
  });
});
