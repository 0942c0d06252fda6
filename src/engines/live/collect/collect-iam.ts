import { paginateGetAccountAuthorizationDetails } from '@aws-sdk/client-iam';
import type { LimitFunction } from 'p-limit';
import { IAM_ENTITY_FILTER } from '../descriptors/iam-authorization-details.js';
import type { AccountClients } from './clients.js';
import type { GapRecorder } from './gap-recorder.js';
import { responseBody } from './list-pages.js';
import { collectIamAccount } from './collect-iam-account.js';
import type { AccountRecording } from '../recording.js';

export interface IamWork {
  account: string;
  clients: AccountClients;
  /** The audited region whose endpoint is called and whose inventory holds the IAM records. */
  region: string;
  limit: LimitFunction | undefined;
  gaps: GapRecorder;
  /** Read GetAccountAuthorizationDetails (policies read IAM entities). */
  details: boolean;
  /** Read the credential report, account summary and password policy (policies read account hygiene). */
  accountSettings: boolean;
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
export async function collectIam(work: IamWork): Promise<AccountRecording['iam']> {
  const { account, clients, region, limit, gaps } = work;
  const run = <T>(task: () => Promise<T>): Promise<T> => (limit ? limit(task) : task());
  const [pages, settings] = await Promise.all([
    work.details ? run(() => authorizationDetails(work)) : Promise.resolve([]),
    work.accountSettings
      ? run(() => collectIamAccount({ client: clients.get('iam', region), fail: (operation, error) => gaps.fail({ account }, 'iam', operation, error) }))
      : Promise.resolve(undefined),
  ]);
  if (pages === undefined && settings === undefined) return undefined;
  return { region, pages: pages ?? [], ...(settings ? { account_settings: settings } : {}) };
}

/** The pages, or undefined when the call failed (a gap; no partial IAM is kept). */
async function authorizationDetails(work: IamWork): Promise<unknown[] | undefined> {
  const pages: unknown[] = [];
  try {
    const client = work.clients.get('iam', work.region);
    for await (const page of paginateGetAccountAuthorizationDetails({ client, pageSize: PAGE_SIZE }, { Filter: [...IAM_ENTITY_FILTER] })) pages.push(responseBody(page));
  } catch (error) {
    work.gaps.fail({ account: work.account }, 'iam', 'GetAccountAuthorizationDetails', error);
    return undefined;
  }
  return pages;
}
