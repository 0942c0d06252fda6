import * as ec2 from '@aws-sdk/client-ec2';
import * as elb from '@aws-sdk/client-elastic-load-balancing';
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
import * as rds from '@aws-sdk/client-rds';
import type { RegionalService, ResourceDescriptor } from '../descriptor.js';
import type { AccountClients } from './clients.js';

type Paginate = (config: { client: unknown; pageSize?: number }, input: object) => AsyncIterable<object>;
type CommandClass = new (input: object) => unknown;
interface Sender {
  send(command: unknown): Promise<object>;
}

const SDK: Record<RegionalService, Record<string, unknown>> = { ec2, rds, elbv2, elb };

/**
 * Every page of a descriptor's list call (or of a follow-up call with its `input`), through the SDK's
 * paginator `paginate<Operation>` (or one `<Operation>Command` call for APIs that do not page, such
 * as DescribeAddresses).
 */
export async function* listPages(
  descriptor: Pick<ResourceDescriptor, 'service' | 'operation' | 'pageSize'>,
  clients: AccountClients,
  region: string,
  input: Record<string, string> = {},
): AsyncGenerator<object> {
  const sdk = SDK[descriptor.service];
  const client = clients.get(descriptor.service, region);
  const paginate = sdk[`paginate${descriptor.operation}`];
  if (typeof paginate === 'function') {
    yield* (paginate as Paginate)({ client, ...(descriptor.pageSize ? { pageSize: descriptor.pageSize } : {}) }, input);
    return;
  }
  const Command = sdk[`${descriptor.operation}Command`];
  if (typeof Command !== 'function') throw new Error(`the ${descriptor.service} SDK has no ${descriptor.operation} operation`);
  yield await (client as unknown as Sender).send(new (Command as CommandClass)(input));
}

/** A response body as AWS sent it: the SDK's `$metadata` (request id, attempts) is not part of it. */
export function responseBody(output: object): Record<string, unknown> {
  const { $metadata: _metadata, ...body } = output as Record<string, unknown>;
  return body;
}
