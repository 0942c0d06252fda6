import { GenerateCredentialReportCommand, GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { collectIamAccount, REPORT_POLLS } from '../../../src/engines/live/collect/collect-iam-account.js';
import { credentialReportRows, mapIamAccount } from '../../../src/engines/live/descriptors/iam-account-settings.js';
import { makeTarget } from '../../../src/engines/live/target.js';
import { isUnknown } from '../../../src/model/unknown.js';

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const ROOT = '<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,2026-11-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const CSV = `${HEADER}\n${ROOT}\n`;

function denied(operation: string): Error {
  const error = new Error(`User: arn:aws:sts::111122223333:assumed-role/audit/x is not authorized to perform: iam:${operation}`);
  error.name = 'AccessDenied';
  return error;
}

/** A fake IAM client answering by command class; records what it was sent. */
function fakeIam(answers: Map<unknown, (n: number) => object>) {
  const sent: string[] = [];
  const counts = new Map<unknown, number>();
  return {
    sent,
    client: {
      async send(command: object): Promise<object> {
        const kind = command.constructor;
        sent.push(kind.name.replace(/Command$/, ''));
        const n = (counts.get(kind) ?? 0) + 1;
        counts.set(kind, n);
        const answer = answers.get(kind);
        if (!answer) throw new Error(`unexpected ${kind.name}`);
        return answer(n);
      },
    },
  };
}

const fail = () => {
  const failures: [string, string][] = [];
  return { failures, fail: (operation: string, error: unknown) => failures.push([operation, (error as Error).name]) };
};

describe('credential report, account summary and password policy collection', () => {
  it('polls GenerateCredentialReport until COMPLETE, then reads the report as text', async () => {
    const iam = fakeIam(
      new Map<unknown, (n: number) => object>([
        [GenerateCredentialReportCommand, (n) => ({ State: n < 3 ? 'STARTED' : 'COMPLETE' })],
        [GetCredentialReportCommand, () => ({ Content: new TextEncoder().encode(CSV), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-12-01T06:00:00Z') })],
        [GetAccountSummaryCommand, () => ({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } })],
        [GetAccountPasswordPolicyCommand, () => ({ PasswordPolicy: { MinimumPasswordLength: 14 } })],
      ]),
    );
    const gaps = fail();
    const out = await collectIamAccount({ client: iam.client, fail: gaps.fail, wait: async () => {} });
    expect(gaps.failures).toEqual([]);
    expect(iam.sent.filter((s) => s === 'GenerateCredentialReport')).toHaveLength(3);
    expect(out.GetCredentialReport).toMatchObject({ Content: CSV, GeneratedTime: '2026-12-01T06:00:00.000Z' });
  });

  it('a report not ready after the bounded polls is a gap, and no report rows (not "no users")', async () => {
    const iam = fakeIam(
      new Map<unknown, (n: number) => object>([
        [GenerateCredentialReportCommand, () => ({ State: 'INPROGRESS' })],
        [GetAccountSummaryCommand, () => ({ SummaryMap: {} })],
        [GetAccountPasswordPolicyCommand, () => ({ PasswordPolicy: {} })],
      ]),
    );
    const gaps = fail();
    const out = await collectIamAccount({ client: iam.client, fail: gaps.fail, wait: async () => {} });
    expect(iam.sent.filter((s) => s === 'GenerateCredentialReport')).toHaveLength(REPORT_POLLS);
    expect(gaps.failures).toEqual([['GenerateCredentialReport', 'ReportNotReady']]);
    expect(out.GetCredentialReport).toBeUndefined();
  });

  it('AccessDenied on each call is a gap naming the operation; NoSuchEntity on the password policy is an answer', async () => {
    const passwordMissing = Object.assign(new Error('The Password Policy with domain name x cannot be found.'), { name: 'NoSuchEntity' });
    const iam = fakeIam(
      new Map<unknown, (n: number) => object>([
        [GenerateCredentialReportCommand, () => ({ State: 'COMPLETE' })],
        [GetCredentialReportCommand, () => { throw denied('GetCredentialReport'); }],
        [GetAccountSummaryCommand, () => { throw denied('GetAccountSummary'); }],
        [GetAccountPasswordPolicyCommand, () => { throw passwordMissing; }],
      ]),
    );
    const gaps = fail();
    const out = await collectIamAccount({ client: iam.client, fail: gaps.fail, wait: async () => {} });
    expect(gaps.failures).toEqual([['GetCredentialReport', 'AccessDenied'], ['GetAccountSummary', 'AccessDenied']]);
    expect(out).toEqual({ GetAccountPasswordPolicy: { Error: { Code: 'NoSuchEntity', Message: 'The Password Policy with domain name x cannot be found.' } } });
  });
});

describe('mapping the account settings', () => {
  const target = makeTarget('111122223333', 'eu-west-1');

  it('reads user names with commas, which the report does not quote', () => {
    const row = 'a,b,arn:aws:iam::111122223333:user/a,b,2020-01-01T00:00:00+00:00,true,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
    const [parsed] = credentialReportRows(`${HEADER}\n${row}\n`);
    expect([parsed!['user'], parsed!['arn'], parsed!['password_enabled']]).toEqual(['a,b', 'arn:aws:iam::111122223333:user/a,b', 'true']);
  });

  it('puts the audit collection time on each row; without one, the report time; without both, Unknown', () => {
    const report = { Content: CSV, GeneratedTime: '2026-12-01T06:00:00.000Z' };
    expect(mapIamAccount({ GetCredentialReport: report }, target, '2026-12-02T00:00:00Z')[0]!.values['collected_at']).toBe('2026-12-02T00:00:00Z');
    expect(mapIamAccount({ GetCredentialReport: report }, target, undefined)[0]!.values['collected_at']).toBe('2026-12-01T06:00:00.000Z');
    expect(isUnknown(mapIamAccount({ GetCredentialReport: { Content: CSV } }, target, undefined)[0]!.values['collected_at'])).toBe(true);
  });

  it('no password policy (NoSuchEntity) is a record with exists = false', () => {
    const [policy] = mapIamAccount({ GetAccountPasswordPolicy: { Error: { Code: 'NoSuchEntity' } } }, target, undefined);
    expect([policy!.type, policy!.values['exists']]).toEqual(['aws_iam_account_password_policy', false]);
  });
});
