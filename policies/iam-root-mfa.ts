import { definePolicy, isUnknown } from '../src/api.js';

export interface IamRootMfaOptions {
  /** IAM.6 (and CIS 1.6, a manual recommendation the coverage listing does not count): the root MFA must be a hardware device, not a virtual (app) one. */
  requireHardware: boolean;
}

export const iamRootMfa = definePolicy<IamRootMfaOptions>({
  id: 'iam-root-mfa',
  title: 'The root user has no MFA',
  severity: 'critical',
  description:
    'The account root user can sign in with its password alone. Live only: not knowable from Terraform (no resource ' +
    'manages root credentials), so tf and plan inputs report nothing. The live audit reads mfa_active on the root row ' +
    'of the credential report, else AccountMFAEnabled of the account summary; neither readable is a coverage gap. ' +
    'With requireHardware (CIS 1.6, IAM.6) an MFA that is on is unknown rather than a pass: the audit does not list ' +
    'virtual MFA devices (iam:ListVirtualMFADevices), so it cannot tell a hardware device from an app, and it never ' +
    'reports green what it has not seen.',
  remediation:
    'Sign in as root, open Security credentials and assign an MFA device (a hardware key for CIS 1.6). For accounts in ' +
    'AWS Organizations, consider centrally managed root access instead of root credentials.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['1.5'],
    'AWS Foundational Security Best Practices': ['IAM.9', 'IAM.6'],
    'PCI DSS 4.0': ['8.4.1'],
  },
  tags: ['iam', 'account', 'root', 'mfa', 'live-only'],
  resourceTypes: ['aws_iam_credential_report_user', 'aws_iam_account_summary'],
  options: {
    schema: { type: 'object', additionalProperties: false, properties: { requireHardware: { type: 'boolean' } } },
    defaults: { requireHardware: false },
  },
  messages: {
    noMfa: 'the root user has no MFA device',
    mfa: 'the root user has MFA',
    hardwareUnknown: 'the root user has MFA, but this audit cannot tell whether it is a hardware device',
    undecided: 'cannot tell whether the root user has MFA',
  },
  check(context) {
    const { inventory, options } = context;
    const decide = (resource: Parameters<typeof context.pass>[0]['resource'], on: unknown, path: string): void => {
      if (isUnknown(on)) context.unknown({ resource, messageId: 'undecided', reason: on });
      else if (on === true || on === 1) {
        if (options.requireHardware) context.unknown({ resource, messageId: 'hardwareUnknown', reason: 'virtual MFA devices (iam:ListVirtualMFADevices) are not read' });
        else context.pass({ resource, messageId: 'mfa' });
      } else if (on === false || on === 0) context.fail({ resource, path, messageId: 'noMfa', evidence: [{ path, value: on }] });
      else context.unknown({ resource, messageId: 'undecided', reason: `${path} is not given` });
    };
    const roots = inventory.ofType('aws_iam_credential_report_user').filter((r) => r.values['root'] === true);
    for (const root of roots) decide(root, root.values['mfa_active'], 'mfa_active');
    if (roots.length > 0) return;
    for (const summary of inventory.ofType('aws_iam_account_summary')) decide(summary, summary.values['account_mfa_enabled'], 'account_mfa_enabled');
  },
});
