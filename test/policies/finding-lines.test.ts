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
