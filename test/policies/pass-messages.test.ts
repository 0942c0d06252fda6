import { describe, expect, it } from 'vitest';
import { caseFormFile } from '../support/case-form-file.js';
import { scanWith } from './state-helpers.js';

/** The pass messages of one policy on cases of its case table, each written as the file a scan reads. */
async function passes(policyId: string, paths: Promise<string>[]): Promise<string[]> {
  const result = await scanWith(policyId, await Promise.all(paths));
  return result.findings.filter((f) => f.verdict === 'pass').map((f) => f.message).sort();
}

/** A pass case's plan form, or for a .tf-only case its source folder. */
const pass = (policyId: string, name: string): Promise<string> => {
  const [caseName, kind] = name.endsWith('.json') ? [name.slice(0, -'.json'.length), 'plan' as const] : [name, 'tf' as const];
  return caseFormFile(policyId, caseName, kind);
};

describe('pass messages say what passed', () => {
  it('sg-open-ingress: a group open to the internet only on allow-listed ports says so, not "admits no traffic"', async () => {
    expect(await passes('sg-open-ingress', [pass('sg-open-ingress', 'web-allow-list.json')])).toEqual([
      'aws_security_group.web: only allow-listed ports (80, 443) are open to the internet',
    ]);
    expect(await passes('sg-open-ingress', [pass('sg-open-ingress', 'private-sources.json')])).toEqual(
      expect.arrayContaining([expect.stringMatching(/ admits no traffic from the internet$/)]),
    );
  });

  it('encryption, locking and tag policies name the setting that passed', async () => {
    expect(await passes('rds-storage-unencrypted', [pass('rds-storage-unencrypted', 'encrypted.json'), pass('rds-storage-unencrypted', 'replica-with-kms-key.json')])).toEqual(
      expect.arrayContaining([expect.stringMatching(/ is encrypted at rest: storage_encrypted = true$/), expect.stringMatching(/ is a read replica with a KMS key \(kms_key_id\), so its storage is encrypted$/)]),
    );
    expect(await passes('ebs-unencrypted', [pass('ebs-unencrypted', 'encrypted.json')])).toEqual(
      expect.arrayContaining([expect.stringMatching(/ is encrypted at rest: encrypted = true$/)]),
    );
    expect(await passes('state-backend-unlocked', [pass('state-backend-unlocked', 'lockfile')])).toEqual(['the S3 state backend locks the state (use_lockfile = true)']);
    expect(await passes('state-backend-unlocked', [pass('state-backend-unlocked', 'dynamodb-table')])).toEqual([expect.stringMatching(/^the S3 state backend locks the state \(dynamodb_table = ".+"\)$/)]);
    expect(await passes('required-tags', [pass('required-tags', 'default-tags-satisfy-environment.json')])).toEqual(
      expect.arrayContaining([expect.stringMatching(/ carries required tags Environment, Owner \(not empty\)$/)]),
    );
  });
});
