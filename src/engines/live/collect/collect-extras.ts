import type { Unknown } from '../../../model/unknown.js';
import type { AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { operationKey } from '../descriptors/index.js';
import { RecordedDetails } from '../recorded-details.js';
import { awsErrorCode, awsErrorMessage } from './aws-error.js';
import type { RegionWork } from './collect-region.js';
import { responseBody, sendCommand } from './list-pages.js';

/**
 * A descriptor's companion calls (once per region) and detail calls (once per listed item that needs
 * them, in the order the descriptor lists them), each through the region's concurrency limit; the
 * SDK clients count them. Answers are recorded under `service:Operation` (a failure as
 * `{ ...request, Error: { Code, Message } }`, and a coverage gap naming the operation).
 */
export async function readExtras(descriptor: ResourceDescriptor, pages: readonly object[], work: RegionWork, responses: Record<string, unknown[]>): Promise<void> {
  const { target, clients, limit, gaps } = work;
  const call = (operation: string, request: Record<string, string>): Promise<Record<string, unknown>> =>
    limit(async () => {
      try {
        return { ...responseBody(await sendCommand(descriptor.service, operation, clients, target.region, request)), ...request };
      } catch (error) {
        gaps.fail(target, descriptor.service, operation, error);
        return { ...request, Error: { Code: awsErrorCode(error), Message: awsErrorMessage(error) } };
      }
    });
  const record = (operation: string, answer: Record<string, unknown>): void => {
    const key = operationKey({ service: descriptor.service, operation });
    (responses[key] ??= []).push(answer);
  };

  await Promise.all((descriptor.companions ?? []).map(async (operation) => record(operation, await call(operation, {}))));

  const details = descriptor.details ?? [];
  if (details.length === 0) return;
  const items = pages.flatMap((page) => descriptor.items(page));
  await Promise.all(
    items.map(async (item) => {
      const answers = new Map<string, Record<string, unknown>>();
      const earlier = (key: string): AwsObject | Unknown => {
        const answer = answers.get(key);
        return new RecordedDetails(answer ? { [key]: [answer] } : {}).detail(key);
      };
      for (const detail of details) {
        const request = detail.request(item, earlier, target);
        if (!request) continue;
        const answer = await call(detail.operation, request);
        answers.set(operationKey({ service: descriptor.service, operation: detail.operation }), answer);
        record(detail.operation, answer);
      }
    }),
  );
}
