import { accessKeysOf, definePolicy, isUnknown } from '../src/api.js';

export const iamRootAccessKeys = definePolicy({
  id: 'iam-root-access-keys',
  title: 'The root user has access keys',
  severity: 'critical',
  description:
    'The account root user has an access key: a long-lived secret with unrestricted power over the account that no IAM ' +
    'policy or permissions boundary can limit. Live only: not knowable from Terraform (no resource manages root ' +
    'credentials), so tf and plan inputs report nothing. The live audit reads the credential report ' +
    '(iam:GenerateCredentialReport, iam:GetCredentialReport): the root row fails when access_key_1_active or ' +
    'access_key_2_active is true (an inactive key passes, as in the Security Hub control, which counts keys present; ' +
    'we judge usable keys). Without a report (denied, not ready) the account summary (iam:GetAccountSummary, ' +
    'AccountAccessKeysPresent) decides; when neither could be read the audit has a coverage gap, not a pass.',
  remediation:
    'Sign in as root, open Security credentials, and delete the root access keys; give automation an IAM role instead. ' +
    'Then restrict root use with an SCP (AWS Organizations) where possible.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['1.4'],
    'AWS Foundational Security Best Practices': ['IAM.4'],
    'PCI DSS 4.0': ['2.2.2', '8.2.2'],
  },
  tags: ['iam', 'account', 'root', 'live-only'],
  resourceTypes: ['aws_iam_credential_report_user', 'aws_iam_account_summary'],
  messages: {
    activeKey: 'the root user has active access key {{key}}',
    keysPresent: 'the root user has access keys (account summary: AccountAccessKeysPresent = 1)',
    noKeys: 'the root user has no active access keys',
    undecided: 'cannot tell whether the root user has access keys',
  },
  check(context) {
    const { inventory } = context;
    const roots = inventory.ofType('aws_iam_credential_report_user').filter((r) => r.values['root'] === true);
    for (const root of roots) {
      const active = accessKeysOf(root).filter((k) => k.active === true);
      if (active.length === 0) context.pass({ resource: root, messageId: 'noKeys' });
      for (const key of active) {
        const n = String(key.number);
        context.fail({ resource: root, element: `access key ${n}`, path: 'access_keys', messageId: 'activeKey', data: { key: n }, evidence: [{ path: `access_key_${n}_active`, value: true }] });
      }
    }
    if (roots.length > 0) return;
    for (const summary of inventory.ofType('aws_iam_account_summary')) {
      const present = summary.values['account_access_keys_present'];
      if (isUnknown(present)) context.unknown({ resource: summary, messageId: 'undecided', reason: present });
      else if (present === 0) context.pass({ resource: summary, messageId: 'noKeys' });
      else context.fail({ resource: summary, path: 'account_access_keys_present', messageId: 'keysPresent', evidence: [{ path: 'AccountAccessKeysPresent', value: present ?? null }] });
    }
  },
});
