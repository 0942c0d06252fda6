import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REPO } from '../engines/hcl/hcl-helpers.js';
import { runMain } from '../support/run-main.js';

/**
 * Issue 17's "done when": one .tf tree mixing every data-protection, logging and secrets
 * misconfiguration the issue lists reports each once, at the line that is wrong, and the same
 * infrastructure fixed reports nothing. The trees are scanned from their own folder, so their
 * warden.yaml (customer managed keys required, KMS for confidential buckets) applies, as for a user.
 */
const BAD = join(REPO, 'test/fixtures/catalogue/issue17-bad');
const GOOD = join(REPO, 'test/fixtures/catalogue/issue17-good');

interface Finding {
  ruleId: string;
  verdict: string;
  severity: string;
  resource: { address: string };
  location: { file: string; startLine: number };
  evidence?: { path: string }[];
}

/** policy, file, line, resource, the attribute (or what is missing) the finding names: written from the issue's list. */
type Row = [policy: string, file: string, line: number, address: string, attribute: string];

const EXPECTED: Row[] = [
  // S3: account-level block off (CIS 2.1.4, S3.1).
  ['s3-account-public-access-block', 's3-account.tf', 3, 'aws_s3_account_public_access_block.this', 'block_public_acls'],
  // S3: bucket-level block off (S3.8), on a bucket with nothing else wrong.
  ['s3-bucket-public-access-block', 's3-public.tf', 9, 'aws_s3_bucket.assets', 'aws_s3_bucket_public_access_block.assets.block_public_acls'],
  // S3: public ACLs (S3.2/S3.3). A public ACL needs block_public_acls and ignore_public_acls off, so each of these
  // buckets also fails S3.8 once, at its own block's first flag that is off: a second control, not a second report of the ACL.
  ['s3-bucket-public-acl', 's3-public.tf', 58, 'aws_s3_bucket.uploads', 'aws_s3_bucket_acl.uploads.acl'],
  ['s3-bucket-public-access-block', 's3-public.tf', 63, 'aws_s3_bucket.uploads', 'aws_s3_bucket_public_access_block.uploads.block_public_acls'],
  ['s3-bucket-public-acl', 's3-public.tf', 112, 'aws_s3_bucket.website', 'aws_s3_bucket_acl.website.acl'],
  ['s3-bucket-public-access-block', 's3-public.tf', 117, 'aws_s3_bucket.website', 'aws_s3_bucket_public_access_block.website.block_public_acls'],
  ['s3-bucket-public-acl', 's3-public.tf', 166, 'aws_s3_bucket.partner_share', 'aws_s3_bucket_acl.partner_share.acl'],
  ['s3-bucket-public-access-block', 's3-public.tf', 171, 'aws_s3_bucket.partner_share', 'aws_s3_bucket_public_access_block.partner_share.block_public_acls'],
  // The grant to AllUsers is the second grant block; the first is the owner's.
  ['s3-bucket-public-acl', 's3-public.tf', 233, 'aws_s3_bucket.media', 'aws_s3_bucket_acl.media.access_control_policy.0.grant.1'],
  ['s3-bucket-public-access-block', 's3-public.tf', 245, 'aws_s3_bucket.media', 'aws_s3_bucket_public_access_block.media.block_public_acls'],
  // S3: a bucket policy granting * without a condition; its block leaves the policy flags off (S3.8 again, once).
  ['resource-policy-public', 's3-data.tf', 10, 'aws_s3_bucket.shared_data', 'policy'],
  ['s3-bucket-public-access-block', 's3-data.tf', 35, 'aws_s3_bucket.shared_data', 'aws_s3_bucket_public_access_block.shared_data.block_public_policy'],
  // S3.5: no TLS-only deny (no bucket policy at all).
  ['s3-deny-insecure-transport', 's3-data.tf', 54, 'aws_s3_bucket.reports', ''],
  // SSE-KMS required by option (DataClass = confidential in warden.yaml), SSE-S3 configured.
  ['s3-bucket-kms-encryption', 's3-data.tf', 91, 'aws_s3_bucket.exports', 'sse_algorithm'],
  // S3.14 versioning suspended; S3.9 no access logging. The access-log bucket itself is a log target: not asked to log.
  ['s3-bucket-versioning', 's3-data.tf', 148, 'aws_s3_bucket.artefacts', 'aws_s3_bucket_versioning.artefacts.versioning_configuration.0.status'],
  ['s3-bucket-access-logging', 's3-data.tf', 174, 'aws_s3_bucket.evidence', 'no aws_s3_bucket_logging'],
  // KMS: symmetric CMK without rotation (CIS 3.6, KMS.4).
  ['kms-key-rotation', 'kms.tf', 5, 'aws_kms_key.app_data', 'enable_key_rotation'],
  // CloudTrail: single-region (CIS 3.1), validation off (CIS 3.2), no KMS (CIS 3.5; unset, so the trail's block).
  ['cloudtrail-multi-region', 'cloudtrail.tf', 66, 'aws_cloudtrail.main', 'is_multi_region_trail'],
  ['cloudtrail-log-validation', 'cloudtrail.tf', 67, 'aws_cloudtrail.main', 'enable_log_file_validation'],
  ['cloudtrail-kms-encryption', 'cloudtrail.tf', 62, 'aws_cloudtrail.main', 'kms_key_id'],
  // Config (CIS 3.3): one recorder of selected types, one stopped by its status resource.
  ['config-recorder-enabled', 'config.tf', 23, 'aws_config_configuration_recorder.eu', 'recording_group.0.all_supported'],
  ['config-recorder-enabled', 'config.tf', 61, 'aws_config_configuration_recorder.us', 'is_enabled'],
  // Encryption at rest family.
  ['encryption-at-rest', 'data-stores.tf', 4, 'aws_efs_file_system.batch', 'encrypted'],
  ['encryption-at-rest', 'data-stores.tf', 10, 'aws_sqs_queue.orders', 'sqs_managed_sse_enabled'],
  ['encryption-at-rest', 'data-stores.tf', 13, 'aws_sns_topic.alerts', 'kms_master_key_id'],
  ['encryption-at-rest', 'data-stores.tf', 17, 'aws_dynamodb_table.sessions', 'server_side_encryption.0.kms_key_arn'],
  ['encryption-at-rest', 'data-stores.tf', 32, 'aws_cloudwatch_log_group.api', 'kms_key_id'],
  ['encryption-at-rest', 'data-stores.tf', 37, 'aws_secretsmanager_secret.payment_api', 'kms_key_id'],
  ['encryption-at-rest', 'data-stores.tf', 54, 'aws_elasticache_replication_group.sessions', 'at_rest_encryption_enabled'],
  ['encryption-at-rest', 'data-stores.tf', 61, 'aws_kinesis_stream.clickstream', 'encryption_type'],
  ['encryption-at-rest', 'data-stores.tf', 93, 'aws_opensearch_domain.search', 'encrypt_at_rest.0.enabled'],
  ['encryption-at-rest', 'databases.tf', 40, 'aws_redshift_cluster.warehouse', 'encrypted'],
  // No cluster_parameter_group_name: default.redshift-1.0, where require_ssl is false (Redshift.2).
  ['redshift-require-ssl', 'databases.tf', 33, 'aws_redshift_cluster.warehouse', 'cluster_parameter_group_name'],
  ['encryption-at-rest', 'databases.tf', 50, 'aws_neptune_cluster.graph', 'storage_encrypted'],
  ['encryption-at-rest', 'databases.tf', 59, 'aws_docdb_cluster.catalogue', 'storage_encrypted'],
  // RDS storage stays with rds-storage-unencrypted (RDS.3/RDS.27), reported once, not again by encryption-at-rest.
  ['rds-storage-unencrypted', 'databases.tf', 27, 'aws_rds_cluster.reporting', 'storage_encrypted'],
  // RDS operations on the production-tagged orders database.
  ['rds-backup-retention', 'databases.tf', 11, 'aws_db_instance.orders', 'backup_retention_period'],
  ['rds-deletion-protection', 'databases.tf', 12, 'aws_db_instance.orders', 'deletion_protection'],
  ['rds-iam-authentication', 'databases.tf', 13, 'aws_db_instance.orders', 'iam_database_authentication_enabled'],
  ['rds-auto-minor-upgrade', 'databases.tf', 14, 'aws_db_instance.orders', 'auto_minor_version_upgrade'],
  // Secrets in code.
  ['secret-in-code', 'providers.tf', 14, 'provider.aws', 'access_key'],
  ['secret-in-code', 'providers.tf', 15, 'provider.aws', 'secret_key'],
  ['secret-in-code', 'databases.tf', 10, 'aws_db_instance.orders', 'password'],
  ['secret-in-code', 'databases.tf', 57, 'aws_docdb_cluster.catalogue', 'master_password'],
  ['secret-in-code', 'data-stores.tf', 43, 'aws_secretsmanager_secret_version.payment_api', 'secret_string'],
  ['secret-in-code', 'app.tf', 23, 'aws_lambda_function.exporter', 'environment.0.variables.PARTNER_KEY_ID'],
  ['secret-in-code', 'app.tf', 38, 'aws_iam_server_certificate.legacy', 'private_key'],
  // The sensitive variable's value in terraform.tfvars; the redshift cluster that uses it is not reported again.
  ['secret-in-code', 'terraform.tfvars', 2, 'var.warehouse_admin_password', 'value'],
];

/** The policies issue 17 asks for, which the good tree must all pass (not merely not run). */
const ISSUE17_POLICIES = [...new Set(EXPECTED.map(([policy]) => policy))];

async function scan(dir: string, ...flags: string[]): Promise<{ code: number; findings: Finding[] }> {
  const run = await runMain(['scan', '.', '--format', 'json', ...flags], dir);
  expect(run.stderr).toBe('');
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings };
}

const key = (policy: string, file: string, line: number, address: string): string => `${policy} ${file}:${line} ${address}`;

describe('issue 17: one mixed .tf tree', () => {
  it('reports each misconfiguration once, at the line that is wrong, and nothing else', async () => {
    const { code, findings } = await scan(BAD);
    expect(code).toBe(1);
    expect(findings.filter((f) => f.verdict !== 'fail').map((f) => key(f.ruleId, f.location.file, f.location.startLine, f.resource.address))).toEqual([]);
    // Sorted lists keep duplicates: a misconfiguration reported twice (by one policy or two) fails here.
    const reported = findings.map((f) => key(f.ruleId, f.location.file, f.location.startLine, f.resource.address)).sort();
    expect(reported).toEqual(EXPECTED.map(([policy, file, line, address]) => key(policy, file, line, address)).sort());
  });

  it('each finding names the attribute, or the missing setting, it is about', async () => {
    const { findings } = await scan(BAD);
    for (const [policy, file, line, address, attribute] of EXPECTED) {
      if (attribute === '') continue;
      const finding = findings.find((f) => f.ruleId === policy && f.location.file === file && f.location.startLine === line && f.resource.address === address);
      expect(finding?.evidence?.map((e) => e.path).join(' | '), `${policy} ${address}`).toContain(attribute);
    }
  });

  it('shows no secret: only masked hints', async () => {
    const run = await runMain(['scan', '.', '--format', 'json'], BAD);
    for (const secret of ['AKIAQ3EGVP4NWDXC2RTM', 'p8Xw2m+Jr1qZs0dLk7YtVn3bHc9fE4gA6uRiOe5T', 'hunter2-orders-Pr0d!', 'D0cDB-Catal0gue-2023', 'pk_live_51HxQe2Lr8vTn4KdW0mZyB7cJ', 'Wareh0use-Adm1n-2024', 'AKIAZ7RQ4MXW2PLN5KDT', 'MHcCAQEEIBkZ3mFq0wM7oXr8pJvT2n5LcQeYdKs4aHuW9gNbE1RfoAoGCCqGSM49']) {
      expect(run.stdout).not.toContain(secret);
    }
  });

  it('the same infrastructure fixed reports no finding at all, and every issue 17 policy passes something', async () => {
    const { code, findings } = await scan(GOOD, '--include-passes');
    expect(code).toBe(0);
    expect(findings.filter((f) => f.verdict !== 'pass').map((f) => key(f.ruleId, f.location.file, f.location.startLine, f.resource.address))).toEqual([]);
    const passed = new Set(findings.map((f) => f.ruleId));
    expect(ISSUE17_POLICIES.filter((policy) => !passed.has(policy))).toEqual([]);
  });
});
