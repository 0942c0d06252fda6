import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/report/reporter.js';
import { sourceDir } from '../engines/hcl/hcl-helpers.js';
import { runMain } from '../support/run-main.js';

/**
 * Issue 13 §3: a secret given to sensitive variables with --var, --var-file or terraform.tfvars, or
 * written as a backend credential (in the block or in .terraform/terraform.tfstate), never appears in
 * any output format — messages, evidence, properties, nor resource addresses — while the findings it
 * drives are still reported.
 */

const SECRETS = {
  flag: 'tok-Zq9xK2flagsecret',
  varFile: 'own-Vb7Lq1filesecret',
  tfvars: 'key-Mn4Pw8tfvarsecret',
  backendKey: 'AKIAZZQQBACKEND7788',
  backendToken: 'bk-token-Rt5Yu6secret',
  stateSecret: 'state-secret-Hj2Kl9xx',
  stateSas: 'sv=2024&sig=Sas9Secret',
  stateConn: 'postgres://app:ConnPw77@db/state',
};

const MAIN_TF = `
terraform {
  backend "s3" {
    bucket     = "state"
    key        = "app.tfstate"
    region     = "eu-west-1"
    access_key = "${SECRETS.backendKey}"
    token      = "${SECRETS.backendToken}"
  }
}

variable "token" {
  type      = string
  sensitive = true
}
variable "owner" {
  type      = string
  sensitive = true
}
variable "keys" {
  type      = list(string)
  sensitive = true
}
variable "cidrs" {
  type      = list(string)
  sensitive = true
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "deploy \${var.token}"
  ingress {
    description = var.token
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
  tags = {
    Environment = var.owner
    Owner       = var.token
  }
}

# Instance keys from sensitive values: Terraform rejects them; warden must not print them in addresses.
resource "aws_sqs_queue" "by_set" {
  for_each = toset(var.keys)
  name     = each.key
}
resource "aws_sqs_queue" "by_for_key" {
  for_each = { for k in ["a"] : "\${k}-\${var.token}" => k }
  name     = each.value
}
resource "aws_sqs_queue" "by_object_key" {
  for_each = { (var.token) = "x" }
  name     = each.key
}
resource "aws_sqs_queue" "by_expansion" {
  for_each = toset([format("%s", var.keys...)])
  name     = each.key
}
resource "aws_sqs_queue" "by_count" {
  count = length(var.keys)
  name  = "q\${count.index}"
}
`;

const STATE = JSON.stringify({
  version: 3,
  backend: {
    type: 'azurerm',
    config: { storage_account_name: 'acct', container_name: 'tfstate', key: 'app', sas_token: SECRETS.stateSas, client_secret: SECRETS.stateSecret, access_key: SECRETS.stateSecret, conn_str: SECRETS.stateConn },
  },
});

const CONFIG = `policies:
  required-tags:
    options:
      required:
        Environment:
          allowed: [dev, prod]
        Owner:
          pattern: "^team-"
`;

describe('secrets never reach an output', () => {
  it('holds for every format, with the findings the secrets drive still reported', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': MAIN_TF,
      'terraform.tfvars': `keys = ["${SECRETS.tfvars}"]\ncidrs = ["0.0.0.0/0"]\n`,
      'prod.tfvars': `owner = "${SECRETS.varFile}"\n`,
      'warden.yaml': CONFIG,
    });
    try {
      mkdirSync(join(dir, '.terraform'));
      writeFileSync(join(dir, '.terraform', 'terraform.tfstate'), STATE);
      const reports = FORMATS.filter((f) => f !== 'console').flatMap((format) => ['--report', `${format}=${join(dir, `out.${format}`)}`]);
      const run = await runMain(['scan', '.', '--config', 'warden.yaml', '--var-file', 'prod.tfvars', '--var', `token=${SECRETS.flag}`, '--include-passes', '--format', 'console', ...reports], dir);
      const outputs: Record<string, string> = { console: run.stdout, stderr: run.stderr };
      for (const format of FORMATS) if (format !== 'console') outputs[format] = readFileSync(join(dir, `out.${format}`), 'utf8');

      for (const [name, text] of Object.entries(outputs)) {
        for (const [what, secret] of Object.entries(SECRETS)) expect(text, `${what} in ${name}`).not.toContain(secret);
      }

      // The secrets still decide: SSH open to a sensitive 0.0.0.0/0, tags whose sensitive values are not allowed.
      expect(run.code).toBe(1);
      const json = JSON.parse(outputs['json']!) as { findings: { ruleId: string; verdict: string; resource: { address: string }; message: string }[] };
      const failing = json.findings.filter((f) => f.verdict === 'fail').map((f) => `${f.ruleId} ${f.resource.address}`);
      expect(failing).toContain('sg-open-ingress aws_security_group.web');
      expect(failing.filter((f) => f === 'required-tags aws_security_group.web')).toHaveLength(1);
      expect(json.findings.some((f) => f.message.includes('(sensitive)'))).toBe(true);
      // A sensitive for_each or count is not expanded: its instances are one undecided resource.
      for (const name of ['by_set', 'by_for_key', 'by_object_key', 'by_expansion', 'by_count']) {
        const addresses = new Set(json.findings.map((f) => f.resource.address).filter((a) => a.startsWith(`aws_sqs_queue.${name}`)));
        expect([...addresses], name).toEqual([`aws_sqs_queue.${name}[*]`]);
      }
    } finally {
      cleanup();
    }
  });
});
