/**
 * AWS-managed policies whose grant matters to the IAM checks, by name, with the statements that
 * decide it (the documents AWS publishes; statements that do not change a verdict are left out). An
 * attachment names them by ARN only, so a Terraform plan or source can be judged without reading
 * them from an account. The service authorization reference package carries actions, not managed
 * policies, hence this table.
 */
export const AWS_MANAGED_POLICIES: Readonly<Record<string, { Version: string; Statement: object[] }>> = {
  AdministratorAccess: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  PowerUserAccess: {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization', 'account:ListRegions', 'account:GetAccountInformation'],
        Resource: '*',
      },
    ],
  },
  IAMFullAccess: {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'], Resource: '*' },
    ],
  },
};

/**
 * The name of an AWS-managed policy from its ARN (`arn:aws:iam::aws:policy/AdministratorAccess`,
 * `arn:aws-us-gov:iam::aws:policy/job-function/Billing` → `Billing`), or undefined for any other ARN.
 */
export function awsManagedPolicyName(arn: string): string | undefined {
  const match = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match?.[1];
}
