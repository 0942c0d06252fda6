import { definePolicy, isUnknown, Unknown, type PolicyContext, type Resource, type Value } from '../src/api.js';

export interface IamPasswordPolicyOptions {
  minimumLength: number;
  reusePrevention: number;
}

/** The provider's default when minimum_password_length is left out of an aws_iam_account_password_policy. */
const PROVIDER_DEFAULT_LENGTH = 6;

export const iamPasswordPolicy = definePolicy<IamPasswordPolicyOptions>({
  id: 'iam-password-policy',
  title: 'The IAM password policy is weak',
  severity: 'medium',
  description:
    'The account password policy allows passwords shorter than minimumLength (default 14) or does not prevent the reuse ' +
    'of the last reusePrevention (default 24) passwords. Source and plans: each aws_iam_account_password_policy is judged ' +
    '(minimum_password_length left out is the provider default, 6; password_reuse_prevention left out is no reuse ' +
    'prevention); a value known only after apply is unknown. A configuration without one is not a finding: the setting ' +
    'is per account and often managed elsewhere, so only a live audit can tell. Live: iam:GetAccountPasswordPolicy; ' +
    'NoSuchEntity means no policy is set, the weakest setting, and fails. Unlike IAM.7, character classes and expiry are ' +
    'not required (CIS v3.0.0 and NIST 800-63B favour length over composition rules).',
  remediation: 'aws_iam_account_password_policy { minimum_password_length = 14, password_reuse_prevention = 24 } in the account baseline, or aws iam update-account-password-policy.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['1.8', '1.9'],
    'AWS Foundational Security Best Practices': ['IAM.7', 'IAM.15', 'IAM.16'],
    'PCI DSS 4.0': ['8.3.6', '8.3.7'],
  },
  tags: ['iam', 'account', 'passwords'],
  resourceTypes: ['aws_iam_account_password_policy'],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { minimumLength: { type: 'integer', minimum: 6, maximum: 128 }, reusePrevention: { type: 'integer', minimum: 1, maximum: 24 } },
    },
    defaults: { minimumLength: 14, reusePrevention: 24 },
  },
  messages: {
    none: 'the account has no password policy (IAM defaults apply: no reuse prevention)',
    short: 'the password policy allows passwords of {{length}} characters (minimum {{limit}})',
    reuse: 'the password policy {{reuse}} (required: the last {{limit}})',
    strong: 'the password policy requires {{length}} characters and prevents reuse of the last {{reuse}} passwords',
    undecided: 'cannot tell the {{setting}} of the password policy',
  },
  check(context) {
    const { inventory, options } = context;
    for (const policy of inventory.ofType('aws_iam_account_password_policy')) {
      if (policy.mode !== 'managed') continue;
      const exists = policy.values['exists'];
      if (isUnknown(exists)) {
        context.unknown({ resource: policy, messageId: 'undecided', data: { setting: 'existence' }, reason: exists });
        continue;
      }
      if (exists === false) {
        context.fail({ resource: policy, messageId: 'none', evidence: [{ path: 'GetAccountPasswordPolicy', value: 'NoSuchEntity' }] });
        continue;
      }
      judge(context, policy, options);
    }
  },
});

function judge(context: PolicyContext<IamPasswordPolicyOptions>, policy: Resource, options: IamPasswordPolicyOptions): void {
  const length = setting(policy.values['minimum_password_length'], PROVIDER_DEFAULT_LENGTH);
  const reuse = setting(policy.values['password_reuse_prevention'], 0);
  let decided = true;
  for (const [name, value] of [['minimum_password_length', length], ['password_reuse_prevention', reuse]] as const) {
    if (isUnknown(value)) {
      context.unknown({ resource: policy, element: name, path: name, messageId: 'undecided', data: { setting: name }, reason: value });
      decided = false;
    }
  }
  if (typeof length === 'number' && length < options.minimumLength) {
    context.fail({ resource: policy, element: 'minimum_password_length', path: 'minimum_password_length', messageId: 'short', data: { length: String(length), limit: String(options.minimumLength) }, evidence: [{ path: 'minimum_password_length', value: length }] });
    decided = false;
  }
  if (typeof reuse === 'number' && reuse < options.reusePrevention) {
    const said = reuse === 0 ? 'does not prevent password reuse' : `prevents reuse of only the last ${reuse} passwords`;
    context.fail({ resource: policy, element: 'password_reuse_prevention', path: 'password_reuse_prevention', messageId: 'reuse', data: { reuse: said, limit: String(options.reusePrevention) }, evidence: [{ path: 'password_reuse_prevention', value: reuse }] });
    decided = false;
  }
  if (decided) context.pass({ resource: policy, messageId: 'strong', data: { length: String(length), reuse: String(reuse) } });
}

/** A numeric setting; left out (null) is the given default; Unknown stays Unknown. */
function setting(value: Value | undefined, fallback: number): number | Unknown {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number') return value;
  return isUnknown(value) ? value : new Unknown(`the setting is not a number: ${JSON.stringify(value)}`);
}
