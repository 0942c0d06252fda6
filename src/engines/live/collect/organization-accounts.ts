import { paginateListAccounts, paginateListAccountsForParent, paginateListOrganizationalUnitsForParent, type Account } from '@aws-sdk/client-organizations';
import type { AccountClients } from './clients.js';
import type { GapRecorder } from './gap-recorder.js';

/** `--accounts-from organizations`: which of the organisation's accounts to audit. */
export interface OrganizationScope {
  /** Only accounts under these OUs (or roots), at any depth; empty: every account. */
  ous?: readonly string[];
  /** Accounts left out (a sandbox, the management account). */
  exclude?: readonly string[];
}

/** Where the Organizations API answers in each partition (it is global, with one home region). */
const ORGANIZATIONS_REGION: Record<string, string> = { aws: 'us-east-1', 'aws-cn': 'cn-northwest-1', 'aws-us-gov': 'us-gov-west-1' };

/**
 * The active accounts of the organisation, from the management account or a delegated administrator:
 * ListAccounts, or per OU ListAccountsForParent with ListOrganizationalUnitsForParent down the tree.
 * A failure is a coverage gap naming the call, and no account is audited (undefined): an audit of
 * part of an organisation must not look like the whole of it.
 */
export async function organizationAccounts(clients: AccountClients, partition: string, scope: OrganizationScope, gaps: GapRecorder): Promise<string[] | undefined> {
  const client = clients.get('organizations', ORGANIZATIONS_REGION[partition] ?? 'us-east-1');
  const found: Account[] = [];
  let operation = 'ListAccounts';
  try {
    if (!scope.ous?.length) {
      for await (const page of paginateListAccounts({ client }, {})) found.push(...(page.Accounts ?? []));
    } else {
      const pending = [...scope.ous];
      const seen = new Set<string>();
      while (pending.length > 0) {
        const parent = pending.pop()!;
        if (seen.has(parent)) continue;
        seen.add(parent);
        operation = 'ListAccountsForParent';
        for await (const page of paginateListAccountsForParent({ client }, { ParentId: parent })) found.push(...(page.Accounts ?? []));
        operation = 'ListOrganizationalUnitsForParent';
        for await (const page of paginateListOrganizationalUnitsForParent({ client }, { ParentId: parent })) {
          for (const ou of page.OrganizationalUnits ?? []) if (ou.Id) pending.push(ou.Id);
        }
      }
    }
  } catch (error) {
    gaps.fail({ account: clients.account }, 'organizations', operation, error);
    return undefined;
  }
  const excluded = new Set(scope.exclude ?? []);
  // Suspended and closing accounts cannot be audited; `State` replaces the deprecated `Status`.
  const active = found.filter((a) => (a.State ?? a.Status) === 'ACTIVE' && a.Id && !excluded.has(a.Id)).map((a) => a.Id!);
  return [...new Set(active)].sort();
}
