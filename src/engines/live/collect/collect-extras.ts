import type { Unknown } from '../../../model/unknown.js';
import type { AwsObject } from '../aws-object.js';
import type { DetailCall, ResourceDescriptor } from '../descriptor.js';
import { operationKey, REGIONAL_DESCRIPTORS } from '../descriptors/index.js';
import { RecordedDetails } from '../recorded-details.js';
import { awsErrorCode, awsErrorMessage } from './aws-error.js';
import type { RegionWork } from './collect-region.js';
import { listPages, responseBody, sendCommand } from './list-pages.js';

/**
 * Per (account, region) and detail call, at most this many items are read; beyond it the rest is a
 * coverage gap (`TooManyResources`) and their values unknown, so a runaway account costs a bounded
 * number of calls.
 */
export const MAX_DETAILED = 1000;

type Request = Record<string, string>;

/**
 * A descriptor's companion calls (once per region) and detail calls (per listed item that needs them,
 * one detail call after the other so that a later one sees the earlier answers), each call through
 * the region's concurrency limit; the SDK clients count them. A detail call pages (every page
 * recorded) or takes a batch of items per call, as the descriptor says. Answers are recorded under
 * `service:Operation` as `{ ...response, ...request }`; a failure as `{ ...request, Error: { Code,
 * Message } }` and a coverage gap naming the operation. A detail call that lists the items of a
 * descriptor not in scope (`listedBy`) is not made, nor one that fills only what no selected policy reads.
 */
export async function readExtras(
  descriptor: ResourceDescriptor,
  pages: readonly object[],
  work: RegionWork,
  responses: Record<string, unknown[]>,
  inScope: readonly ResourceDescriptor[],
): Promise<void> {
  const { target, gaps } = work;
  const keyOf = (operation: string): string => operationKey({ service: descriptor.service, operation });
  const record = (operation: string, answers: readonly Record<string, unknown>[]): void => {
    // Recorded only when made: a region where nothing needed the call records nothing for it.
    if (answers.length > 0) (responses[keyOf(operation)] ??= []).push(...answers);
  };

  await Promise.all((descriptor.companions ?? []).map(async (operation) => record(operation, await callOnce(descriptor, { operation, request: () => undefined }, work, [{}]))));

  const items = pages.flatMap((page) => descriptor.items(page));
  const answered = items.map(() => new Map<string, Record<string, unknown>>());
  for (const detail of descriptor.details ?? []) {
    if (listsOutOfScope(descriptor, detail, inScope) || work.skippedDetails?.has(detail)) continue;
    let wanted: { at: number; request: Request }[] = [];
    items.forEach((item, at) => {
      const earlier = (key: string): AwsObject | Unknown => {
        const answer = answered[at]?.get(key);
        return new RecordedDetails(answer ? { [key]: [answer] } : {}).detail(key);
      };
      const request = detail.request(item, earlier, target);
      if (request) wanted.push({ at, request });
    });
    if (wanted.length > MAX_DETAILED) {
      const error = Object.assign(new Error(`${wanted.length} items need it; only the first ${MAX_DETAILED} were read`), { name: 'TooManyResources' });
      gaps.fail(target, descriptor.service, detail.operation, error);
      wanted = wanted.slice(0, MAX_DETAILED);
    }
    const size = detail.batch?.size ?? 1;
    const batches: (typeof wanted)[] = [];
    for (let i = 0; i < wanted.length; i += size) batches.push(wanted.slice(i, i + size));
    // Joined in list order, not arrival order: a saved inventory does not depend on timing.
    const answers = await Promise.all(batches.map((batch) => callOnce(descriptor, detail, work, batch.map((w) => w.request))));
    batches.forEach((batch, n) => {
      for (const { at, request } of batch) {
        const first = answers[n]?.find((answer) => Object.entries(request).every(([name, value]) => answer[name] === value));
        if (first) answered[at]?.set(keyOf(detail.operation), first);
      }
    });
    record(detail.operation, answers.flat());
  }
}

/** Whether the detail call lists the items of a descriptor that is not being read (listeners, when no listener policy runs). */
function listsOutOfScope(descriptor: ResourceDescriptor, detail: DetailCall, inScope: readonly ResourceDescriptor[]): boolean {
  const listed = REGIONAL_DESCRIPTORS.find((d) => d.listedBy === descriptor && d.operation === detail.operation);
  return listed !== undefined && !inScope.includes(listed);
}

/**
 * One call for one request (all its pages when the call pages) or for a batch of requests, through
 * the region's limit → the answers to record, each carrying its request's fields.
 */
function callOnce(descriptor: ResourceDescriptor, detail: DetailCall, work: RegionWork, requests: readonly Request[]): Promise<Record<string, unknown>[]> {
  const { target, clients, limit, gaps } = work;
  const single = requests.length === 1 && !detail.batch ? requests[0] : undefined;
  return limit(async () => {
    try {
      if (single) {
        const out: Record<string, unknown>[] = [];
        // A copy: the SDK's paginator writes its page token into the input it is given.
        const call = { service: descriptor.service, operation: detail.operation, input: { ...single }, pageSize: detail.pageSize };
        if (detail.pageSize) for await (const page of listPages(call, clients, target.region)) out.push({ ...responseBody(page), ...single });
        else out.push({ ...responseBody(await sendCommand(descriptor.service, detail.operation, clients, target.region, detail.input?.(single) ?? single)), ...single });
        return out;
      }
      const batch = detail.batch;
      if (!batch) return [];
      const response = responseBody(await sendCommand(descriptor.service, detail.operation, clients, target.region, batch.input(requests)));
      return batch.answers(response);
    } catch (error) {
      gaps.fail(target, descriptor.service, detail.operation, error);
      return requests.map((request) => ({ ...request, Error: { Code: awsErrorCode(error), Message: awsErrorMessage(error) } }));
    }
  });
}
