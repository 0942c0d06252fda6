import { paginateGetManagedPrefixListEntries } from '@aws-sdk/client-ec2';
import type { LimitFunction } from 'p-limit';
import { objects, str } from '../aws-object.js';
import { managedPrefixListDescriptor } from '../descriptors/ec2-managed-prefix-list.js';
import { routeTableDescriptor } from '../descriptors/ec2-route-table.js';
import { securityGroupDescriptor } from '../descriptors/ec2-security-group.js';
import { operationKey, REGIONAL_DESCRIPTORS } from '../descriptors/index.js';
import type { DetailCall, ResourceDescriptor } from '../descriptor.js';
import type { TargetRecording } from '../recording.js';
import type { Target } from '../target.js';
import { awsErrorCode, isUnreachable } from './aws-error.js';
import { readExtras } from './collect-extras.js';
import { readStaleGroups } from './collect-stale-groups.js';
import { readEach } from './read-each.js';
import { vpcsWithGroups } from '../stale-group-vpcs.js';
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
  /** Detail calls not to make: no selected policy reads what they fill. */
  skippedDetails?: ReadonlySet<DetailCall>;
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
 * list), and the stale rules of each VPC that has groups (one paginated call per VPC).
 */
export async function collectRegion(work: RegionWork): Promise<RegionResult> {
  const { target, clients, limit, gaps } = work;
  const responses: Record<string, unknown[]> = {};
  let items = 0;
  // Once the region's endpoint proved unreachable (after the SDK's retries), the calls not yet made
  // fail at once with the same error instead of each waiting out its own timeouts.
  let unreachable: unknown;
  const inScope = work.descriptors ?? REGIONAL_DESCRIPTORS;
  await Promise.all(
    listCalls(inScope).map(async (descriptor) => {
      const listed = await limit(async () => {
        if (unreachable !== undefined) {
          gaps.fail(target, descriptor.service, descriptor.operation, unreachable);
          return undefined;
        }
        try {
          const pages: Record<string, unknown>[] = [];
          for await (const page of listPages(descriptor, clients, target.region)) pages.push(responseBody(page));
          responses[operationKey(descriptor)] = pages;
          items += pages.reduce((n, page) => n + descriptor.items(page).length, 0);
          return pages;
        } catch (error) {
          gaps.fail(target, descriptor.service, descriptor.operation, error);
          if (isUnreachable(awsErrorCode(error))) unreachable ??= error;
          return undefined;
        }
      });
      // Outside the list call's slot: the extra calls take slots of the same limit.
      if (listed) await readExtras(descriptor, listed, work, responses, inScope);
    }),
  );
  // Items listed by another descriptor's detail call (listeners per load balancer) count once recorded.
  for (const descriptor of inScope) {
    if (descriptor.listedBy) items += (responses[operationKey(descriptor)] ?? []).reduce((n: number, page) => n + descriptor.items(page).length, 0);
  }

  const recording: TargetRecording = { account: target.account, region: target.region, responses };
  const lists = referencedPrefixLists(responses);
  if (lists.length > 0) recording.prefix_list_entries = await readPrefixListEntries(work, lists);
  const vpcs = vpcsWithGroups(responses);
  if (vpcs.length > 0) recording.stale_security_groups = await readStaleGroups(work, vpcs);
  return { recording, items };
}

/**
 * The descriptors whose list call is made: those in scope with a list call of their own, and the
 * listers of those listed by another's detail call (EKS ListClusters for the clusters it names).
 */
function listCalls(inScope: readonly ResourceDescriptor[]): ResourceDescriptor[] {
  const out = inScope.filter((descriptor) => !descriptor.listedBy);
  for (const descriptor of inScope) if (descriptor.listedBy && !out.includes(descriptor.listedBy)) out.push(descriptor.listedBy);
  return out;
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

function readPrefixListEntries(work: RegionWork, ids: string[]): Promise<Record<string, unknown[]>> {
  return readEach(work, ids, 'GetManagedPrefixListEntries', (client, id) => paginateGetManagedPrefixListEntries({ client, pageSize: 100 }, { PrefixListId: id }));
}
