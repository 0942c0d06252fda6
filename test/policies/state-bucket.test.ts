import { describe, expect, it } from 'vitest';
import { scanWith, summary } from './state-helpers.js';

describe('state-bucket-insecure', () => {
  it('passes a KMS-encrypted, versioned, fully blocked state bucket (separate resources)', async () => {
    const result = await scanWith('state-bucket-insecure', ['fixtures/state/bucket-secure']);
    expect(result.findings.map((f) => `${f.verdict} ${f.message}`).sort()).toEqual([
      'pass state bucket acme-terraform-state blocks all public access (all four public access block settings are true)',
      'pass state bucket acme-terraform-state encrypts objects with KMS by default',
      'pass state bucket acme-terraform-state keeps versions (versioning is Enabled)',
    ]);
  });

  it('fails each weakness of a state bucket written the provider v3 way, at the setting', async () => {
    const result = await scanWith('state-bucket-insecure', ['fixtures/state/bucket-weak']);
    expect(summary(result.findings)).toEqual([
      'fail fixtures/state/bucket-weak/main.tf:16 state bucket acme-terraform-state does not keep versions (versioning is Disabled)',
      'fail fixtures/state/bucket-weak/main.tf:22 state bucket acme-terraform-state is not encrypted with KMS (sse_algorithm = "AES256")',
      'fail fixtures/state/bucket-weak/main.tf:33 state bucket acme-terraform-state does not fully block public access (ignore_public_acls, restrict_public_buckets not true)',
    ]);
  });

  it('says nothing about buckets that do not hold the state', async () => {
    const result = await scanWith('state-bucket-insecure', ['fixtures/modules-repo']);
    expect(result.findings).toEqual([]);
  });
});
