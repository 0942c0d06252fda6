import { definePolicy } from '../src/api.js';

export const iamUserConsoleMfa = definePolicy({
  id: 'iam-user-console-mfa',
  title: 'An IAM user with a console password has no MFA',
  severity: 'medium',
  description:
    'An IAM user can sign in to the console with a password and has no MFA device. Live only: not knowable from ' +
    'Terraform (aws_iam_user_login_profile creates a password, but MFA devices are enrolled outside it), so tf and plan ' +
    'inputs report nothing. The live audit reads the credential report: a user row with password_enabled = true fails ' +
    'when mfa_active is false and passes when it is true; users without a password are not console users and are not ' +
    'reported. The root user is iam-root-mfa. Without a credential report the audit has a coverage gap, not a pass.',
  remediation: 'Enrol an MFA device for the user (or remove the console password if the user does not need one); enforce MFA with an IAM policy condition aws:MultiFactorAuthPresent.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['1.10'],
    'AWS Foundational Security Best Practices': ['IAM.5'],
    'PCI DSS 4.0': ['8.4.2'],
  },
  tags: ['iam', 'account', 'mfa', 'live-only'],
  resourceTypes: ['aws_iam_credential_report_user'],
  messages: {
    noMfa: 'IAM user {{user}} has a console password and no MFA',
    mfa: 'IAM user {{user}} has a console password and MFA',
    undecided: 'cannot tell whether IAM user {{user}} has MFA',
  },
  check(context) {
    for (const row of context.inventory.ofType('aws_iam_credential_report_user')) {
      if (row.values['root'] === true || row.values['password_enabled'] !== true) continue;
      const data = { user: row.name };
      const mfa = row.values['mfa_active'];
      if (mfa === true) context.pass({ resource: row, messageId: 'mfa', data });
      else if (mfa === false) context.fail({ resource: row, path: 'mfa_active', messageId: 'noMfa', data, evidence: [{ path: 'mfa_active', value: false }] });
      else context.unknown({ resource: row, messageId: 'undecided', data, reason: 'the credential report gives no mfa_active' });
    }
  },
});
