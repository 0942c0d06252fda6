import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import type { LimitFunction } from 'p-limit';
import type { AccountRecording } from '../recording.js';
import type { AccountClients } from './clients.js';
import { failureAsError, isFailure, read } from './collect-buckets.js';
import type { GapRecorder } from './gap-recorder.js';

/**
 * The account's S3 public access block (S3 Control GetPublicAccessBlock, one call per account, in the
 * region buckets are listed from). NoSuchPublicAccessBlockConfiguration is recorded as the answer it
 * is (no block); any other failure is recorded too and is a coverage gap naming the operation.
 */
export async function collectAccountPublicAccessBlock(
  account: string,
  clients: AccountClients,
  region: string,
  limit: LimitFunction | undefined,
  gaps: GapRecorder,
): Promise<AccountRecording['account_public_access_block']> {
  const call = (): Promise<unknown> => read(clients.get('s3control', region) as never, new GetPublicAccessBlockCommand({ AccountId: account }));
  const response = await (limit ? limit(call) : call());
  if (isFailure(response) && response.Error.Code !== 'NoSuchPublicAccessBlockConfiguration') {
    gaps.fail({ account, region }, 's3control', 'GetPublicAccessBlock', failureAsError(response));
  }
  return { region, response };
}
