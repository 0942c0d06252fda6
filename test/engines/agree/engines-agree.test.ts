import { describe, expect, it } from 'vitest';
import { agreedVerdicts, created, planOf } from './engine-agreement.js';

/**
 * The same small configuration scanned as `.tf` and as its plan (written by hand the way
 * `terraform show -json` writes it) gives the same verdict from every built-in policy.
 */
describe('plan and HCL engines agree', () => {
  it('ebs-unencrypted: an unset `encrypted` follows the account setting (unknown) in both', async () => {
    const tf = `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  tags = { Environment = "prod", Owner = "me" }\n}\n`;
    const plan = planOf(
      [created('aws_ebs_volume', 'data', { availability_zone: 'eu-west-1a', size: 10, tags: { Environment: 'prod', Owner: 'me' }, tags_all: { Environment: 'prod', Owner: 'me' } }, { encrypted: true, id: true, arn: true })],
      { 'aws_ebs_volume.data': ['availability_zone', 'size', 'tags'] },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('ebs-unencrypted aws_ebs_volume.data → unknown'));
  });

  it('ebs-unencrypted: aws_ebs_encryption_by_default { enabled = true } makes an unset `encrypted` pass in both', async () => {
    const tf =
      `resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\n` +
      `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  tags = { Environment = "prod", Owner = "me" }\n}\n`;
    const plan = planOf(
      [
        created('aws_ebs_encryption_by_default', 'on', { enabled: true }, { id: true }),
        created('aws_ebs_volume', 'data', { availability_zone: 'eu-west-1a', size: 10, tags: { Environment: 'prod', Owner: 'me' }, tags_all: { Environment: 'prod', Owner: 'me' } }, { encrypted: true, id: true }),
      ],
      { 'aws_ebs_encryption_by_default.on': ['enabled'], 'aws_ebs_volume.data': ['availability_zone', 'size', 'tags'] },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('ebs-unencrypted aws_ebs_volume.data → pass'));
  });

  it('ebs-unencrypted: an encryption-by-default setting known only after apply is unknown in both', async () => {
    const tf =
      `resource "aws_ebs_encryption_by_default" "on" {\n  enabled = aws_ebs_volume.data.id != ""\n}\n` +
      `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  tags = { Environment = "prod", Owner = "me" }\n}\n`;
    const plan = planOf(
      [
        created('aws_ebs_encryption_by_default', 'on', {}, { enabled: true, id: true }),
        created('aws_ebs_volume', 'data', { availability_zone: 'eu-west-1a', size: 10, tags: { Environment: 'prod', Owner: 'me' }, tags_all: { Environment: 'prod', Owner: 'me' } }, { encrypted: true, id: true }),
      ],
      { 'aws_ebs_encryption_by_default.on': ['enabled'], 'aws_ebs_volume.data': ['availability_zone', 'size', 'tags'] },
      { 'aws_ebs_encryption_by_default.on': { enabled: ['aws_ebs_volume.data.id', 'aws_ebs_volume.data'] } },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('ebs-unencrypted aws_ebs_volume.data → unknown'));
  });

  it('ebs-unencrypted: a root_block_device without `encrypted` follows the account setting in both', async () => {
    const tf =
      `resource "aws_ebs_encryption_by_default" "off" {\n  enabled = false\n}\n` +
      `resource "aws_instance" "web" {\n  ami = "ami-123"\n  instance_type = "t3.micro"\n  tags = { Environment = "prod", Owner = "me" }\n  root_block_device {\n    volume_size = 20\n  }\n}\n`;
    const plan = planOf(
      [
        created('aws_ebs_encryption_by_default', 'off', { enabled: false }, { id: true }),
        created(
          'aws_instance',
          'web',
          { ami: 'ami-123', instance_type: 't3.micro', tags: { Environment: 'prod', Owner: 'me' }, tags_all: { Environment: 'prod', Owner: 'me' }, root_block_device: [{ volume_size: 20 }] },
          { id: true, root_block_device: [{ encrypted: true, kms_key_id: true, volume_id: true }] },
        ),
      ],
      { 'aws_ebs_encryption_by_default.off': ['enabled'], 'aws_instance.web': ['ami', 'instance_type', 'tags', 'root_block_device'] },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('ebs-unencrypted aws_instance.web → fail'));
  });

  it('rds-storage-unencrypted: an unset storage_encrypted on a cluster (computed in a plan) fails in both', async () => {
    const tf = `resource "aws_rds_cluster" "main" {\n  engine = "aurora-postgresql"\n  master_username = "app"\n  manage_master_user_password = true\n  tags = { Environment = "prod", Owner = "me" }\n}\n`;
    const plan = planOf(
      [
        created(
          'aws_rds_cluster',
          'main',
          { engine: 'aurora-postgresql', master_username: 'app', manage_master_user_password: true, tags: { Environment: 'prod', Owner: 'me' }, tags_all: { Environment: 'prod', Owner: 'me' } },
          { id: true, arn: true, storage_encrypted: true, kms_key_id: true, engine_mode: true },
        ),
      ],
      { 'aws_rds_cluster.main': ['engine', 'master_username', 'manage_master_user_password', 'tags'] },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('rds-storage-unencrypted aws_rds_cluster.main → fail'));
  });

  it('rds-storage-unencrypted: an unset storage_encrypted on an instance (null in a plan) fails in both', async () => {
    const tf = `resource "aws_db_instance" "main" {\n  engine = "postgres"\n  instance_class = "db.t3.micro"\n  tags = { Environment = "prod", Owner = "me" }\n}\n`;
    const plan = planOf(
      [
        created(
          'aws_db_instance',
          'main',
          { engine: 'postgres', instance_class: 'db.t3.micro', storage_encrypted: null, publicly_accessible: false, tags: { Environment: 'prod', Owner: 'me' }, tags_all: { Environment: 'prod', Owner: 'me' } },
          { id: true, arn: true, kms_key_id: true },
        ),
      ],
      { 'aws_db_instance.main': ['engine', 'instance_class', 'tags'] },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('rds-storage-unencrypted aws_db_instance.main → fail'));
  });

  it('required-tags: Auto Scaling group `tag` blocks are its tags in both', async () => {
    const tf =
      `resource "aws_autoscaling_group" "web" {\n  min_size = 1\n  max_size = 2\n` +
      `  tag {\n    key = "Environment"\n    value = "prod"\n    propagate_at_launch = true\n  }\n}\n`;
    const plan = planOf(
      [
        created(
          'aws_autoscaling_group',
          'web',
          { min_size: 1, max_size: 2, tag: [{ key: 'Environment', value: 'prod', propagate_at_launch: true }] },
          { id: true, arn: true, tag: [{}] },
        ),
      ],
      { 'aws_autoscaling_group.web': ['min_size', 'max_size', 'tag'] },
    );
    const hcl = await agreedVerdicts(tf, plan);
    // Environment, set by the `tag` block, is not reported missing: only Owner is.
    expect(hcl).toContainEqual(expect.stringContaining('required-tags aws_autoscaling_group.web → fail: aws_autoscaling_group.web lacks required tag Owner'));
  });

  it('required-tags: the older `tags` list of maps on an Auto Scaling group is read in both', async () => {
    const tf =
      `resource "aws_autoscaling_group" "web" {\n  min_size = 1\n  max_size = 2\n` +
      `  tags = [{ key = "Environment", value = "prod", propagate_at_launch = "true" }, { key = "Owner", value = "me", propagate_at_launch = false }]\n}\n`;
    const tags = [
      { key: 'Environment', value: 'prod', propagate_at_launch: 'true' },
      { key: 'Owner', value: 'me', propagate_at_launch: false },
    ];
    const plan = planOf([created('aws_autoscaling_group', 'web', { min_size: 1, max_size: 2, tags }, { id: true })], { 'aws_autoscaling_group.web': ['min_size', 'max_size', 'tags'] });
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('required-tags aws_autoscaling_group.web → pass: aws_autoscaling_group.web carries required tags Environment, Owner'));
  });

  it('sg-open-ingress: a group open to the world on SSH fails in both, and a /0 with host bits set counts as the world', async () => {
    const tf =
      `resource "aws_security_group" "web" {\n  name = "web"\n  tags = { Environment = "prod", Owner = "me" }\n` +
      `  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.1.0.0/0"]\n  }\n}\n`;
    const ingress = [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.1.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' }];
    const plan = planOf(
      [created('aws_security_group', 'web', { name: 'web', ingress, tags: { Environment: 'prod', Owner: 'me' }, tags_all: { Environment: 'prod', Owner: 'me' } }, { id: true, arn: true, egress: true })],
      { 'aws_security_group.web': ['name', 'ingress', 'tags'] },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl.filter((line) => line.startsWith('sg-open-ingress'))).toEqual([expect.stringMatching(/^sg-open-ingress aws_security_group\.web → fail/)]);
  });

  it('eip-unattached: an Elastic IP with nothing associating it fails in both, and one taken by an association passes in both', async () => {
    const tf =
      `resource "aws_eip" "idle" {\n  domain = "vpc"\n  tags = { Environment = "prod", Owner = "me" }\n}\n` +
      `resource "aws_eip" "used" {\n  domain = "vpc"\n  tags = { Environment = "prod", Owner = "me" }\n}\n` +
      `resource "aws_eip_association" "used" {\n  allocation_id = aws_eip.used.id\n  instance_id = "i-0123456789abcdef0"\n}\n`;
    const eip = { domain: 'vpc', tags: { Environment: 'prod', Owner: 'me' }, tags_all: { Environment: 'prod', Owner: 'me' } };
    const computed = { id: true, allocation_id: true, association_id: true, instance: true, network_interface: true, public_ip: true };
    const plan = planOf(
      [
        created('aws_eip', 'idle', eip, computed),
        created('aws_eip', 'used', eip, computed),
        created('aws_eip_association', 'used', { instance_id: 'i-0123456789abcdef0' }, { id: true, allocation_id: true }),
      ],
      { 'aws_eip.idle': ['domain', 'tags'], 'aws_eip.used': ['domain', 'tags'], 'aws_eip_association.used': ['allocation_id', 'instance_id'] },
      { 'aws_eip_association.used': { allocation_id: ['aws_eip.used.id', 'aws_eip.used'] } },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('eip-unattached aws_eip.idle → fail'));
    expect(hcl).toContainEqual(expect.stringContaining('eip-unattached aws_eip.used → pass'));
  });

  it('sg-open-ingress: a standalone rule and a VPC ingress rule open to the world fail in both', async () => {
    const tf =
      `resource "aws_security_group" "db" {\n  name = "db"\n  tags = { Environment = "prod", Owner = "me" }\n}\n` +
      `resource "aws_security_group_rule" "pg" {\n  type = "ingress"\n  security_group_id = aws_security_group.db.id\n  from_port = 5432\n  to_port = 5432\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n` +
      `resource "aws_vpc_security_group_ingress_rule" "rdp" {\n  security_group_id = aws_security_group.db.id\n  from_port = 3389\n  to_port = 3389\n  ip_protocol = "tcp"\n  cidr_ipv6 = "::/0"\n  tags = { Environment = "prod", Owner = "me" }\n}\n`;
    const tags = { Environment: 'prod', Owner: 'me' };
    const plan = planOf(
      [
        created('aws_security_group', 'db', { name: 'db', tags, tags_all: tags }, { id: true, arn: true, ingress: true, egress: true }),
        created('aws_security_group_rule', 'pg', { type: 'ingress', from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }, { id: true, security_group_id: true }),
        created('aws_vpc_security_group_ingress_rule', 'rdp', { from_port: 3389, to_port: 3389, ip_protocol: 'tcp', cidr_ipv6: '::/0', tags, tags_all: tags }, { id: true, arn: true, security_group_id: true }),
      ],
      {
        'aws_security_group.db': ['name', 'tags'],
        'aws_security_group_rule.pg': ['type', 'security_group_id', 'from_port', 'to_port', 'protocol', 'cidr_blocks'],
        'aws_vpc_security_group_ingress_rule.rdp': ['security_group_id', 'from_port', 'to_port', 'ip_protocol', 'cidr_ipv6', 'tags'],
      },
      {
        'aws_security_group_rule.pg': { security_group_id: ['aws_security_group.db.id', 'aws_security_group.db'] },
        'aws_vpc_security_group_ingress_rule.rdp': { security_group_id: ['aws_security_group.db.id', 'aws_security_group.db'] },
      },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl.filter((line) => line.startsWith('sg-open-ingress')).map((line) => line.split(':')[0])).toEqual([
      'sg-open-ingress aws_security_group.db → fail',
      'sg-open-ingress aws_security_group.db → fail',
    ]);
  });

  it('db-publicly-accessible and rds-storage-unencrypted: a public, unencrypted instance outside any known network', async () => {
    const tf =
      `resource "aws_db_instance" "main" {\n  engine = "postgres"\n  instance_class = "db.t3.micro"\n  publicly_accessible = true\n  db_subnet_group_name = "shared-db"\n  vpc_security_group_ids = ["sg-0123456789abcdef0"]\n  tags = { Environment = "prod", Owner = "me" }\n}\n`;
    const tags = { Environment: 'prod', Owner: 'me' };
    const plan = planOf(
      [
        created(
          'aws_db_instance',
          'main',
          { engine: 'postgres', instance_class: 'db.t3.micro', publicly_accessible: true, db_subnet_group_name: 'shared-db', vpc_security_group_ids: ['sg-0123456789abcdef0'], storage_encrypted: null, tags, tags_all: tags },
          { id: true, arn: true, port: true, address: true, endpoint: true, kms_key_id: true },
        ),
      ],
      { 'aws_db_instance.main': ['engine', 'instance_class', 'publicly_accessible', 'db_subnet_group_name', 'vpc_security_group_ids', 'tags'] },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('rds-storage-unencrypted aws_db_instance.main → fail'));
  });

  it('ebs-unencrypted: encryption by default set under one of two AWS provider configurations (regions) does not vouch for a volume (unknown in both)', async () => {
    const tf =
      `provider "aws" {\n  region = "eu-west-1"\n}\nprovider "aws" {\n  alias = "us"\n  region = "us-east-1"\n}\n` +
      `resource "aws_ebs_encryption_by_default" "us" {\n  provider = aws.us\n  enabled = true\n}\n` +
      `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  tags = { Environment = "prod", Owner = "me" }\n}\n`;
    const plan = planOf(
      [
        created('aws_ebs_encryption_by_default', 'us', { enabled: true }, { id: true }),
        created('aws_ebs_volume', 'data', { availability_zone: 'eu-west-1a', size: 10, tags: { Environment: 'prod', Owner: 'me' }, tags_all: { Environment: 'prod', Owner: 'me' } }, { encrypted: true, id: true }),
      ],
      { 'aws_ebs_encryption_by_default.us': ['enabled'], 'aws_ebs_volume.data': ['availability_zone', 'size', 'tags'] },
    ) as { configuration: Record<string, unknown> };
    plan.configuration['provider_config'] = {
      aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: 'eu-west-1' } } },
      'aws.us': { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', alias: 'us', expressions: { region: { constant_value: 'us-east-1' } } },
    };
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('ebs-unencrypted aws_ebs_volume.data → unknown'));
  });

  it('ebs-unencrypted: a volume made from a snapshot, with encryption by default off, is encrypted as the snapshot is (unknown in both)', async () => {
    const tf =
      `resource "aws_ebs_encryption_by_default" "off" {\n  enabled = false\n}\n` +
      `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  snapshot_id = "snap-0123456789abcdef0"\n  tags = { Environment = "prod", Owner = "me" }\n}\n`;
    const plan = planOf(
      [
        created('aws_ebs_encryption_by_default', 'off', { enabled: false }, { id: true }),
        created('aws_ebs_volume', 'data', { availability_zone: 'eu-west-1a', snapshot_id: 'snap-0123456789abcdef0', tags: { Environment: 'prod', Owner: 'me' }, tags_all: { Environment: 'prod', Owner: 'me' } }, { encrypted: true, id: true, size: true }),
      ],
      { 'aws_ebs_encryption_by_default.off': ['enabled'], 'aws_ebs_volume.data': ['availability_zone', 'snapshot_id', 'tags'] },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('ebs-unencrypted aws_ebs_volume.data → unknown'));
  });

  it('rds-storage-unencrypted: a cross-region read replica with a KMS key and no storage_encrypted passes in both', async () => {
    const tf = `resource "aws_db_instance" "replica" {\n  instance_class = "db.t3.micro"\n  replicate_source_db = "arn:aws:rds:us-east-1:111122223333:db:main"\n  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/abc"\n  tags = { Environment = "prod", Owner = "me" }\n}\n`;
    const tags = { Environment: 'prod', Owner: 'me' };
    const plan = planOf(
      [
        created(
          'aws_db_instance',
          'replica',
          { instance_class: 'db.t3.micro', replicate_source_db: 'arn:aws:rds:us-east-1:111122223333:db:main', kms_key_id: 'arn:aws:kms:eu-west-1:111122223333:key/abc', publicly_accessible: false, tags, tags_all: tags },
          { id: true, arn: true, storage_encrypted: true, engine: true },
        ),
      ],
      { 'aws_db_instance.replica': ['instance_class', 'replicate_source_db', 'kms_key_id', 'tags'] },
    );
    const hcl = await agreedVerdicts(tf, plan);
    expect(hcl).toContainEqual(expect.stringContaining('rds-storage-unencrypted aws_db_instance.replica → pass'));
  });
});
