import { accessKeysOf, daysBetween, definePolicy, isUnknown, type Resource } from '../src/api.js';

export interface IamCredentialsUnusedOptions {
  maxUnusedDays: number;
}

export const iamCredentialsUnused = definePolicy<IamCredentialsUnusedOptions>({
  id: 'iam-credentials-unused',
  title: 'An IAM user credential has not been used for 45 days',
  severity: 'medium',
  description:
    'An enabled console password or active access key of an IAM user has not been used for maxUnusedDays (default 45) ' +
    'days or more before the audit, and should be disabled. Live only: not knowable from Terraform, so tf and plan ' +
    'inputs report nothing. The live audit reads the credential report: a password is judged on password_last_used, ' +
    'an access key on access_key_N_last_used_date; a credential never used is judged on when it was set ' +
    '(password_last_changed, else user_creation_time; access_key_N_last_rotated), so a key created yesterday and not ' +
    'used yet passes. Days are counted to the audit\'s collection time recorded in the saved inventory, never the time ' +
    'of the scan; without one the verdict is unknown. The root user is not judged here (iam-root-access-keys).',
  remediation: 'Remove the console password (aws iam delete-login-profile) or deactivate and delete the access key; remove users nobody uses.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['1.12'],
    'AWS Foundational Security Best Practices': ['IAM.8'],
    'PCI DSS 4.0': ['8.2.6'],
  },
  tags: ['iam', 'account', 'credentials', 'live-only'],
  resourceTypes: ['aws_iam_credential_report_user'],
  options: {
    schema: { type: 'object', additionalProperties: false, properties: { maxUnusedDays: { type: 'integer', minimum: 1 } } },
    defaults: { maxUnusedDays: 45 },
  },
  messages: {
    unused: 'the {{credential}} of {{user}} has not been used for {{days}} days (limit {{limit}})',
    used: 'the {{credential}} of {{user}} was used or set {{days}} days before the audit (limit {{limit}})',
    undecided: 'cannot tell when the {{credential}} of {{user}} was last used',
  },
  check(context) {
    const { inventory, options } = context;
    const judge = (row: Resource, credential: string, since: string | null, field: string): void => {
      const data = { credential, user: row.name, limit: String(options.maxUnusedDays) };
      const days = since ? daysBetween(since, row.values['collected_at'] ?? null) : null;
      if (days === null || isUnknown(days)) {
        context.unknown({ resource: row, element: credential, messageId: 'undecided', data, reason: days ?? 'the credential report gives no date of use or creation' });
      } else if (days >= options.maxUnusedDays) {
        context.fail({ resource: row, element: credential, path: field, messageId: 'unused', data: { ...data, days: String(days) }, evidence: [{ path: field, value: since }] });
      } else context.pass({ resource: row, element: credential, messageId: 'used', data: { ...data, days: String(days) } });
    };
    const text = (row: Resource, key: string): string | null => (typeof row.values[key] === 'string' ? (row.values[key] as string) : null);
    for (const row of inventory.ofType('aws_iam_credential_report_user')) {
      if (row.values['root'] === true) continue;
      if (row.values['password_enabled'] === true) {
        const used = text(row, 'password_last_used');
        judge(row, 'password', used ?? text(row, 'password_last_changed') ?? text(row, 'user_creation_time'), used ? 'password_last_used' : 'password_last_changed');
      }
      for (const key of accessKeysOf(row)) {
        if (key.active !== true) continue;
        judge(row, `access key ${key.number}`, key.lastUsed ?? key.lastRotated, key.lastUsed ? `access_key_${key.number}_last_used_date` : `access_key_${key.number}_last_rotated`);
      }
    }
  },
});
