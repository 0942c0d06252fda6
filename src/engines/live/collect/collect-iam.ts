import { paginateGetAccountAuthorizationDetails } from '@aws-sdk/client-iam';
import type { LimitFunction } from 'p-limit';
import { IAM_ENTITY_FILTER } from '../descriptors/iam-authorization-details.js';
import type { AccountClients } from './clients.js';
import type { GapRecorder } from './gap-recorder.js';
import { responseBody } from './list-pages.js';

export interface IamWork {
  account: string;
  clients: AccountClients;
  /** The audited region whose endpoint is called and whose inventory holds the IAM records. */
  region: string;
  limit: LimitFunction | undefined;
  gaps: GapRecorder;
}

/** Entities per page: the API's maximum, so an account of a few hundred roles is one or two calls. */
const PAGE_SIZE = 1000;

/**
 * IAM is global: it is read once per account, not per region, with GetAccountAuthorizationDetails
 * (users, groups, roles and customer-managed policies with every document and attachment, paginated;
 * no per-entity calls). A failure (AccessDenied: the audit role lacks iam:GetAccountAuthorizationDetails)
 * is a coverage gap naming the operation, and no IAM records are kept: the IAM policies then report nothing
 * for the account and the audit is incomplete, never green by omission.
 */
export async function collectIam(work: IamWork): Promise<{ region: string; pages: unknown[] } | undefined> {
  const { account, clients, region, limit, gaps } = work;
  const pages: unknown[] = [];
  const read = async (): Promise<void> => {
    const client = clients.get('iam', region);
    for await (const page of paginateGetAccountAuthorizationDetails({ client, pageSize: PAGE_SIZE }, { Filter: [...IAM_ENTITY_FILTER] })) pages.push(responseBody(page));
  };
  try {
    await (limit ? limit(read) : read());
  } catch (error) {
    gaps.fail({ account }, 'iam', 'GetAccountAuthorizationDetails', error);
    return undefined;
  }
  return { region, pages };
}
