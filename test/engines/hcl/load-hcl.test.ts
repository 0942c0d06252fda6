import { describe, expect, it } from 'vitest';
import { loadHclDirectory } from '../../../src/engines/hcl/load-hcl.js';
import { isSensitive } from '../../../src/model/sensitive.js';
import { isMarkedSensitive } from '../../../src/model/sensitive-marks.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { byAddress, evaluateDir, fixture, lineOf, REPO, sourceDir } from './hcl-helpers.js';

describe('HCL engine on fixtures/modules-repo', () => {
  const load = () => loadHclDirectory(fixture('modules-repo'), 'fixtures/modules-repo', { cwd: REPO });

  it('expands count, for_each and module calls into instance addresses with their files and lines', async () => {
    const { inventories, problems } = await load();
    expect(problems).toEqual([]);
    expect(inventories).toHaveLength(1);
    const resources = inventories[0]!.resources;
    expect(resources.map((r) => r.address)).toEqual([
      'aws_vpc.main',
      'aws_subnet.private[0]',
      'aws_subnet.private[1]',
      'module.web.aws_security_group.this',
      'module.db["orders"].aws_security_group.this',
      'module.db["orders"].aws_security_group_rule.ingress[0]',
      'module.db["reports"].aws_security_group.this',
      'module.db["reports"].aws_security_group_rule.ingress[0]',
    ]);
    expect(lineOf(byAddress(resources, 'aws_subnet.private[1]'))).toBe('fixtures/modules-repo/main.tf:30');
    const web = byAddress(resources, 'module.web.aws_security_group.this');
    const db = byAddress(resources, 'module.db["orders"].aws_security_group.this');
    // Two modules, one resource name: each instance points into its own module.
    expect(lineOf(web)).toBe('fixtures/modules-repo/modules/web-sg/main.tf:13');
    expect(lineOf(db)).toBe('fixtures/modules-repo/modules/db-sg/main.tf:17');
    expect(web.modulePath).toBe('module.web');
    expect(db.modulePath).toBe('module.db["orders"]');
    expect(byAddress(resources, 'aws_subnet.private[1]').index).toBe(1);
    // Dynamic blocks become one block per element; attribute locations point into `content`.
    expect(web.values['ingress']).toEqual([
      { description: 'port 22', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] },
      { description: 'port 443', from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] },
    ]);
    expect(lineOf(web, 'ingress.1.cidr_blocks')).toBe('fixtures/modules-repo/modules/web-sg/main.tf:25');
    expect(lineOf(web, 'egress.0')).toBe('fixtures/modules-repo/modules/web-sg/main.tf:29');
  });

  it('binds tfvars, module inputs and optional attribute defaults', async () => {
    const resources = (await load()).inventories[0]!.resources;
    expect(byAddress(resources, 'aws_subnet.private[1]').values['cidr_block']).toBe('10.20.1.0/24');
    expect(byAddress(resources, 'module.db["orders"].aws_security_group_rule.ingress[0]').values).toMatchObject({ from_port: 5432, cidr_blocks: ['0.0.0.0/0'] });
    // `reports` gives no cidrs: optional(list(string), ["10.20.0.0/16"]) fills them in.
    expect(byAddress(resources, 'module.db["reports"].aws_security_group_rule.ingress[0]').values['cidr_blocks']).toEqual(['10.20.0.0/16']);
  });

  it('records references through module inputs, so inventory joins work as for plans', async () => {
    const inventory = (await load()).inventories[0]!;
    const rule = byAddress(inventory.resources, 'module.db["orders"].aws_security_group_rule.ingress[0]');
    expect(isUnknown(rule.values['security_group_id'])).toBe(true);
    expect(rule.references['security_group_id']).toEqual(['module.db["orders"].aws_security_group.this']);
    const web = byAddress(inventory.resources, 'module.web.aws_security_group.this');
    expect(inventory.resolve(web, 'vpc_id', ['aws_vpc'])).toEqual([byAddress(inventory.resources, 'aws_vpc.main')]);
    const group = inventory.securityGroups.find((g) => g.key === 'module.db["orders"].aws_security_group.this')!;
    expect(group.rules.map((r) => [r.direction, r.fromPort, r.ipv4Cidrs])).toEqual([['ingress', 5432, ['0.0.0.0/0']]]);
  });

  it('merges the provider default_tags into effective tags', async () => {
    const resources = (await load()).inventories[0]!.resources;
    expect(byAddress(resources, 'module.web.aws_security_group.this').tags).toEqual({ Environment: 'prod', ManagedBy: 'terraform', Owner: 'web-team' });
    expect(byAddress(resources, 'aws_vpc.main').values['tags_all']).toEqual({ Environment: 'prod', ManagedBy: 'terraform', Name: 'main', Owner: 'platform' });
    // Not taggable: no tags at all, so tag policies leave it alone.
    expect(byAddress(resources, 'module.db["orders"].aws_security_group_rule.ingress[0]').tags).toBeUndefined();
  });
});

describe('HCL engine', () => {
  it('takes default_tags from the provider configuration a resource (or module) uses', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': `provider "aws" {
  default_tags {
    tags = { Environment = "prod" }
  }
}
provider "aws" {
  alias = "dr"
  default_tags {
    tags = { Environment = "dr", Owner = "resilience" }
  }
}
resource "aws_sqs_queue" "main" {
  name = "main"
}
resource "aws_sqs_queue" "replica" {
  provider = aws.dr
  name     = "replica"
  tags     = { Owner = "queue-team" }
}
module "dr" {
  source    = "./child"
  providers = { aws = aws.dr }
}
module "plain" {
  source = "./child"
}
`,
      'child/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
    });
    try {
      const { resources } = await evaluateDir(dir);
      expect(byAddress(resources, 'aws_sqs_queue.main').tags).toEqual({ Environment: 'prod' });
      expect(byAddress(resources, 'aws_sqs_queue.replica').tags).toEqual({ Environment: 'dr', Owner: 'queue-team' });
      expect(byAddress(resources, 'module.dr.aws_s3_bucket.b').tags).toEqual({ Environment: 'dr', Owner: 'resilience' });
      expect(byAddress(resources, 'module.plain.aws_s3_bucket.b').tags).toEqual({ Environment: 'prod' });
    } finally {
      cleanup();
    }
  });

  it('applies variable values in Terraform order: default, terraform.tfvars, *.auto.tfvars, --var-file, --var', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': ['a', 'b', 'c', 'd', 'e'].map((n) => `variable "${n}" {\n  default = "default"\n}\n`).join('') +
        'variable "ports" {\n  type = list(number)\n}\nresource "aws_sqs_queue" "q" {\n  name = join(",", [var.a, var.b, var.c, var.d, var.e])\n  delay_seconds = var.ports[0]\n}\n',
      'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"\ne = "tfvars"\nports = [1]\n',
      'z.auto.tfvars.json': '{"c": "auto", "d": "auto", "e": "auto"}',
      'extra.tfvars': 'd = "var-file"\ne = "var-file"\n',
    });
    try {
      const { resources } = await evaluateDir(dir, { varFiles: [`${dir}/extra.tfvars`], vars: ['e=flag', 'ports=[8080, 9090]'] });
      expect(byAddress(resources, 'aws_sqs_queue.q').values).toMatchObject({ name: 'default,tfvars,auto,var-file,flag', delay_seconds: 8080 });
    } finally {
      cleanup();
    }
  });

  it('reads modules that terraform init downloaded, and reports those it did not', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n  name    = "main"\n}\nmodule "missing" {\n  source = "git::https://example.com/modules.git//sg"\n}\n',
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Version: '5.0.0', Dir: '.terraform/modules/vpc' },
        ],
      }),
      '.terraform/modules/vpc/main.tf': 'variable "name" {}\nresource "aws_vpc" "this" {\n  cidr_block = "10.0.0.0/16"\n  tags       = { Name = var.name }\n}\n',
    });
    try {
      const loaded = await loadHclDirectory(dir, 'repo', { cwd: dir });
      expect(loaded.roots.map((r) => r.display)).toEqual(['.']);
      const vpc = byAddress(loaded.inventories[0]!.resources, 'module.vpc.aws_vpc.this');
      expect(vpc.tags).toEqual({ Name: 'main' });
      expect(lineOf(vpc)).toBe('.terraform/modules/vpc/main.tf:2');
      expect(loaded.problems.map((p) => p.message)).toEqual([
        'main.tf:6:1: module "missing" (source "git::https://example.com/modules.git//sg") is not downloaded, so its resources are not scanned: run `terraform init -backend=false` in the working directory first (it downloads modules without backend credentials; see docs/github-action.md)',
      ]);
    } finally {
      cleanup();
    }
  });

  it('treats every directory no other module calls as a root module of its own', async () => {
    const { dir, cleanup } = sourceDir({
      'envs/prod/main.tf': 'module "app" {\n  source = "../../modules/app"\n  env    = "prod"\n}\n',
      'envs/dev/main.tf': 'module "app" {\n  source = "../../modules/app"\n  env    = "dev"\n}\n',
      'modules/app/main.tf': 'variable "env" {}\nresource "aws_sqs_queue" "q" {\n  name = "q-${var.env}"\n}\n',
    });
    try {
      const loaded = await loadHclDirectory(dir, 'repo', { cwd: dir });
      expect(loaded.inventories.map((i) => [i.input, i.resources.map((r) => `${r.address}=${String(r.values['name'])}`)])).toEqual([
        ['envs/dev', ['module.app.aws_sqs_queue.q=q-dev']],
        ['envs/prod', ['module.app.aws_sqs_queue.q=q-prod']],
      ]);
    } finally {
      cleanup();
    }
  });

  it('reports a file with a syntax error as file:line:col and still reads the others', async () => {
    const loaded = await loadHclDirectory(fixture('syntax-error'), 'fixtures/syntax-error', { cwd: REPO });
    expect(loaded.problems).toEqual([
      { target: 'fixtures/syntax-error/broken.tf', message: 'fixtures/syntax-error/broken.tf:5:5: syntax error near "Owner ="' },
    ]);
    expect(loaded.inventories[0]!.resources.map((r) => r.address)).toEqual(['aws_security_group.ssh']);
  });

  it('reports a .tfvars.json that is not valid JSON as file:line:col, and one that is no object, and still reads the rest', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': 'variable "name" {\n  default = "d"\n}\nresource "aws_sqs_queue" "q" {\n  name = var.name\n}\n',
      'a.auto.tfvars.json': '{\n  "name": "a",\n}\n',
      'b.auto.tfvars.json': '["name"]',
    });
    try {
      const loaded = await loadHclDirectory(dir, 'repo', { cwd: dir });
      expect(loaded.problems.map((p) => p.message)).toEqual([
        'a.auto.tfvars.json:3:1: not valid JSON: trailing comma before "}"',
        'b.auto.tfvars.json: not valid JSON: expected an object of variable values',
      ]);
      expect(byAddress(loaded.inventories[0]!.resources, 'aws_sqs_queue.q').values).toMatchObject({ name: 'd' });
    } finally {
      cleanup();
    }
  });

  it('keeps an instance per unknown count or for_each, and marks unknown dynamic blocks', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': `variable "rules" {}
resource "aws_instance" "web" {
  count         = length(data.aws_availability_zones.all.names)
  instance_type = "t3.micro"
}
resource "aws_security_group" "g" {
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port = ingress.value
    }
  }
}
data "aws_availability_zones" "all" {}
`,
    });
    try {
      const { resources } = await evaluateDir(dir);
      const web = byAddress(resources, 'aws_instance.web[*]');
      expect(web.values['instance_type']).toBe('t3.micro');
      const ingress = byAddress(resources, 'aws_security_group.g').values['ingress'] as unknown[];
      expect(ingress).toHaveLength(1);
      expect(isUnknown(ingress[0]) && ingress[0].reason).toBe('the for_each of dynamic "ingress" is not known statically: var.rules has no value (set it in terraform.tfvars, with --var-file or --var)');
    } finally {
      cleanup();
    }
  });

  it('follows references made through each.value when for_each iterates over resources', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': `resource "aws_s3_bucket" "data" {
  for_each = toset(["logs", "assets"])
  bucket   = "acme-\${each.key}"
}
resource "aws_s3_bucket_versioning" "data" {
  for_each = aws_s3_bucket.data
  bucket   = each.value.id
  versioning_configuration {
    status = each.value.bucket == "acme-logs" ? "Enabled" : "Suspended"
  }
}
`,
    });
    try {
      const { inventories } = await loadHclDirectory(dir, 'repo', { cwd: dir });
      const inventory = inventories[0]!;
      expect(byAddress(inventory.resources, 'aws_s3_bucket_versioning.data["logs"]').references['bucket']).toEqual(['aws_s3_bucket.data["logs"]']);
      expect(inventory.buckets.map((b) => [b.name, b.versioning?.status])).toEqual([
        ['acme-assets', 'Suspended'],
        ['acme-logs', 'Enabled'],
      ]);
    } finally {
      cleanup();
    }
  });

  it('never expands a sensitive count or for_each: the instances are one Unknown saying why, with no key in the address', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': [
        'variable "names" {\n  type      = list(string)\n  sensitive = true\n  default   = ["s3cr3t-name"]\n}',
        'resource "aws_sqs_queue" "set" {\n  for_each = toset(var.names)\n  name     = each.key\n}',
        'resource "aws_sqs_queue" "for_key" {\n  for_each = { for n in ["a"] : "${n}${var.names[0]}" => n }\n}',
        'resource "aws_sqs_queue" "object_key" {\n  for_each = { (var.names[0]) = 1 }\n}',
        'resource "aws_sqs_queue" "expanded" {\n  for_each = toset([format("%s", var.names...)])\n}',
        'resource "aws_sqs_queue" "counted" {\n  count = length(var.names)\n}',
        'module "m" {\n  source   = "./m"\n  for_each = toset(var.names)\n}',
      ].join('\n'),
      'm/main.tf': 'resource "aws_sqs_queue" "inner" {}\n',
    });
    try {
      const { resources } = await evaluateDir(dir);
      expect(resources.map((r) => r.address).sort()).toEqual([
        'aws_sqs_queue.counted[*]', 'aws_sqs_queue.expanded[*]', 'aws_sqs_queue.for_key[*]', 'aws_sqs_queue.object_key[*]', 'aws_sqs_queue.set[*]',
        'module.m[*].aws_sqs_queue.inner',
      ]);
      expect(JSON.stringify(resources.map((r) => [r.address, r.values, r.index]))).not.toContain('s3cr3t');
      const set = byAddress(resources, 'aws_sqs_queue.set[*]');
      const name = set.values['name'];
      expect(isUnknown(name) && name.reason).toBe('the for_each of aws_sqs_queue.set is sensitive');
    } finally {
      cleanup();
    }
  });

  it('marks values of sensitive variables, in resources too', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': 'variable "password" {\n  sensitive = true\n}\nresource "aws_db_instance" "db" {\n  password = var.password\n}\n',
      'terraform.tfvars': 'password = "correct-horse"\n',
    });
    try {
      const db = byAddress((await evaluateDir(dir)).resources, 'aws_db_instance.db');
      // The real value for policies to compare; the mark for reporters; the raw document wrapped.
      expect(db.values['password']).toBe('correct-horse');
      expect(isMarkedSensitive(db.sensitive, 'password')).toBe(true);
      expect(isSensitive((db.raw as { values: Record<string, unknown> }).values['password'])).toBe(true);
      expect(JSON.stringify(db.raw)).not.toContain('correct-horse');
    } finally {
      cleanup();
    }
  });
});
