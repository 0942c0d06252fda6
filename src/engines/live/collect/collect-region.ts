import { paginateGetManagedPrefixListEntries } from '@aws-sdk/client-ec2';
import type { LimitFunction } from 'p-limit';
import { objects, str } from '../aws-object.js';
import { managedPrefixListDescriptor } from '../descriptors/ec2-managed-prefix-list.js';
import { routeTableDescriptor } from '../descriptors/ec2-route-table.js';
import { securityGroupDescriptor } from '../descriptors/ec2-security-group.js';
import { operationKey, REGIONAL_DESCRIPTORS } from '../descriptors/index.js';
import type { ResourceDescriptor } from '../descriptor.js';
import type { TargetRecording } from '../recording.js';
import type { Target } from '../target.js';
import { awsErrorCode, awsErrorMessage, isUnreachable } from './aws-error.js';
import type { AccountClients } from './clients.js';
import type { GapRecorder } from './gap-recorder.js';
import { describeListed } from './describe-listed.js';
import { listCallOf, listPages, responseBody } from './list-pages.js';

export interface RegionWork {
  target: Target;
  clients: AccountClients;
  /** The (account, region)'s concurrency limit: at most this many of its calls in flight. */
  limit: LimitFunction;
  gaps: GapRecorder;
  /** Descriptors to read; all by default. */
  descriptors?: readonly ResourceDescriptor[];
}

export interface RegionResult {
  recording: TargetRecording;
  /** Items listed (before mapping), for progress. */
  items: number;
}

/**
 * The generic collector: every descriptor's list call with all its pages, concurrently within the
 * region's limit (for services whose list call only names resources, then their describe calls). A
 * call that fails (denied, opt-in region, timeout, throttled past the retries) is recorded as a gap
 * and its partial pages dropped; the other types are still read (unless the region cannot be reached
 * at all: then the remaining calls are not tried). Then the entries of the managed prefix lists that
 * security-group rules or routes refer to (one paginated call per such list; the only per-resource
 * reads in EC2).
 */
export async function collectRegion(work: RegionWork): Promise<RegionResult> {
  const { target, clients, limit, gaps } = work;
  const responses: Record<string, unknown[]> = {};
  let items = 0;
  // Once the region's endpoint proved unreachable (after the SDK's retries), the calls not yet made
  // fail at once with the same error instead of each waiting out its own timeouts.
  let unreachable: unknown;
  await Promise.all(
    (work.descriptors ?? REGIONAL_DESCRIPTORS).map(async (descriptor) => {
      const failed = (operation: string, error: unknown): void => {
        gaps.fail(target, descriptor.service, operation, error);
        if (isUnreachable(awsErrorCode(error))) unreachable ??= error;
      };
      const list = listCallOf(descriptor);
      const listed = await limit(async () => {
        if (unreachable !== undefined) return failed(list.operation, unreachable);
        try {
          const pages: Record<string, unknown>[] = [];
          for await (const page of listPages(list, clients, target.region)) pages.push(responseBody(page));
          return pages;
        } catch (error) {
          return failed(list.operation, error);
        }
      });
      if (!listed) return;
      // The listing of a per-resource descriptor is kept beside its descriptions, as AWS returned it.
      if (descriptor.listedBy) responses[`${descriptor.service}:${descriptor.listedBy.operation}`] = listed;
      const pages = descriptor.listedBy ? await describeListed(work, descriptor, descriptor.listedBy, listed, failed) : listed;
      responses[operationKey(descriptor)] = pages;
      items += pages.reduce((n, page) => n + descriptor.items(page).length, 0);
    }),
  );

  const recording: TargetRecording = { account: target.account, region: target.region, responses };
  const lists = referencedPrefixLists(responses);
  if (lists.length > 0) recording.prefix_list_entries = await readPrefixListEntries(work, lists);
  return { recording, items };
}

/** Ids of the listed prefix lists that an ingress rule or a route refers to. */
function referencedPrefixLists(responses: Record<string, unknown[]>): string[] {
  const listed = new Set(
    (responses[operationKey(managedPrefixListDescriptor)] ?? []).flatMap((page) => managedPrefixListDescriptor.items(page).map((l) => str(l, 'PrefixListId'))),
  );
  const referenced = new Set<string>();
  for (const page of responses[operationKey(securityGroupDescriptor)] ?? []) {
    for (const group of securityGroupDescriptor.items(page)) {
      for (const permission of objects(group, 'IpPermissions')) {
        for (const ref of objects(permission, 'PrefixListIds')) {
          const id = str(ref, 'PrefixListId');
          if (id) referenced.add(id);
        }
      }
    }
  }
  for (const page of responses[operationKey(routeTableDescriptor)] ?? []) {
    for (const table of routeTableDescriptor.items(page)) {
      for (const route of objects(table, 'Routes')) {
        const id = str(route, 'DestinationPrefixListId');
        if (id) referenced.add(id);
      }
    }
  }
  return [...referenced].filter((id) => listed.has(id)).sort();
}

async function readPrefixListEntries(work: RegionWork, ids: string[]): Promise<Record<string, unknown[]>> {
  const { target, clients, limit, gaps } = work;
  const out: Record<string, unknown[]> = {};
  await Promise.all(
    ids.map((id) =>
      limit(async () => {
        try {
          const pages: unknown[] = [];
          const client = clients.get('ec2', target.region);
          for await (const page of paginateGetManagedPrefixListEntries({ client, pageSize: 100 }, { PrefixListId: id })) pages.push(responseBody(page));
          out[id] = pages;
        } catch (error) {
          out[id] = [{ Error: { Code: awsErrorCode(error), Message: awsErrorMessage(error) } }];
          gaps.fail(target, 'ec2', 'GetManagedPrefixListEntries', error);
        }
      }),
    ),
  );
  return out;
}

