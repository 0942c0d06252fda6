import { describe, expect, it } from 'vitest';
import { sourceDir } from '../engines/hcl/hcl-helpers.js';
import { runMain } from '../support/run-main.js';

interface Reported {
  ruleId: string;
  location: { file: string; startLine: number };
}

/** The line each finding of `policy` points at, scanning `tf` as main.tf. */
async function linesOf(policy: string, tf: string): Promise<number[]> {
  const { dir, cleanup } = sourceDir({ 'main.tf': tf });
  try {
    const run = await runMain(['scan', '.', '--only', policy, '--format', 'json'], dir);
    return (JSON.parse(run.stdout) as { findings: Reported[] }).findings.map((f) => f.location.startLine);
  } finally {
    cleanup();
  }
}

/** The 1-based line of the first line of `tf` containing `text`. */
const lineWith = (tf: string, text: string): number => tf.split('\n').findIndex((line) => line.includes(text)) + 1;

describe('findings point at the line that is wrong', () => {
  it('s3-bucket-public-acl: the grant to AllUsers, not the owner grant listed before it', async () => {
    const tf = `resource "aws_s3_bucket" "media" {
  bucket = "media"
}

resource "aws_s3_bucket_acl" "media" {
  bucket = aws_s3_bucket.media.id
  access_control_policy {
    owner {
      id = "owner-id"
    }
    grant {
      grantee {
        type = "CanonicalUser"
        id   = "owner-id"
      }
      permission = "FULL_CONTROL"
    }
    grant { # public
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
  }
}
`;
    expect(await linesOf('s3-bucket-public-acl', tf)).toEqual([lineWith(tf, 'grant { # public')]);
  });

  it('resource-policy-public: the policy attribute of the aws_s3_bucket_policy, not its first line', async () => {
    const tf = `resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::data/*" }]
  })
}
`;
    expect(await linesOf('resource-policy-public', tf)).toEqual([lineWith(tf, 'policy = jsonencode')]);
  });

  it('config-recorder-enabled: is_enabled = false of the status that stops the recorder', async () => {
    const tf = `resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = false
}
`;
    expect(await linesOf('config-recorder-enabled', tf)).toEqual([lineWith(tf, 'is_enabled = false')]);
  });

  it('s3-bucket-access-logging: the bucket block when nothing configures logging, like the other missing bucket settings', async () => {
    const tf = `resource "aws_s3_bucket" "data" {
  bucket = "data"
}
`;
    expect(await linesOf('s3-bucket-access-logging', tf)).toEqual([1]);
    expect(await linesOf('s3-bucket-versioning', tf)).toEqual([1]);
  });
});

/**
 * A rule written as its own resource (aws_security_group_rule, aws_vpc_security_group_ingress_rule,
 * aws_network_acl_rule) or a setting taken from another resource: the finding is about the group, ACL
 * or instance, and points at the attribute of that other resource which decides the verdict (`path`
 * read on `locationOf`, src/rules/policy.ts), not at its first line.
 */
describe('findings about a standalone rule point at the deciding attribute of the rule', () => {
  it('sg-open-ingress: cidr_blocks of an aws_security_group_rule', async () => {
    const tf = `resource "aws_security_group" "web" {
  name = "web"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
}
`;
    expect(await linesOf('sg-open-ingress', tf)).toEqual([lineWith(tf, 'cidr_blocks')]);
  });

  it('sg-open-ingress and db-tier-admits-cidr: cidr_ipv4 of an aws_vpc_security_group_ingress_rule', async () => {
    const tf = `resource "aws_security_group" "db" {
  name = "db"
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  security_group_id = aws_security_group.db.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_db_instance" "orders" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.db.id]
}
`;
    expect(await linesOf('sg-open-ingress', tf)).toEqual([lineWith(tf, 'cidr_ipv4')]);
    expect(await linesOf('db-tier-admits-cidr', tf)).toEqual([lineWith(tf, 'cidr_ipv4')]);
  });

  it('db-tier-admits-cidr: cidr_blocks of the inline rule of the database\'s group', async () => {
    const tf = `resource "aws_security_group" "db" {
  name = "db"
  ingress {
    protocol    = "tcp"
    from_port   = 5432
    to_port     = 5432
    cidr_blocks = ["10.20.0.0/16"]
  }
}

resource "aws_db_instance" "orders" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.db.id]
}
`;
    expect(await linesOf('db-tier-admits-cidr', tf)).toEqual([lineWith(tf, 'cidr_blocks')]);
  });

  it('nacl-admin-ports-open: cidr_block of an aws_network_acl_rule, and of an inline ipv6 entry', async () => {
    const tf = `resource "aws_network_acl" "data" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    protocol        = "tcp"
    rule_no         = 100
    action          = "allow"
    ipv6_cidr_block = "::/0"
    from_port       = 22
    to_port         = 22
  }
}

resource "aws_network_acl_rule" "rdp" {
  network_acl_id = aws_network_acl.data.id
  rule_number    = 200
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3389
  to_port        = 3389
}
`;
    expect((await linesOf('nacl-admin-ports-open', tf)).sort((a, b) => a - b)).toEqual([lineWith(tf, 'ipv6_cidr_block'), lineWith(tf, 'cidr_block     =')]);
  });

  it('sg-stale-reference: source_security_group_id of an aws_security_group_rule', async () => {
    const tf = `resource "aws_security_group" "app" {
  name = "app"
}

resource "aws_security_group_rule" "from_old_lb" {
  type                     = "ingress"
  security_group_id        = aws_security_group.app.id
  protocol                 = "tcp"
  from_port                = 8080
  to_port                  = 8080
  source_security_group_id = "sg-0123456789abcdef0"
}
`;
    expect(await linesOf('sg-stale-reference', tf)).toEqual([lineWith(tf, 'source_security_group_id')]);
  });

  it('imdsv2-required: http_tokens of the launch template an instance takes it from', async () => {
    const tf = `resource "aws_launch_template" "base" {
  name = "base"
  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_instance" "web" {
  launch_template {
    id = aws_launch_template.base.id
  }
}
`;
    expect(await linesOf('imdsv2-required', tf)).toEqual([lineWith(tf, 'http_tokens'), lineWith(tf, 'http_tokens')]);
  });

  it('vpc-flow-logs: vpc_id of the flow log that names a VPC known only after apply', async () => {
    const tf = `variable "vpc_id" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "all" {
  vpc_id       = var.vpc_id
  traffic_type = "ALL"
}
`;
    expect(await linesOf('vpc-flow-logs', tf)).toEqual([lineWith(tf, 'vpc_id       =')]);
  });

  it('default-sg-restricts-all, sg-egress-open, sg-rule-redundant: the whole rule is the offence, so its first line', async () => {
    const rules = (group: string): string => `resource "aws_security_group_rule" "all_out" {
  type              = "egress"
  security_group_id = ${group}.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "https_out" {
  type              = "egress"
  security_group_id = ${group}.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["0.0.0.0/0"]
}
`;
    const defaultGroup = `resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0123456789abcdef0"
}

${rules('aws_default_security_group.default')}`;
    const dataGroup = `resource "aws_security_group" "data" {
  name = "data"
  tags = { Tier = "database" }
}

${rules('aws_security_group.data')}`;
    const first = (tf: string, name: string): number => lineWith(tf, `"${name}"`);
    expect((await linesOf('default-sg-restricts-all', defaultGroup)).sort((a, b) => a - b)).toEqual([first(defaultGroup, 'all_out'), first(defaultGroup, 'https_out')]);
    expect(await linesOf('sg-egress-open', dataGroup)).toEqual([first(dataGroup, 'all_out')]);
    expect(await linesOf('sg-rule-redundant', dataGroup)).toEqual([first(dataGroup, 'https_out')]);
  });
});
