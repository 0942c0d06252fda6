import { accessKeysOf, daysBetween, definePolicy, isUnknown } from '../src/api.js';

export interface IamAccessKeyAgeOptions {
  maxAgeDays: number;
}

export const iamAccessKeyAge = definePolicy<IamAccessKeyAgeOptions>({
  id: 'iam-access-key-age',
  title: 'An active access key is older than 90 days',
  severity: 'medium',
  description:
    'An active IAM user access key was last rotated more than maxAgeDays (default 90) days before the audit. Live ' +
    'only: not knowable from Terraform (an aws_iam_access_key says nothing about when it was created relative to ' +
    'the audit), so tf and plan inputs report nothing. The live audit reads the credential report: each key with ' +
    'access_key_N_active = true is judged on access_key_N_last_rotated, measured from the audit\'s collection time ' +
    'recorded in the saved inventory (never the time of the scan), so a saved inventory scanned later gives the same ' +
    'verdicts. No recorded collection time, or no rotation date, is unknown. Inactive keys are not reported. Root keys ' +
    'are included (iam-root-access-keys reports them too).',
  remediation: 'Create a new key, move its users to it, deactivate and then delete the old one; better, replace long-lived keys with roles (IAM Identity Center, OIDC).',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['1.14'],
    'AWS Foundational Security Best Practices': ['IAM.3'],
    'PCI DSS 4.0': ['8.3.9'],
  },
  tags: ['iam', 'account', 'credentials', 'live-only'],
  resourceTypes: ['aws_iam_credential_report_user'],
  options: {
    schema: { type: 'object', additionalProperties: false, properties: { maxAgeDays: { type: 'integer', minimum: 1 } } },
    defaults: { maxAgeDays: 90 },
  },
  messages: {
    old: 'access key {{key}} of {{user}} was last rotated {{days}} days before the audit (limit {{limit}})',
    fresh: 'access key {{key}} of {{user}} was rotated {{days}} days before the audit (limit {{limit}})',
    undecided: 'cannot tell how old access key {{key}} of {{user}} is',
  },
  check(context) {
    const { inventory, options } = context;
    for (const row of inventory.ofType('aws_iam_credential_report_user')) {
      for (const key of accessKeysOf(row)) {
        if (key.active !== true) continue;
        const element = `access key ${key.number}`;
        const data = { key: String(key.number), user: row.name, limit: String(options.maxAgeDays) };
        if (!key.lastRotated) {
          context.unknown({ resource: row, element, messageId: 'undecided', data, reason: 'the credential report gives no rotation date' });
          continue;
        }
        const days = daysBetween(key.lastRotated, row.values['collected_at'] ?? null);
        if (isUnknown(days)) context.unknown({ resource: row, element, messageId: 'undecided', data, reason: days });
        else if (days > options.maxAgeDays) context.fail({ resource: row, element, path: 'access_keys', messageId: 'old', data: { ...data, days: String(days) }, evidence: [{ path: `access_key_${key.number}_last_rotated`, value: key.lastRotated }] });
        else context.pass({ resource: row, element, messageId: 'fresh', data: { ...data, days: String(days) } });
      }
    }
  },
});
