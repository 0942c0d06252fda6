import { afterEach, describe, expect, it, vi } from 'vitest';
import { iamAccessKeyAge } from '../../policies/iam-access-key-age.js';
import { iamCredentialsUnused } from '../../policies/iam-credentials-unused.js';
import { buildInventories } from '../../src/engines/live/build-inventories.js';
import { CREDENTIAL_REPORT_COLUMNS } from '../../src/engines/live/descriptors/iam-account-settings.js';
import { emptyRecording, type Recording } from '../../src/engines/live/recording.js';
import { runPolicies } from '../../src/rules/runner.js';

/** A saved inventory collected on 2026-12-01 with one user whose key was rotated 80 days before and used 40 days before. */
function savedAudit(): Recording {
  const row: Record<string, string> = { user: 'bob', arn: 'arn:aws:iam::111122223333:user/bob', password_enabled: 'false', access_key_1_active: 'true', access_key_1_last_rotated: '2026-09-12T00:00:00+00:00', access_key_1_last_used_date: '2026-10-22T00:00:00+00:00', access_key_2_active: 'false' };
  const csv = `${CREDENTIAL_REPORT_COLUMNS.join(',')}\n${CREDENTIAL_REPORT_COLUMNS.map((c) => row[c] ?? 'N/A').join(',')}\n`;
  const recording = emptyRecording('api');
  recording.collected_at = '2026-12-01T00:00:00Z';
  recording.targets.push({ account: '111122223333', region: 'eu-west-1', responses: {} });
  recording.accounts.push({ account: '111122223333', iam: { region: 'eu-west-1', pages: [], account_settings: { GetCredentialReport: { Content: csv } } } });
  return JSON.parse(JSON.stringify(recording)) as Recording;
}

function verdicts(): string[] {
  const [inventory] = buildInventories(savedAudit());
  const policies = [{ policy: iamAccessKeyAge, options: { maxAgeDays: 90 } }, { policy: iamCredentialsUnused, options: { maxUnusedDays: 45 } }];
  return runPolicies(inventory!, policies, 'report').findings.map((f) => `${f.ruleId} ${f.verdict} ${f.message}`);
}

describe('credential ages in a saved inventory', () => {
  afterEach(() => vi.useRealTimers());

  it('are measured from the audit collection time, so scanning the file a year later gives the same verdicts', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T00:00:00Z'));
    const atAudit = verdicts();
    vi.setSystemTime(new Date('2027-12-01T00:00:00Z'));
    const yearLater = verdicts();
    expect(atAudit).toEqual([
      'iam-access-key-age pass access key 1 of bob was rotated 80 days before the audit (limit 90)',
      'iam-credentials-unused pass the access key 1 of bob was used or set 40 days before the audit (limit 45)',
    ]);
    expect(yearLater).toEqual(atAudit);
  });
});
