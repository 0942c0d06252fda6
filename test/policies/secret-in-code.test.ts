import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/report/reporter.js';
import { sourceDir } from '../engines/hcl/hcl-helpers.js';
import { runMain } from '../support/run-main.js';

/**
 * Issue 17 "secrets in code": a tree mixing provider keys, an RDS password literal, a tfvars value and
 * a default of sensitive variables and a PEM key in a heredoc reports each once at its line; the clean
 * counterpart reports none; and no secret's text reaches any output format.
 */

const SECRETS = {
  accessKey: 'AKIAZ3QW7RTYUIOPLKJH',
  secretKey: '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',
  rdsPassword: 'hunter2-Xy7Qw9',
  tfvarsPassword: 'tfvars-Pw4Lk8Mn',
  defaultToken: 'tok-9f8e7d6c5b4a3210',
  pemBody: 'MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oJXl4Tmo2ZXRoAoGCCqGSM49',
};

const BAD_TF = `provider "aws" {
  region     = "eu-west-1"
  access_key = "${SECRETS.accessKey}"
  secret_key = "${SECRETS.secretKey}"
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "api_token" {
  type      = string
  sensitive = true
  default   = "${SECRETS.defaultToken}"
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  username          = "app"
  password          = "${SECRETS.rdsPassword}"
  storage_encrypted = true
}

resource "aws_ssm_parameter" "tls" {
  name  = "/app/tls"
  type  = "SecureString"
  value = var.admin_password
  description = <<-EOT
    -----BEGIN EC PRIVATE KEY-----
    ${SECRETS.pemBody}
    -----END EC PRIVATE KEY-----
  EOT
}
`;

const CLEAN_TF = `provider "aws" {
  region = "eu-west-1"
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "api_token" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "prod/db"
}

resource "random_password" "cluster" {
  length = 32
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  username          = "app"
  password          = data.aws_secretsmanager_secret_version.db.secret_string
  storage_encrypted = true
}

resource "aws_rds_cluster" "main" {
  engine          = "aurora-postgresql"
  master_username = "app"
  master_password = random_password.cluster.result
}

resource "aws_db_instance" "managed" {
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
}

resource "aws_ssm_parameter" "token" {
  name        = "/app/token"
  type        = "SecureString"
  value       = var.api_token
  description = "the example key AKIAIOSFODNN7EXAMPLE from the AWS docs is not a key"
}
`;

interface JsonFinding {
  verdict: string;
  message: string;
  resource: { address: string };
  location?: { file: string; startLine: number };
  evidence?: { path: string }[];
}

async function scan(files: Record<string, string>, args: string[] = []): Promise<{ code: number; outputs: Record<string, string>; findings: JsonFinding[] }> {
  const { dir, cleanup } = sourceDir(files);
  try {
    const reports = FORMATS.filter((f) => f !== 'console').flatMap((format) => ['--report', `${format}=${join(dir, `out.${format}`)}`]);
    const run = await runMain(['scan', '.', '--only', 'secret-in-code', '--include-passes', '--format', 'console', ...reports, ...args], dir);
    const outputs: Record<string, string> = { console: run.stdout, stderr: run.stderr };
    for (const format of FORMATS) if (format !== 'console') outputs[format] = readFileSync(join(dir, `out.${format}`), 'utf8');
    const findings = (JSON.parse(outputs['json']!) as { findings: JsonFinding[] }).findings;
    return { code: run.code, outputs, findings };
  } finally {
    cleanup();
  }
}

describe('secret-in-code on a .tf tree', () => {
  it('reports each literal secret once, at its file and line, naming the attribute', async () => {
    const { code, findings } = await scan({ 'main.tf': BAD_TF, 'terraform.tfvars': `admin_password = "${SECRETS.tfvarsPassword}"\n` });
    expect(code).toBe(1);
    const failing = findings
      .filter((f) => f.verdict === 'fail')
      .map((f) => `${f.resource.address} ${f.evidence?.[0]?.path} ${f.location?.file.split('/').pop()}:${f.location?.startLine}`)
      .sort();
    expect(failing).toEqual(
      [
        'provider.aws access_key main.tf:3',
        'provider.aws secret_key main.tf:4',
        'var.api_token default main.tf:15',
        'aws_db_instance.main password main.tf:22',
        'aws_ssm_parameter.tls description main.tf:30',
        'var.admin_password value terraform.tfvars:1',
      ].sort(),
    );
    // The access key id is shown by its last 4 characters only.
    expect(findings.some((f) => f.message.includes('AKIA…LKJH'))).toBe(true);
  });

  it('shows no secret in any output format', async () => {
    const { outputs } = await scan({ 'main.tf': BAD_TF, 'terraform.tfvars': `admin_password = "${SECRETS.tfvarsPassword}"\n` });
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['console', 'json', 'sarif', 'junit', 'markdown', 'csv', 'ocsf']));
    for (const [format, text] of Object.entries(outputs)) {
      for (const [what, secret] of Object.entries(SECRETS)) expect(text, `${what} in ${format}`).not.toContain(secret);
    }
  });

  it('reports nothing on the clean counterpart, and passes the values supplied at run time', async () => {
    const { code, findings } = await scan({ 'main.tf': CLEAN_TF });
    expect(findings.filter((f) => f.verdict !== 'pass')).toEqual([]);
    expect(code).toBe(0);
    const passed = findings.map((f) => f.resource.address);
    expect(passed).toEqual(expect.arrayContaining(['aws_db_instance.main', 'aws_rds_cluster.main', 'aws_db_instance.managed', 'aws_ssm_parameter.token']));
  });

  it('does not count a value given with --var as written in the code', async () => {
    const { findings } = await scan({ 'main.tf': CLEAN_TF }, ['--var', `admin_password=${SECRETS.tfvarsPassword}`]);
    expect(findings.filter((f) => f.verdict === 'fail')).toEqual([]);
  });
});
