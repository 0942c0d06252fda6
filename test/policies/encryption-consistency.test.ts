import { describe, expect, it } from 'vitest';
import { sourceDir } from '../engines/hcl/hcl-helpers.js';
import { runMain } from '../support/run-main.js';

interface Finding {
  ruleId: string;
  resource: { address: string };
  message: string;
  fingerprint: string;
  evidence: { path: string; value: unknown; note?: string }[];
}

/**
 * rds-storage-unencrypted and ebs-unencrypted judge RDS and EBS storage beside the encryption-at-rest
 * family (issue 17): the same reading of an unset attribute (the provider-defaults note), the same
 * message shape and evidence, and the fingerprints they had before they were aligned.
 */
const TF = `resource "aws_db_instance" "orders" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}

resource "aws_rds_cluster" "reporting" {
  engine            = "aurora-postgresql"
  storage_encrypted = false
}

resource "aws_neptune_cluster" "graph" {
  engine = "neptune"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 10
}
`;

async function findings(): Promise<Map<string, Finding>> {
  const { dir, cleanup } = sourceDir({ 'main.tf': TF });
  try {
    const run = await runMain(['scan', '.', '--only', 'rds-storage-unencrypted,ebs-unencrypted,encryption-at-rest', '--format', 'json'], dir);
    return new Map((JSON.parse(run.stdout) as { findings: Finding[] }).findings.map((f) => [f.resource.address, f]));
  } finally {
    cleanup();
  }
}

describe('RDS and EBS storage read and report like the encryption-at-rest family', () => {
  it('say "is not encrypted at rest (why)", the why being the unset attribute\'s default or the value written', async () => {
    const found = await findings();
    expect([...found.values()].map((f) => `${f.ruleId}: ${f.message}`).sort()).toEqual([
      'ebs-unencrypted: aws_ebs_volume.data is not encrypted at rest (encrypted is false)',
      'ebs-unencrypted: aws_ebs_volume.scratch is not encrypted at rest (not set: EBS encryption by default is disabled by aws_ebs_encryption_by_default.this)',
      'encryption-at-rest: aws_neptune_cluster.graph (Neptune cluster) is not encrypted at rest (storage_encrypted is not set: the provider default is false) (Neptune.1)',
      'rds-storage-unencrypted: aws_db_instance.orders is not encrypted at rest (storage_encrypted is not set: RDS creates the storage unencrypted) (RDS.3)',
      'rds-storage-unencrypted: aws_rds_cluster.reporting is not encrypted at rest (storage_encrypted is false) (RDS.27)',
    ]);
  });

  it('give the same evidence: the attribute, its value, and the default\'s note when it was not set', async () => {
    const found = await findings();
    expect(found.get('aws_neptune_cluster.graph')?.evidence).toEqual([{ path: 'storage_encrypted', value: false, note: 'storage_encrypted is not set: the provider default is false' }]);
    expect(found.get('aws_db_instance.orders')?.evidence).toEqual([{ path: 'storage_encrypted', value: false, note: 'storage_encrypted is not set: RDS creates the storage unencrypted' }]);
    expect(found.get('aws_rds_cluster.reporting')?.evidence).toEqual([{ path: 'storage_encrypted', value: false }]);
    expect(found.get('aws_ebs_volume.data')?.evidence).toEqual([{ path: 'encrypted', value: false }]);
  });

  it('keep their ids and fingerprints (baselines written before still match)', async () => {
    const found = await findings();
    expect(Object.fromEntries([...found].map(([address, f]) => [address, `${f.ruleId} ${f.fingerprint}`]))).toEqual({
      'aws_db_instance.orders': 'rds-storage-unencrypted 307c1075c15db042c699798db9424b4c',
      'aws_rds_cluster.reporting': 'rds-storage-unencrypted 11f523722f718528620313632627252c',
      'aws_neptune_cluster.graph': 'encryption-at-rest fa96d6d20ef96256f4891dc4706e606e',
      'aws_ebs_volume.data': 'ebs-unencrypted 53a5a350bda0ffb9564f6e1d4ed263b4',
      'aws_ebs_volume.scratch': 'ebs-unencrypted e20b9a49fe351ad4c9f364f148bf38b1',
    });
  });
});
