import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceDir } from '../engines/hcl/hcl-helpers.js';
import { scanWith, summary } from './state-helpers.js';

const UNENCRYPTED = 'the S3 state backend does not set encrypt = true, so Terraform writes the state without asking S3 to encrypt it';

describe('state-backend-unencrypted', () => {
  it('passes an encrypted backend and reports the KMS key', async () => {
    const result = await scanWith('state-backend-unencrypted', ['fixtures/state/backend-secure']);
    expect(summary(result.findings)).toEqual(['pass fixtures/state/backend-secure/main.tf:2 the S3 state backend encrypts the state with a KMS key']);
  });

  it('fails a backend without encrypt, at the backend block', async () => {
    const result = await scanWith('state-backend-unencrypted', ['fixtures/state/backend-missing-encrypt']);
    expect(summary(result.findings)).toEqual([`fail fixtures/state/backend-missing-encrypt/main.tf:2 ${UNENCRYPTED}`]);
  });

  it('fails encrypt = false, at the attribute', async () => {
    const result = await scanWith('state-backend-unencrypted', ['fixtures/state/backend-encrypt-false']);
    expect(summary(result.findings)).toEqual([
      'fail fixtures/state/backend-encrypt-false/main.tf:6 the S3 state backend sets encrypt = false, so Terraform writes the state without asking S3 to encrypt it',
    ]);
  });

  it('reads the config terraform init recorded in .terraform/terraform.tfstate (partial backend configuration)', async () => {
    const result = await scanWith('state-backend-unencrypted', ['fixtures/state/backend-init-unencrypted']);
    expect(summary(result.findings)).toEqual([`fail fixtures/state/backend-init-unencrypted/main.tf:3 ${UNENCRYPTED}`]);
    expect(result.findings[0]!.resource.address).toBe('terraform_backend.s3');
  });

  it('reads the recorded config beside a plan, and never prints backend credentials', async () => {
    const { dir, cleanup } = sourceDir({ 'plan.json': JSON.stringify({ format_version: '1.2', resource_changes: [] }) });
    try {
      mkdirSync(join(dir, '.terraform'));
      const config = { bucket: 'state', key: 'app.tfstate', region: 'eu-west-1', encrypt: false, secret_key: 'wJalrXUtnFEMI-not-real', access_key: 'AKIAEXAMPLENOTREAL' };
      writeFileSync(join(dir, '.terraform', 'terraform.tfstate'), JSON.stringify({ version: 3, backend: { type: 's3', config } }, null, 2));
      const result = await scanWith('state-backend-unencrypted', ['plan.json'], dir);
      expect(summary(result.findings)).toEqual([
        'fail .terraform/terraform.tfstate:9 the S3 state backend sets encrypt = false, so Terraform writes the state without asking S3 to encrypt it',
      ]);
      expect(JSON.stringify(result)).not.toMatch(/wJalrXUtnFEMI|AKIAEXAMPLE/);
    } finally {
      cleanup();
    }
  });
});

describe('state-backend-unlocked', () => {
  it('passes use_lockfile and dynamodb_table', async () => {
    const result = await scanWith('state-backend-unlocked', ['fixtures/state/backend-secure', 'fixtures/state/backend-missing-encrypt']);
    expect(result.findings.map((f) => f.verdict)).toEqual(['pass', 'pass']);
  });

  it('fails a backend with neither', async () => {
    const result = await scanWith('state-backend-unlocked', ['fixtures/state/backend-no-lock']);
    expect(summary(result.findings)).toEqual([
      'fail fixtures/state/backend-no-lock/main.tf:2 the S3 state backend does not lock the state: neither dynamodb_table nor use_lockfile = true is set',
    ]);
  });

  it('takes dynamodb_table from the recorded config', async () => {
    const result = await scanWith('state-backend-unlocked', ['fixtures/state/backend-init-unencrypted']);
    expect(result.findings.map((f) => f.verdict)).toEqual(['pass']);
  });
});

describe('state-file-committed', () => {
  it('fails a state file in the source tree, not the one under .terraform/', async () => {
    const result = await scanWith('state-file-committed', ['fixtures/state/state-file-committed', 'fixtures/state/backend-init-unencrypted']);
    expect(summary(result.findings)).toEqual([
      'fail fixtures/state/state-file-committed/terraform.tfstate:1 fixtures/state/state-file-committed/terraform.tfstate is a Terraform state file inside the source tree',
    ]);
  });
});
