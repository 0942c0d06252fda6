import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from '@smithy/core';
import { awsErrorCode, awsErrorMessage } from './aws-error.js';
import type { AwsCredentials } from './clients.js';

/**
 * The SDK's default provider chain: environment, shared config/credentials files with `--profile`
 * (including SSO and `credential_process`), web identity (GitHub Actions OIDC), and ECS/EC2 instance
 * roles (Jenkins agents). Credentials stay inside the SDK; warden never prints them.
 */
export function defaultCredentials(profile?: string): AwsCredentials {
  return fromNodeProviderChain(profile ? { profile } : {});
}

export interface RoleTarget {
  account: string;
  roleName: string;
  externalId?: string;
  partition: string;
}

/**
 * AssumeRole failed: the account's gap names that call and its error (AccessDenied …), not the first
 * call that needed the credentials.
 */
export class AssumeRoleFailure extends Error {
  constructor(readonly error: unknown) {
    super(awsErrorMessage(error));
    this.name = awsErrorCode(error);
  }
}

interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/**
 * Credentials for one account of `--accounts … --role-name NAME`: AssumeRole through `sts` (a client
 * of the base credentials, counted in the call report), once per run and account however many
 * clients use them, again only when they come within five minutes of expiring (the SDK's identity
 * memoizer, which also lets concurrent first uses share one call).
 */
export function roleCredentials(sts: STSClient, role: RoleTarget): AwsCredentials {
  const assume = async (): Promise<TemporaryCredentials> => {
    let output;
    try {
      output = await sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:${role.partition}:iam::${role.account}:role/${role.roleName}`,
          RoleSessionName: 'warden-audit',
          ...(role.externalId ? { ExternalId: role.externalId } : {}),
        }),
      );
    } catch (error) {
      throw new AssumeRoleFailure(error);
    }
    const c = output.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new AssumeRoleFailure(Object.assign(new Error('AssumeRole returned no credentials'), { name: 'NoCredentials' }));
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}), ...(c.Expiration ? { expiration: c.Expiration } : {}) };
  };
  return memoizeIdentityProvider(assume, isIdentityExpired, doesIdentityRequireRefresh)!;
}

/**
 * The region for account-wide calls (STS, DescribeRegions, ListBuckets, the aggregator): the first
 * region asked for, else AWS_REGION / AWS_DEFAULT_REGION / the profile's region as the SDK resolves
 * them, else us-east-1.
 */
export async function homeRegion(profile: string | undefined, regions: readonly string[] | undefined): Promise<string> {
  if (regions?.length) return regions[0]!;
  const fromEnv = process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'];
  if (fromEnv) return fromEnv;
  const probe = new STSClient(profile ? { profile } : {});
  try {
    return await probe.config.region();
  } catch {
    return 'us-east-1';
  } finally {
    probe.destroy();
  }
}
