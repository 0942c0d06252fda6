import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import type { LimitFunction } from 'p-limit';
import { objects, str } from '../aws-object.js';
import { S3_ABSENT_SETTING_CODES } from '../descriptors/s3-bucket.js';
import type { AccountRecording } from '../recording.js';
import { awsErrorCode, awsErrorMessage } from './aws-error.js';
import type { AccountClients } from './clients.js';
import type { GapRecorder } from './gap-recorder.js';
import { responseBody } from './list-pages.js';

export interface BucketWork {
  account: string;
  clients: AccountClients;
  /** Region whose endpoint lists the account's buckets (S3 lists every bucket from any region). */
  listRegion: string;
  /** The audited regions' concurrency limits: buckets in other regions are not read further. */
  limits: ReadonlyMap<string, LimitFunction>;
  gaps: GapRecorder;
}

/** The per-bucket reads: S3 has no batch API, so one call per setting and bucket. */
const SETTINGS = [
  ['GetBucketEncryption', (Bucket: string) => new GetBucketEncryptionCommand({ Bucket })],
  ['GetBucketVersioning', (Bucket: string) => new GetBucketVersioningCommand({ Bucket })],
  ['GetPublicAccessBlock', (Bucket: string) => new GetPublicAccessBlockCommand({ Bucket })],
  ['GetBucketTagging', (Bucket: string) => new GetBucketTaggingCommand({ Bucket })],
  ['GetBucketAcl', (Bucket: string) => new GetBucketAclCommand({ Bucket })],
  ['GetBucketOwnershipControls', (Bucket: string) => new GetBucketOwnershipControlsCommand({ Bucket })],
  ['GetBucketPolicy', (Bucket: string) => new GetBucketPolicyCommand({ Bucket })],
  ['GetBucketLogging', (Bucket: string) => new GetBucketLoggingCommand({ Bucket })],
] as const;

/**
 * S3 buckets of one account: ListBuckets once (its pages name each bucket's region), then for each
 * bucket in an audited region its encryption, versioning, public access block, tags, ACL, object
 * ownership, policy and server access logging, sent to the bucket's region within that region's limit. "Not configured" answers (NoSuchTagSet, …NotFound) are
 * recorded as such; other failures become gaps and, when mapped, Unknown settings.
 */
export async function collectBuckets(work: BucketWork): Promise<{ recording: AccountRecording; buckets: Map<string, number> }> {
  const { account, clients, listRegion, limits, gaps } = work;
  const recording: AccountRecording = { account };
  const perRegion = new Map<string, number>();
  const listLimit = limits.get(listRegion);
  const pages: Record<string, unknown>[] = [];
  try {
    const list = async (): Promise<void> => {
      for await (const page of paginateListBuckets({ client: clients.get('s3', listRegion), pageSize: 1000 }, {})) pages.push(responseBody(page));
    };
    await (listLimit ? listLimit(list) : list());
  } catch (error) {
    gaps.fail({ account, region: listRegion }, 's3', 'ListBuckets', error);
    return { recording, buckets: perRegion };
  }
  recording.list_buckets = pages;
  const settings: Record<string, Record<string, unknown>> = {};
  recording.bucket_settings = settings;

  const buckets = pages.flatMap((page) => objects(page, 'Buckets'));
  await Promise.all(
    buckets.map(async (bucket) => {
      const name = str(bucket, 'Name');
      if (!name) return;
      const recorded: Record<string, unknown> = {};
      settings[name] = recorded;
      let region = str(bucket, 'BucketRegion');
      if (!region) {
        const call = (): Promise<unknown> => read(clients.get('s3', listRegion), new GetBucketLocationCommand({ Bucket: name }));
        const location = await (listLimit ? listLimit(call) : call());
        recorded['GetBucketLocation'] = location;
        region = locationOf(location);
        if (isFailure(location)) gaps.fail({ account, region: listRegion }, 's3', 'GetBucketLocation', failureAsError(location));
      }
      const limit = region ? limits.get(region) : undefined;
      if (!region || !limit) {
        if (!recorded['GetBucketLocation']) delete settings[name];
        return;
      }
      perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
      const client = clients.get('s3', region);
      await Promise.all(
        SETTINGS.map(([operation, command]) =>
          limit(async () => {
            const response = await read(client, command(name));
            recorded[operation] = response;
            if (isFailure(response) && !S3_ABSENT_SETTING_CODES.has(response.Error.Code)) {
              gaps.fail({ account, region: region! }, 's3', operation, failureAsError(response));
            }
          }),
        ),
      );
    }),
  );
  return { recording, buckets: perRegion };
}

/** One S3 call: its body, or its failure as `{ Error: { Code, Message } }`. */
export async function read(client: { send(command: never): Promise<object> }, command: object): Promise<unknown> {
  try {
    return responseBody(await client.send(command as never));
  } catch (error) {
    return { Error: { Code: awsErrorCode(error), Message: awsErrorMessage(error) } };
  }
}

export interface Failure {
  Error: { Code: string; Message: string };
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'Error' in value;
}

export function failureAsError(failure: Failure): Error {
  return Object.assign(new Error(failure.Error.Message), { name: failure.Error.Code });
}

function locationOf(response: unknown): string | null {
  if (isFailure(response)) return null;
  const constraint = str(response, 'LocationConstraint');
  if (constraint === null) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}
