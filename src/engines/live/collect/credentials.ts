import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
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
  /** Region of the STS endpoint used to assume the role. */
  region: string;
  requestHandler?: unknown;
}

/** Credentials for one account of `--accounts … --role-name NAME`: the role assumed from the base credentials, refreshed by the SDK. */
export function roleCredentials(base: AwsCredentials, role: RoleTarget): AwsCredentials {
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: `arn:${role.partition}:iam::${role.account}:role/${role.roleName}`,
      RoleSessionName: 'warden-audit',
      ...(role.externalId ? { ExternalId: role.externalId } : {}),
    },
    clientConfig: { region: role.region, ...(role.requestHandler ? { requestHandler: role.requestHandler as never } : {}) },
  });
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
