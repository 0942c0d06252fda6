import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a varied Terraform source tree of at least `mb` MB into `outDir` for the HCL benchmarks — a
 * root module with tfvars, locals, provider default_tags and module calls with count/for_each, plus
 * local modules with dynamic blocks, templates, conditionals and function calls.
 */

const PORTS = [22, 80, 443, 3306, 5432, 6379, 8080, 9200];

/** A network module: VPC, subnets (count), security groups with dynamic rules, NACL. */
function networkModule(n: number): string {
  return `variable "name" {
  type = string
}

variable "cidr" {
  type = string
}

variable "azs" {
  type    = list(string)
  default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "services" {
  type = map(object({
    port  = number
    cidrs = optional(list(string), ["10.0.0.0/8"])
  }))
}

locals {
  prefix = "\${var.name}-net-${n}"
  common = {
    Module = "network"
    Stack  = var.name
  }
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_hostnames = true
  tags                 = merge(local.common, { Name = local.prefix })
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(var.cidr, 4, count.index)
  availability_zone = element(var.azs, count.index)
  tags              = merge(local.common, { Name = format("%s-private-%02d", local.prefix, count.index), Tier = "private" })
}

resource "aws_security_group" "service" {
  for_each    = var.services
  name        = "\${local.prefix}-\${each.key}"
  description = "Service \${upper(each.key)} on port \${each.value.port}"
  vpc_id      = aws_vpc.this.id

  dynamic "ingress" {
    for_each = each.value.cidrs
    content {
      description = "\${each.key} from \${ingress.value}"
      from_port   = each.value.port
      to_port     = each.value.port
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = merge(local.common, { Service = each.key })
}

resource "aws_network_acl" "private" {
  vpc_id     = aws_vpc.this.id
  subnet_ids = aws_subnet.private[*].id

  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = var.cidr
    from_port  = 0
    to_port    = 65535
  }
}

output "vpc_id" {
  value = aws_vpc.this.id
}

output "subnet_ids" {
  value = aws_subnet.private[*].id
}
`;
}

/** One application stack in the root module: buckets, a database, IAM with a JSON policy, rules. */
function stackFile(i: number): string {
  const port = PORTS[i % PORTS.length]!;
  const engine = i % 2 === 0 ? 'postgres' : 'mysql';
  return `# Stack ${i}: generated for the HCL throughput benchmark.
module "net_${i}" {
  source = "./modules/network"
  name   = "stack-${i}"
  cidr   = "10.${i % 250}.0.0/16"

  services = {
    api = { port = ${port} }
    web = { port = 443, cidrs = ["0.0.0.0/0"] }
    ops = { port = 22, cidrs = ["10.${i % 250}.0.0/16", "192.168.${i % 250}.0/24"] }
  }
}

locals {
  stack_${i} = {
    name    = "stack-${i}"
    buckets = toset(["logs", "assets", "backups"])
    tags    = merge(var.common_tags, { Stack = "stack-${i}", Cost = var.environment == "prod" ? "high" : "low" })
  }
}

resource "aws_s3_bucket" "stack_${i}" {
  for_each = local.stack_${i}.buckets
  bucket   = "\${var.org}-\${local.stack_${i}.name}-\${each.key}"
  tags     = merge(local.stack_${i}.tags, { Purpose = each.value })
}

resource "aws_s3_bucket_versioning" "stack_${i}" {
  for_each = aws_s3_bucket.stack_${i}
  bucket   = each.value.id

  versioning_configuration {
    status = each.key == "backups" ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "stack_${i}" {
  for_each = aws_s3_bucket.stack_${i}
  bucket   = each.value.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.kms_enabled ? "aws:kms" : "AES256"
    }
  }
}

resource "aws_db_subnet_group" "stack_${i}" {
  name       = "stack-${i}"
  subnet_ids = module.net_${i}.subnet_ids
}

resource "aws_db_instance" "stack_${i}" {
  identifier             = "stack-${i}-db"
  engine                 = "${engine}"
  instance_class         = lookup(var.instance_classes, var.environment, "db.t4g.micro")
  allocated_storage      = ${20 + (i % 5) * 10}
  db_subnet_group_name   = aws_db_subnet_group.stack_${i}.name
  vpc_security_group_ids = [module.net_${i}.vpc_id]
  publicly_accessible    = ${i % 7 === 0 ? 'true' : 'false'}
  storage_encrypted      = ${i % 3 !== 0 ? 'true' : 'false'}
  username               = "app"
  password               = var.db_password
  skip_final_snapshot    = true
  tags                   = local.stack_${i}.tags
}

resource "aws_iam_policy" "stack_${i}" {
  name = "stack-${i}-read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [for name in local.stack_${i}.buckets : {
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::\${var.org}-stack-${i}-\${name}", "arn:aws:s3:::\${var.org}-stack-${i}-\${name}/*"]
    }]
  })
}

resource "aws_security_group_rule" "stack_${i}_admin" {
  count             = var.environment == "prod" ? 0 : 2
  type              = "ingress"
  security_group_id = module.net_${i}.vpc_id
  protocol          = "tcp"
  from_port         = ${port}
  to_port           = ${port}
  cidr_blocks       = [cidrsubnet("172.16.0.0/12", 8, count.index + ${i % 200})]
  description       = <<-EOT
    Admin access for stack ${i}
    (rule \${count.index})
  EOT
}
`;
}

const ROOT = `terraform {
  required_version = ">= 1.5"

  backend "s3" {
    bucket       = "bench-terraform-state"
    key          = "bench/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Environment = var.environment
      Owner       = "bench"
    }
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type = string
}

variable "org" {
  type    = string
  default = "acme"
}

variable "kms_enabled" {
  type    = bool
  default = true
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "instance_classes" {
  type = map(string)
  default = {
    prod    = "db.r6g.large"
    staging = "db.t4g.medium"
  }
}

variable "common_tags" {
  type    = map(string)
  default = {}
}
`;

/** Writes the tree; returns the number of bytes of `.tf` written. */
export function generateHclTree(outDir: string, mb: number): number {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'modules', 'network'), { recursive: true });
  let bytes = 0;
  const write = (name: string, text: string): void => {
    writeFileSync(join(outDir, name), text);
    if (name.endsWith('.tf')) bytes += Buffer.byteLength(text);
  };
  write('main.tf', ROOT);
  write('terraform.tfvars', 'environment = "staging"\ndb_password = "bench-only-not-a-secret"\ncommon_tags = { Project = "bench" }\n');
  write(join('modules', 'network', 'main.tf'), networkModule(0));
  const target = mb * 1024 * 1024;
  let i = 0;
  let chunk = '';
  while (bytes + chunk.length < target) {
    chunk += stackFile(i++);
    // Several stacks per file, about 40 KB each, as real repositories split them.
    if (chunk.length > 40_000) {
      write(`stacks-${String(i).padStart(4, '0')}.tf`, chunk);
      chunk = '';
    }
  }
  if (chunk) write(`stacks-${String(i).padStart(4, '0')}.tf`, chunk);
  return bytes;
}
