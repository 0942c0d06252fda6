import { Unknown } from '../../../model/unknown.js';
import type { Value, ValueObject } from '../../../model/value.js';
import { isRecordedError } from '../recording.js';
import type { LiveDraft } from '../descriptor.js';
import type { Target } from '../target.js';
import type { IamAccountResponses } from '../collect/collect-iam-account.js';

/**
 * The pseudo types (no Terraform resource holds these facts) and the one Terraform type the account
 * settings are mapped onto. Documented in docs/audit.md.
 */
export const CREDENTIAL_REPORT_USER_TYPE = 'aws_iam_credential_report_user';
export const ACCOUNT_SUMMARY_TYPE = 'aws_iam_account_summary';
export const PASSWORD_POLICY_TYPE = 'aws_iam_account_password_policy';
export const IAM_ACCOUNT_TYPES: readonly string[] = [CREDENTIAL_REPORT_USER_TYPE, ACCOUNT_SUMMARY_TYPE, PASSWORD_POLICY_TYPE];

/** The credential report's name for the root user. */
const ROOT_ROW = '<root_account>';
/** The report's columns, in IAM's order. */
export const CREDENTIAL_REPORT_COLUMNS: readonly string[] = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation', 'mfa_active',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date', 'access_key_2_last_used_region', 'access_key_2_last_used_service',
  'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
];

/**
 * The recorded account settings → records. `collectedAt` (the audit's collection time) is put on each
 * credential-report row as `collected_at`, so that ages are measured from when the audit read the
 * account, never from when a saved inventory is scanned.
 */
export function mapIamAccount(responses: IamAccountResponses, target: Target, collectedAt: string | undefined): LiveDraft[] {
  const drafts: LiveDraft[] = [];
  const report = responses.GetCredentialReport;
  if (report && !isRecordedError(report)) {
    const at = collectedAt ?? generatedTime(report);
    drafts.push(...credentialReportUsers(String((report as Record<string, unknown>)['Content'] ?? ''), target, at));
  }
  const summary = responses.GetAccountSummary;
  // A body without its map (no real answer has none) says nothing: no record rather than a made-up one.
  if (isObject(summary) && isObject(summary['SummaryMap'])) drafts.push(accountSummary(summary, target));
  const policy = responses.GetAccountPasswordPolicy;
  if (isRecordedError(policy) || (isObject(policy) && isObject(policy['PasswordPolicy']))) drafts.push(passwordPolicy(policy, target));
  return drafts;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function generatedTime(report: unknown): string | undefined {
  const value = (report as Record<string, unknown>)['GeneratedTime'];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The report's CSV. IAM user names may contain commas and the report does not quote them: a row with
 * more than the 22 columns has its extra commas in the name, which appears twice (user, then the ARN's
 * tail), so the surplus is split evenly between those two columns.
 */
export function credentialReportRows(csv: string): Record<string, string>[] {
  const lines = csv.split(/\r?\n/).filter((line) => line !== '');
  const header = (lines.shift() ?? '').split(',');
  return lines.map((line) => {
    const fields = line.split(',');
    const extra = fields.length - header.length;
    if (extra > 0 && extra % 2 === 0 && header.length === CREDENTIAL_REPORT_COLUMNS.length) {
      const half = extra / 2;
      const user = fields.slice(0, half + 1).join(',');
      const arn = fields.slice(half + 1, extra + 2).join(',');
      fields.splice(0, extra + 2, user, arn);
    }
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
  });
}

function credentialReportUsers(csv: string, target: Target, collectedAt: string | undefined): LiveDraft[] {
  return credentialReportRows(csv).map((row) => {
    const root = row['user'] === ROOT_ROW;
    const arn = row['arn'] || `arn:${target.partition}:iam::${target.account}:${root ? 'root' : `user/${row['user']}`}`;
    const values: ValueObject = {
      user: row['user'] ?? '',
      root,
      collected_at: collectedAt ?? new Unknown('the saved inventory records no collection time'),
      user_creation_time: date(row['user_creation_time']),
      password_enabled: flag(row['password_enabled']),
      password_last_used: date(row['password_last_used']),
      password_last_changed: date(row['password_last_changed']),
      mfa_active: flag(row['mfa_active']),
      access_keys: [1, 2].map((n) => ({
        number: n,
        active: flag(row[`access_key_${n}_active`]),
        last_rotated: date(row[`access_key_${n}_last_rotated`]),
        last_used_date: date(row[`access_key_${n}_last_used_date`]),
      })),
    };
    // The ARN is the user's own; the record is about its credentials, so its address says so.
    return { type: CREDENTIAL_REPORT_USER_TYPE, id: values['user'] as string, address: `${arn}#credentials`, locationArn: arn, name: root ? 'root' : (row['user'] ?? ''), values, raw: row };
  });
}

/** `true`/`false` (any case) → a boolean; `not_supported` (root's password fields) → null. */
function flag(text: string | undefined): boolean | null {
  const lower = (text ?? '').toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}

/** An ISO time, or null for `N/A`, `no_information`, `not_supported`. */
function date(text: string | undefined): string | null {
  return text && /^\d{4}-\d{2}-\d{2}T/.test(text) ? text : null;
}

function accountSummary(body: Record<string, unknown>, target: Target): LiveDraft {
  const map = (body['SummaryMap'] ?? {}) as Record<string, unknown>;
  const count = (key: string): Value => (typeof map[key] === 'number' ? map[key] : new Unknown(`the account summary has no ${key}`));
  return {
    type: ACCOUNT_SUMMARY_TYPE,
    id: target.account,
    address: `arn:${target.partition}:iam::${target.account}:root#account-summary`,
    name: 'account summary',
    values: { account_mfa_enabled: count('AccountMFAEnabled'), account_access_keys_present: count('AccountAccessKeysPresent') },
    raw: body,
  };
}

/** The password policy in Terraform's attribute names; NoSuchEntity (none set) → `exists = false`, nothing enforced. */
function passwordPolicy(body: unknown, target: Target): LiveDraft {
  const base = { type: PASSWORD_POLICY_TYPE, id: 'iam-account-password-policy', address: `arn:${target.partition}:iam::${target.account}:root#password-policy`, name: 'password policy', raw: body };
  if (isRecordedError(body)) {
    if (body.Error.Code === 'NoSuchEntity') return { ...base, values: { exists: false, minimum_password_length: null, password_reuse_prevention: null } };
    return { ...base, values: { exists: new Unknown(`GetAccountPasswordPolicy failed: ${body.Error.Code}`) } };
  }
  const p = ((body as Record<string, unknown>)['PasswordPolicy'] ?? {}) as Record<string, unknown>;
  const num = (key: string): number | null => (typeof p[key] === 'number' ? p[key] : null);
  const bool = (key: string): boolean | null => (typeof p[key] === 'boolean' ? p[key] : null);
  return {
    ...base,
    values: {
      exists: true,
      minimum_password_length: num('MinimumPasswordLength'),
      password_reuse_prevention: num('PasswordReusePrevention'),
      max_password_age: num('MaxPasswordAge'),
      require_symbols: bool('RequireSymbols'),
      require_numbers: bool('RequireNumbers'),
      require_uppercase_characters: bool('RequireUppercaseCharacters'),
      require_lowercase_characters: bool('RequireLowercaseCharacters'),
      allow_users_to_change_password: bool('AllowUsersToChangePassword'),
      hard_expiry: bool('HardExpiry'),
    },
  };
}
