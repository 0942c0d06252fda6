import { describe, expect, it } from 'vitest';
import { sourceDir, REPO } from '../engines/hcl/hcl-helpers.js';
import { runMain } from '../support/run-main.js';

describe('warden scan DIR', () => {
  it('prints a syntax error as file:line:col, scans the other files, and exits 3 when nothing else fails', async () => {
    const { dir, cleanup } = sourceDir({
      'ok.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n  tags = { Environment = "dev", Owner = "ops" }\n}\n',
      'bad.tf': 'resource "aws_sqs_queue" "r" {\n  name = "r"\n',
    });
    try {
      const run = await runMain(['scan', '.', '--format', 'json'], dir);
      expect(run.stderr).toBe('warden: bad.tf:3:1: syntax error: missing "}"\n');
      expect(run.code).toBe(3);
      const result = JSON.parse(run.stdout) as { inputs: { kind: string; resources: number }[]; coverage: { complete: boolean; gaps: { target: string }[] } };
      expect(result.inputs[0]).toMatchObject({ kind: 'hcl', resources: 1 });
      expect(result.coverage).toMatchObject({ complete: false, gaps: [{ target: 'bad.tf' }] });
    } finally {
      cleanup();
    }
  });

  it('takes --var and --var-file, and rejects a missing --var-file before scanning', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': 'variable "owner" {}\nvariable "env" {}\nresource "aws_sqs_queue" "q" {\n  name = "q"\n  tags = { Environment = var.env, Owner = var.owner }\n}\n',
      'prod.tfvars': 'env = "prod"\n',
    });
    try {
      const unknown = await runMain(['scan', '.', '--only', 'required-tags', '--format', 'json'], dir);
      expect(JSON.parse(unknown.stdout).summary.byVerdict).toMatchObject({ unknown: 1 });
      const given = await runMain(['scan', '.', '--only', 'required-tags', '--var-file', 'prod.tfvars', '--var', 'owner=ops', '--format', 'json'], dir);
      expect(given.code).toBe(0);
      expect(JSON.parse(given.stdout).summary.findings).toBe(0);
      const missing = await runMain(['scan', '.', '--var-file', 'nope.tfvars'], dir);
      expect(missing).toMatchObject({ code: 2, stderr: 'warden: --var-file: nope.tfvars is not a readable file\n' });
      const malformed = await runMain(['scan', '.', '--var', 'owner'], dir);
      expect(malformed).toMatchObject({ code: 2, stderr: 'warden: --var: expected NAME=VALUE, got "owner"\n' });
    } finally {
      cleanup();
    }
  });

  it('maps a plan to the sources given with --source-root', async () => {
    const run = await runMain(['scan', 'fixtures/modules-repo/plan.json', '--source-root', 'fixtures/modules-repo', '--only', 'sg-open-ingress', '--format', 'json'], REPO);
    const files = (JSON.parse(run.stdout) as { findings: { location: { file: string } }[] }).findings.map((f) => f.location.file);
    expect(files.sort()).toEqual(['fixtures/modules-repo/modules/db-sg/main.tf', 'fixtures/modules-repo/modules/web-sg/main.tf']);
    const bad = await runMain(['scan', 'fixtures/modules-repo/plan.json', '--source-root', 'no/such/dir'], REPO);
    expect(bad).toMatchObject({ code: 2, stderr: 'warden: --source-root: no/such/dir is not a directory\n' });
  });
});

describe('warden scan FILE.tf', () => {
  const files = {
    'main.tf': 'resource "aws_security_group" "web" {\n  name = "web"\n  tags = { Environment = "dev", Owner = "ops" }\n}\nresource "aws_sqs_queue" "q" {\n  name = "q"\n  tags = { Environment = "dev" }\n}\n',
    'rules.tf': 'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = aws_security_group.web.id\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n}\nresource "aws_sqs_queue" "other" {\n  name = "other"\n}\n',
  };
  const reported = (stdout: string): string[] =>
    (JSON.parse(stdout) as { findings: { ruleId: string; resource: { address: string }; location: { file: string; startLine: number } }[] }).findings
      .map((f) => `${f.ruleId} ${f.resource.address} ${f.location.file}:${f.location.startLine}`)
      .sort();

  it("reads the file as HCL in its directory's configuration and reports what is written in that file", async () => {
    const { dir, cleanup } = sourceDir(files);
    try {
      const main = await runMain(['scan', 'main.tf', '-f', 'json'], dir);
      expect(main.stderr).toBe('');
      expect(main.code).toBe(1);
      // The group is in main.tf; its open rule (from rules.tf) joins it as in a directory scan, and the
      // finding points at the rule's cidr_blocks line.
      // Nothing in the files uses the group: sg-unused reports it where it is declared.
      expect(reported(main.stdout)).toEqual(['required-tags aws_sqs_queue.q main.tf:7', 'sg-open-ingress aws_security_group.web rules.tf:7', 'sg-unused aws_security_group.web main.tf:1']);
      expect(JSON.parse(main.stdout).inputs[0]).toMatchObject({ path: 'main.tf', kind: 'hcl', status: 'scanned', resources: 2 });
      const rules = await runMain(['scan', 'rules.tf', '-f', 'json'], dir);
      expect(reported(rules.stdout)).toEqual(['required-tags aws_sqs_queue.other rules.tf:9', 'sg-open-ingress aws_security_group.web rules.tf:7']);
    } finally {
      cleanup();
    }
  });
});
