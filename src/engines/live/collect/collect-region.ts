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
import { listPages, responseBody } from './list-pages.js';

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
 * region's limit. A call that fails (denied, opt-in region, timeout, throttled past the retries) is
 * recorded as a gap and its partial pages dropped; the other types are still read (unless the region
 * cannot be reached at all: then the remaining calls are not tried). Then the entries of
 * the managed prefix lists that security-group rules or routes refer to (one paginated call per such
 * list; the only per-resource reads in EC2).
 */
export async function collectRegion(work: RegionWork): Promise<RegionResult> {
  const { target, clients, limit, gaps } = work;
  const responses: Record<string, unknown[]> = {};
  let items = 0;
  // Once the region's endpoint proved unreachable (after the SDK's retries), the calls not yet made
  // fail at once with the same error instead of each waiting out its own timeouts.
  let unreachable: unknown;
  const descriptors = work.descriptors ?? REGIONAL_DESCRIPTORS;
  await Promise.all(
    descriptors.filter((descriptor) => descriptor.listedBy === undefined).map((descriptor) =>
      limit(async () => {
        if (unreachable !== undefined) {
          gaps.fail(target, descriptor.service, descriptor.operation, unreachable);
          return;
        }
        try {
          const pages: Record<string, unknown>[] = [];
          for await (const page of listPages(descriptor, clients, target.region)) pages.push(responseBody(page));
          responses[operationKey(descriptor)] = pages;
          items += pages.reduce((n, page) => n + descriptor.items(page).length, 0);
        } catch (error) {
          gaps.fail(target, descriptor.service, descriptor.operation, error);
          if (isUnreachable(awsErrorCode(error))) unreachable ??= error;
        }
      }),
    ),
  );

  if (unreachable === undefined) items += await readFollowUps(work, descriptors, responses);

  const recording: TargetRecording = { account: target.account, region: target.region, responses };
  const lists = referencedPrefixLists(responses);
  if (lists.length > 0) recording.prefix_list_entries = await readPrefixListEntries(work, lists);
  return { recording, items };
}

/**
 * The per-item calls of the listed descriptors (a load balancer's listeners and attributes), each
 * within the region's limit and counted like any call. Pages are recorded with their request merged
 * in; a failed call is recorded as `{ ...request, Error }` and is a gap naming the operation.
 */
async function readFollowUps(work: RegionWork, descriptors: readonly ResourceDescriptor[], responses: Record<string, unknown[]>): Promise<number> {
  const { target, clients, limit, gaps } = work;
  let items = 0;
  const calls: Promise<void>[] = [];
  const joined: (() => void)[] = [];
  for (const descriptor of descriptors) {
    for (const followUp of descriptor.followUps ?? []) {
      const call = { service: descriptor.service, operation: followUp.operation, ...(followUp.pageSize ? { pageSize: followUp.pageSize } : {}) };
      // A follow-up that lists another descriptor's items is made only when that descriptor is in scope.
      const lister = REGIONAL_DESCRIPTORS.find((d) => d.listedBy === descriptor.type && d.operation === followUp.operation);
      if (lister && !descriptors.includes(lister)) continue;
      // One slot per request, filled concurrently and joined in list order: a saved inventory does not depend on timing.
      const slots: unknown[][] = [];
      for (const page of responses[operationKey(descriptor)] ?? []) {
        for (const item of descriptor.items(page)) {
          const request = followUp.request(item);
          if (!request) continue;
          const slot: unknown[] = [];
          slots.push(slot);
          calls.push(
            limit(async () => {
              try {
                for await (const body of listPages(call, clients, target.region, request)) {
                  const page = { ...request, ...responseBody(body) };
                  slot.push(page);
                  if (lister) items += lister.items(page).length;
                }
              } catch (error) {
                slot.push({ ...request, Error: { Code: awsErrorCode(error), Message: awsErrorMessage(error) } });
                gaps.fail(target, descriptor.service, followUp.operation, error);
              }
            }),
          );
        }
      }
      // Recorded only when made: a region where nothing could be read must record nothing.
      if (slots.length > 0) joined.push(() => (responses[operationKey(call)] = slots.flat()));
    }
  }
  await Promise.all(calls);
  for (const join of joined) join();
  return items;
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

